package org.lantian.ingest;

/**
 * Why input was refused. Every rejection is counted with this reason as a tag and kept in
 * the dead letters.
 */
public enum RejectionReason {

	/** The payload is not JSON, or not an object or array of objects. */
	MALFORMED_JSON,
	/** The payload is larger than the configured maximum. */
	OVERSIZED,
	/** A required field ({@code site}, {@code values}) is absent. */
	MISSING_FIELD,
	/** The site is not in the catalogue (INTERFACES §2). */
	UNKNOWN_SITE,
	/** The {@code site} differs from the site in the topic (INTERFACES §3.1). */
	SITE_MISMATCH,
	/** {@code time} is absent. */
	MISSING_TIME,
	/** {@code time} is not ISO-8601 with an offset, or lies too far in the future. */
	BAD_TIME,
	/** A key of {@code values} or {@code flags} is not a known measurand. */
	UNKNOWN_KEY,
	/** A value is not a number. */
	NON_NUMERIC,
	/** A value is NaN or infinite. */
	NON_FINITE,
	/** A value lies outside the measurand's plausible range. */
	OUT_OF_RANGE,
	/** A flag is not one of the HJ 212 data flags. */
	BAD_FLAG,
	/**
	 * The unit a site's HJ 212 configuration gives a factor is unknown, or cannot be
	 * converted to the measurand's unit.
	 */
	BAD_UNIT,
	/** {@code period} is not one of sample, minute, hour, day. */
	BAD_PERIOD,
	/** The caller may not push data for this site (INTERFACES §6). */
	FORBIDDEN_SITE,
	/**
	 * InfluxDB refused the point as invalid (e.g. a field type conflict); retrying cannot
	 * help.
	 */
	INVALID_POINT,
	/** An HJ 212 frame whose CRC does not match its data segment (HJ 212-2017 §6.3.4). */
	BAD_CRC,
	/** An HJ 212 frame whose length field does not match its data segment. */
	BAD_LENGTH,
	/** An HJ 212 frame malformed otherwise: header, trailer, fields or data area. */
	BAD_FRAME,
	/** An HJ 212 frame whose PW is not the site's password. */
	BAD_PASSWORD,
	/**
	 * A split HJ 212 message (PNUM/PNO, Flag bit D) whose packets did not all arrive: the
	 * reassembly timed out, the connection closed, or too many messages were pending.
	 */
	SPLIT_INCOMPLETE,
	/**
	 * The packets of a split HJ 212 message disagree: PNUM changed, a PNO came twice with
	 * different content, or their data areas contradict each other.
	 */
	SPLIT_INCONSISTENT

}
