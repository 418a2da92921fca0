package org.lantian.ingest.hj212;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Hj212Inspector} found in one text: every part of the frame it could read
 * and every problem, not only the first. Serialised as is by the REST API and the
 * command-line inspector. The password is never in it: {@code fields.PW} is masked.
 *
 * @param valid whether the decoder accepts the frame (no {@link Severity#ERROR}), once it
 * ends in CR LF
 * @param trailer how the text ended: {@code CRLF}, {@code LF}, {@code CR} or {@code none}
 * (a frame pasted without its line end is inspected as if it had one)
 * @param fields the data segment's fields (表3) as sent, in order, PW masked
 * @param system the meaning of ST (表5), if known
 * @param command the meaning of CN (表9), if known
 * @param flag the Flag bits (表3), if a valid Flag was sent
 * @param site the catalogue site of the MN, where a catalogue was consulted and the
 * caller may see it
 * @param readings what the ingest mapping would make of the frame; empty for other CNs
 * @param problems errors, warnings and notes in the order found
 */
public record Hj212Inspection(boolean valid, String trailer, Map<String, String> fields, @Nullable String system,
		@Nullable String command, @Nullable FlagBits flag, @Nullable Length length, @Nullable Crc crc,
		@Nullable DataArea dataArea, @Nullable SiteRef site, List<ReadingPreview> readings, List<Problem> problems) {

	public Hj212Inspection {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		readings = List.copyOf(readings);
		problems = List.copyOf(problems);
	}

	/** How much a problem matters. */
	public enum Severity {

		/** The decoder refuses the frame. */
		ERROR,
		/** The frame is accepted, but part of it would be refused or is unusual. */
		WARNING,
		/** Worth knowing; nothing is refused. */
		INFO

	}

	/**
	 * One problem.
	 *
	 * @param code a {@link Hj212FormatException.Reason} name for frame errors, an ingest
	 * {@code RejectionReason} name for what the mapping would refuse, or
	 * {@code NO_TRAILER}, {@code UNKNOWN_SITE}, {@code NOT_DATA_UPLOAD}
	 * @param offset the character offset in the text (0 = the first {@code #}), where one
	 * applies
	 */
	public record Problem(String code, Severity severity, String message, @Nullable Integer offset) {

	}

	/**
	 * The length field (表2).
	 *
	 * @param field the 4 characters as sent
	 * @param declared their value, if they are 4 digits
	 * @param segmentBytes the data segment's UTF-8 byte count, which the field must equal
	 * @param segmentCharacters the data segment's character count
	 * @param matchesLegacyPlusSix whether the field counts 6 more (CRC + CR LF), the
	 * legacy convention of STANDARDS §3.11
	 * @param max the longest data segment accepted (1024, 表2)
	 */
	public record Length(String field, @Nullable Integer declared, int segmentBytes, int segmentCharacters,
			boolean matches, boolean matchesLegacyPlusSix, int max) {

	}

	/**
	 * The CRC (附录A, STANDARDS §3.10).
	 *
	 * @param received the 4 characters as sent
	 * @param expected the HJ 212 CRC16 of the data segment
	 * @param modbus the CRC-16/MODBUS of the data segment, which some devices send
	 * instead
	 * @param matches whether received equals expected (case-insensitive)
	 * @param matchesModbus whether received equals the MODBUS CRC
	 */
	public record Crc(String received, String expected, String modbus, boolean matches, boolean matchesModbus) {

	}

	/**
	 * The Flag bits {@code V5…V0 D A} (表3).
	 *
	 * @param versionBits V5…V0: 0 = HJ/T 212-2005, 1 = HJ 212-2017, 2 = HJ 212-2025
	 * @param version the edition's name, or {@code unknown}
	 * @param split D: the packet is one part of a split message (PNUM/PNO)
	 * @param replyRequested A: the sender expects a reply (9014 for uploads)
	 */
	public record FlagBits(int value, int versionBits, String version, boolean split, boolean replyRequested) {

	}

	/**
	 * The data area {@code CP=&&…&&} (§6.3.3).
	 *
	 * @param dataTime DataTime as ISO local date-time, if sent and valid
	 * @param fields the plain items ({@code DataTime}, {@code RtdInterval}, …) as sent
	 * @param factors the factors in the order sent
	 */
	public record DataArea(@Nullable String dataTime, Map<String, String> fields, List<Factor> factors) {

		public DataArea {
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
			factors = List.copyOf(factors);
		}

	}

	/**
	 * One factor of the data area.
	 *
	 * @param code the factor code as sent ({@code a34004}, {@code 011})
	 * @param key the Lantian measurand key it maps to ({@code pm25}), if mapped
	 * @param values its sub-fields by suffix ({@code Rtd}, {@code Avg}, {@code Flag}, …)
	 */
	public record Factor(String code, @Nullable String key, Map<String, String> values) {

		public Factor {
			values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}

	}

	/** A catalogue site. */
	public record SiteRef(String id, String name) {

	}

	/**
	 * The reading the ingest mapping would produce.
	 *
	 * @param site the catalogue site id, or {@code null} if the MN was not looked up or
	 * not found
	 * @param siteKind {@code ambient} or {@code stack}, which decides the units
	 * @param siteKindAssumed whether the kind was guessed from ST (no catalogue site)
	 * @param period sample, minute, hour or day (CN 2011, 2051, 2061, 2031)
	 * @param time DataTime in the configured zone; the period start for averages
	 */
	public record ReadingPreview(@Nullable String site, String siteKind, boolean siteKindAssumed, String period,
			String time, List<Value> values) {

		public ReadingPreview {
			values = List.copyOf(values);
		}

	}

	/** One value of a previewed reading, in Lantian's unit. */
	public record Value(String key, String value, String unit, String flag) {

	}

}
