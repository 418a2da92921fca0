package org.lantian.ingest.hj212;

/**
 * A text that is not a well-formed HJ 212 frame; the only exception the decoder throws.
 */
public class Hj212FormatException extends RuntimeException {

	private final Reason reason;

	public Hj212FormatException(Reason reason, String message) {
		super(reason + ": " + message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a frame was refused (STANDARDS §3.2–§3.4).
	 */
	public enum Reason {

		/** The frame does not start with {@code ##} (包头). */
		BAD_HEADER,
		/**
		 * The 4-digit length is not 4 decimal digits, or differs from the data segment's
		 * UTF-8 byte count.
		 */
		BAD_LENGTH,
		/** The CRC is not 4 hex digits, or differs from the CRC of the data segment. */
		BAD_CRC,
		/** The frame does not end with {@code \r\n} (包尾). */
		BAD_TRAILER,
		/** The data segment is longer than the maximum (1024 bytes by default). */
		TOO_LONG,
		/**
		 * The data segment contains a control character or a lone UTF-16 surrogate, which
		 * no UTF-8 text can carry.
		 */
		BAD_CHARACTER,
		/** A required field (ST, CN, PW, MN, CP) is absent. */
		MISSING_FIELD,
		/** A field is unknown, repeated, or has an impossible value. */
		BAD_FIELD,
		/** The data area ({@code CP=&&…&&}) does not follow §6.3.3. */
		BAD_DATA_AREA

	}

}
