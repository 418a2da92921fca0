package org.lantian.domain;

/**
 * The catalogue identifier of a monitoring point, e.g. {@code BT-KDL-01}.
 */
public record SiteId(String value) implements Comparable<SiteId> {

	private static final int MAX_LENGTH = 64;

	public SiteId {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("invalid site id: '" + value
					+ "' (letters, digits, '-', '_' or '.', at most 64, starting with a letter or digit)");
		}
	}

	public static SiteId of(String value) {
		return new SiteId(value);
	}

	/**
	 * Whether the text is a valid site id: {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,63}}.
	 * Checked for every reading, so by hand rather than with a regular expression.
	 */
	public static boolean isWellFormed(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !isLetterOrDigit(value.charAt(0))) {
			return false;
		}
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
				return false;
			}
		}
		return true;
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	@Override
	public int compareTo(SiteId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
