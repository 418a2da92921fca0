package org.lantian.ingest.hj212;

/**
 * Character checks that the decoder, the frame and the inspector share.
 */
final class Hj212Text {

	private Hj212Text() {
	}

	/** Whether the text is {@code min} to {@code max} ASCII digits. */
	static boolean isDigits(String text, int min, int max) {
		return text.length() >= min && text.length() <= max && isAsciiDigits(text);
	}

	/** Whether every character is an ASCII digit (true for the empty text). */
	static boolean isAsciiDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** Whether every character is a hex digit, either case (true for the empty text). */
	static boolean isHex(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

}
