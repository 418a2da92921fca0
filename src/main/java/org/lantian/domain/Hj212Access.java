package org.lantian.domain;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a site's data logger identifies itself over HJ 212: its equipment number {@code MN}
 * and access password {@code PW} (HJ 212-2017 §6.3.2), and optional per-factor units
 * where the logger reports in other units.
 */
public record Hj212Access(String mn, String password, Map<String, String> units) {

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
		units = (units != null) ? Map.copyOf(units) : Map.of();
	}

	@Override
	public String toString() {
		return "Hj212Access[mn=" + this.mn + ", password=***, units=" + this.units + "]";
	}

}
