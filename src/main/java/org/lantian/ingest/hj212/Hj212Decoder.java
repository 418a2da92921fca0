package org.lantian.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Hj212Access;
import org.lantian.ingest.hj212.Hj212FormatException.Reason;

/**
 * Decodes one complete HJ 212 frame ({@code ##dddd<segment><CRC>\r\n}, 表2) and checks it
 * as STANDARDS §3.2, §3.3 and §3.10 require. Thread-safe.
 */
public final class Hj212Decoder {

	/** Data segment maximum, 表2: 0–1024 characters. */
	public static final int MAX_SEGMENT_LENGTH = 1024;

	private static final String HEADER = "##";

	private static final String TRAILER = "\r\n";

	private static final String CP_START = "CP=&&";

	private static final String CP_END = "&&";

	/** {@code ##} + 4 digits + 4 CRC digits + {@code \r\n}, 表2. */
	private static final int ENVELOPE = 12;

	/** The legacy convention also counts the CRC and {@code \r\n} (STANDARDS §3.11). */
	private static final int LEGACY_EXTRA = 6;

	private final Options options;

	public Hj212Decoder() {
		this(Options.STANDARD);
	}

	public Hj212Decoder(Options options) {
		this.options = options;
	}

	/**
	 * The frame in {@code text}.
	 * @throws Hj212FormatException for anything else, with the reason; never another
	 * exception
	 */
	public Hj212Frame decode(String text) {
		return decode(text, this.options);
	}

