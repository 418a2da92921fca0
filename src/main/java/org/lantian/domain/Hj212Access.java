package org.lantian.domain;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How a site's data logger identifies itself over HJ 212: its equipment number {@code MN}
 * and access password {@code PW} (HJ 212-2017 §6.3.2), optional per-factor units where
 * the logger reports in other units, and the codec conventions of devices in the field
 * (STANDARDS §3.11, §3.15): which CRC it sends and whether its length field counts the
 * CRC and CR LF too.
 *
 * @param mn the equipment number
 * @param password the access password
 * @param units per-factor units, where the logger reports in other units
 * @param crc the one CRC this logger's frames are checked with; never both
 * @param legacyLength whether the length field counts 6 more bytes (CRC and CR LF), or
 * {@code null} when the catalogue does not say (the platform's default applies)
 */
public record Hj212Access(String mn, String password, Map<String, String> units, Crc crc,
		@Nullable Boolean legacyLength) {

	// HJ 212-2017 表4: MN is up to 24 characters, PW up to 6 (the standard); we accept
	// letters and digits.
	private static final Pattern MN = Pattern.compile("[A-Za-z0-9]{1,24}");

	public Hj212Access {
		if (mn == null || !MN.matcher(mn).matches()) {
			throw new IllegalArgumentException("invalid HJ 212 MN: '" + mn + "' (1 to 24 letters or digits)");
		}
		if (password == null || password.isEmpty()) {
			throw new IllegalArgumentException("HJ 212 MN " + mn + " has no password");
		}
		if (crc == null) {
			throw new IllegalArgumentException("HJ 212 MN " + mn + " has no CRC mode (hj212 or modbus)");
		}
		units = (units != null) ? Map.copyOf(units) : Map.of();
	}

	/**
	 * A logger that follows HJ 212-2017 as written: its CRC, the platform's length rule.
	 */
	public Hj212Access(String mn, String password, Map<String, String> units) {
		this(mn, password, units, Crc.HJ212, null);
	}

	/**
	 * Whether the length field counts the CRC and CR LF too: the site's setting, else the
	 * platform's default.
	 */
	public boolean legacyLengthOr(boolean platformDefault) {
		return (this.legacyLength != null) ? this.legacyLength : platformDefault;
	}

	@Override
	public String toString() {
		return "Hj212Access[mn=" + this.mn + ", password=***, units=" + this.units + ", crc=" + this.crc.key()
				+ ", legacyLength=" + this.legacyLength + "]";
	}

	/**
	 * The CRC a logger sends (STANDARDS §3.10, §3.11).
	 */
	public enum Crc {

		/** The CRC16 of HJ 212-2017 附录A (the default). */
		HJ212,

		/** Plain CRC-16/MODBUS, as some devices in the field send instead. */
		MODBUS;

		/** The catalogue's spelling: {@code hj212} or {@code modbus}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * @throws IllegalArgumentException naming the value, for anything but
		 * {@code hj212} and {@code modbus}
		 */
		public static Crc fromKey(String key) {
			for (Crc crc : values()) {
				if (crc.key().equals(key)) {
					return crc;
				}
			}
			throw new IllegalArgumentException("unknown HJ 212 CRC mode: '" + key + "' (hj212 or modbus)");
		}

	}

}
