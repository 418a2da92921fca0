package org.lantian.domain;

import java.util.regex.Pattern;

/**
 * The catalogue identifier of a monitoring point, e.g. {@code BT-KDL-01}.
 */
public record SiteId(String value) implements Comparable<SiteId> {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	public SiteId {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("invalid site id: '" + value
					+ "' (letters, digits, '-', '_' or '.', at most 64, starting with a letter or digit)");
		}
	}

	public static SiteId of(String value) {
		return new SiteId(value);
	}

	public static boolean isWellFormed(String value) {
		return value != null && FORM.matcher(value).matches();
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