	/**
	 * The frame in {@code text}, checked with the given sender's conventions instead of
	 * this decoder's (a site's CRC and length rule, STANDARDS §3.15).
	 * @throws Hj212FormatException for anything else, with the reason; never another
	 * exception
	 */
	public Hj212Frame decode(String text, Options options) {
		if (!text.startsWith(HEADER)) {
			throw new Hj212FormatException(Reason.BAD_HEADER, "frame does not start with '##'");
		}
		if (!text.endsWith(TRAILER)) {
			throw new Hj212FormatException(Reason.BAD_TRAILER, "frame does not end with CR LF");
		}
		if (text.length() < ENVELOPE) {
			throw new Hj212FormatException(Reason.BAD_LENGTH,
					"frame of " + text.length() + " characters is shorter than the minimum " + ENVELOPE);
		}
		String lengthField = text.substring(2, 6);
		if (!Hj212Text.isAsciiDigits(lengthField)) {
			throw new Hj212FormatException(Reason.BAD_LENGTH, "length '" + lengthField + "' is not 4 digits");
		}
		String segment = text.substring(6, text.length() - 6);
		int max = options.maxSegmentLength();
		if (segment.length() > max) {
			throw new Hj212FormatException(Reason.TOO_LONG,
					"data segment of " + segment.length() + " characters exceeds " + max);
		}
		if (Hj212Frame.hasControlOrLoneSurrogate(segment)) {
			throw new Hj212FormatException(Reason.BAD_CHARACTER,
					"data segment contains a control character or a lone surrogate");
		}
		byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > max) {
			throw new Hj212FormatException(Reason.TOO_LONG,
					"data segment of " + bytes.length + " bytes exceeds " + max);
		}
		int declared = Integer.parseInt(lengthField);
		int expected = bytes.length + (options.legacyLength() ? LEGACY_EXTRA : 0);
		if (declared != expected) {
			throw new Hj212FormatException(Reason.BAD_LENGTH, "length field says " + declared + ", expected " + expected
					+ (options.legacyLength() ? " (data segment + 6, legacy)" : " (data segment bytes)"));
		}
		String received = text.substring(text.length() - 6, text.length() - 2);
		if (!Hj212Text.isHex(received)) {
			throw new Hj212FormatException(Reason.BAD_CRC, "CRC '" + received + "' is not 4 hex digits");
		}
		String computed = Hj212Crc.hex(Hj212Crc.compute(bytes, options.crc()));
		// §3.10: some senders emit lowercase hex digits
		if (!computed.equalsIgnoreCase(received)) {
			// §3.15: only the sender's own CRC is accepted; the other one is named, never
			// accepted
			Hj212Access.Crc other = (options.crc() == Hj212Access.Crc.MODBUS) ? Hj212Access.Crc.HJ212
					: Hj212Access.Crc.MODBUS;
			boolean otherMatches = Hj212Crc.hex(Hj212Crc.compute(bytes, other)).equalsIgnoreCase(received);
			throw new Hj212FormatException(Reason.BAD_CRC,
					"CRC received " + received + ", expected " + computed + " (" + crcName(options.crc()) + ")"
							+ (otherMatches ? "; it is the " + crcName(other) + " of the data segment: is the site's"
									+ " crc setting right?" : ""));
		}
		return parseSegment(segment);
	}

	private static String crcName(Hj212Access.Crc crc) {
		return (crc == Hj212Access.Crc.MODBUS) ? "CRC-16/MODBUS" : "HJ 212 CRC";
	}

	/** The options this decoder checks with when given none. */
	public Options options() {
		return this.options;
	}

	/**
	 * The {@code MN} a candidate frame names, read without checking its length or CRC, so
	 * that the sender's conventions can be looked up before they are checked (STANDARDS
	 * §3.15). Only the fields before {@code CP=&&} are read. Not to be trusted: the frame
	 * must still be decoded. Never throws.
	 */
	public static Optional<String> peekMn(String text) {
		if (text.length() < ENVELOPE || !text.startsWith(HEADER)) {
			return Optional.empty();
		}
		int end = text.indexOf(";" + CP_START, 6);
		if (end < 0) {
			return Optional.empty();
		}
		int start = 6;
		while (start < end) {
			int next = text.indexOf(';', start);
			if (next < 0 || next > end) {
				next = end;
			}
			if (text.startsWith("MN=", start)) {
				return Optional.of(text.substring(start + 3, next));
			}
			start = next + 1;
		}
		return Optional.empty();
	}

	private static Hj212Frame parseSegment(String segment) {
		int cpAt = segment.startsWith(CP_START) ? 0 : segment.indexOf(";" + CP_START);
		if (cpAt < 0) {
			throw new Hj212FormatException(Reason.MISSING_FIELD, "CP=&& is missing");
		}
		int cpStart = (cpAt == 0) ? CP_START.length() : cpAt + 1 + CP_START.length();
		if (segment.length() < cpStart + CP_END.length() || !segment.endsWith(CP_END)) {
			throw new Hj212FormatException(Reason.BAD_DATA_AREA, "data area does not end with '&&'");
		}
		String cp = segment.substring(cpStart, segment.length() - CP_END.length());
		if (cp.contains(CP_END)) {
			throw new Hj212FormatException(Reason.BAD_DATA_AREA, "data area contains '&&'");
		}
		Hj212DataArea.parse(cp);
		Map<String, String> fields = new HashMap<>();
		if (cpAt > 0) {
			for (String part : segment.substring(0, cpAt).split(";", -1)) {
				int eq = part.indexOf('=');
				if (eq < 0) {
					throw new Hj212FormatException(Reason.BAD_FIELD, "field is not name=value: '" + part + "'");
				}
				String name = part.substring(0, eq);
				if (!isKnownField(name)) {
					throw new Hj212FormatException(Reason.BAD_FIELD, "unknown field '" + name + "'");
				}
				if (fields.put(name, part.substring(eq + 1)) != null) {
					throw new Hj212FormatException(Reason.BAD_FIELD, name + " appears twice");
				}
			}
		}
		try {
			return new Hj212Frame(fields.get("QN"), required(fields, "ST"), required(fields, "CN"),
					required(fields, "PW"), required(fields, "MN"), number(fields, "Flag"), number(fields, "PNUM"),
					number(fields, "PNO"), cp);
		}
		catch (IllegalArgumentException ex) {
			throw new Hj212FormatException(Reason.BAD_FIELD, ex.getMessage());
		}
	}

	private static boolean isKnownField(String name) {
		return switch (name) {
			case "QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO" -> true;
			default -> false;
		};
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new Hj212FormatException(Reason.MISSING_FIELD, name + " is missing");
		}
		return value;
	}

	private static @Nullable Integer number(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			return null;
		}
		if (value.isEmpty() || value.length() > 4 || !Hj212Text.isAsciiDigits(value)) {
			throw new Hj212FormatException(Reason.BAD_FIELD, name + " is not a number of 1-4 digits: '" + value + "'");
		}
		return Integer.parseInt(value);
	}

	/**
	 * Per-sender decoding options.
	 *
	 * @param legacyLength the length field counts 6 more bytes than the data segment (CRC
	 * and CR LF), as some 2005-style senders do (STANDARDS §3.11); exactly one convention
	 * is accepted, never both
	 * @param maxSegmentLength the longest data segment accepted, in UTF-8 bytes (表2:
	 * 1024)
	 * @param crc the one CRC accepted: the HJ 212 CRC of 附录A, or CRC-16/MODBUS for
	 * devices that send it (STANDARDS §3.11); never both
	 */
	public record Options(boolean legacyLength, int maxSegmentLength, Hj212Access.Crc crc) {

		/** HJ 212-2017 as written: exact length, at most 1024 bytes, the 附录A CRC. */
		public static final Options STANDARD = new Options(false, MAX_SEGMENT_LENGTH);

		public Options {
			if (maxSegmentLength < 0 || maxSegmentLength > 9999 - LEGACY_EXTRA) {
				throw new IllegalArgumentException(
						"maxSegmentLength must fit the 4-digit length field: " + maxSegmentLength);
			}
			if (crc == null) {
				throw new IllegalArgumentException("crc is required (HJ212 or MODBUS)");
			}
		}

		/** Options with the HJ 212 CRC of 附录A. */
		public Options(boolean legacyLength, int maxSegmentLength) {
			this(legacyLength, maxSegmentLength, Hj212Access.Crc.HJ212);
		}

		/**
		 * These options for a site's logger: its CRC, and its length rule if it has one.
		 */
		public Options forSite(Hj212Access access) {
			return new Options(access.legacyLengthOr(this.legacyLength), this.maxSegmentLength, access.crc());
		}

	}

}
