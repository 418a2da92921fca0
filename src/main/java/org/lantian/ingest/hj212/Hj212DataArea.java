package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.ingest.hj212.Hj212FormatException.Reason;

/**
 * A data area ({@code CP=&&…&&}, §6.3.3, STANDARDS §3.4) in the order sent: plain fields
 * such as {@code DataTime} or {@code RtdInterval}, and per factor code its sub-fields by
 * suffix ({@code a34004-Rtd=…,a34004-Flag=N}). Values stay the exact text sent.
 */
public record Hj212DataArea(Map<String, String> fields, Map<String, Map<String, String>> factors) {

	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	public Hj212DataArea {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		factors.forEach((code, values) -> copy.put(code, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
		factors = Collections.unmodifiableMap(copy);
	}

	/**
	 * Parses a data area. Tolerant as STANDARDS §3.4 advises: {@code ,} and {@code ;} are
	 * both accepted between any two items, so {@code ;} between the sub-fields of one
	 * factor and 2005-style codes ({@code 011-Rtd}, {@code B02-Rtd}) parse too.
	 * @throws Hj212FormatException ({@link Reason#BAD_DATA_AREA}) for an item without
	 * {@code =}, an empty name or a repeated name
	 */
	public static Hj212DataArea parse(String cp) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, Map<String, String>> factors = new LinkedHashMap<>();
		for (String item : cp.split("[;,]", -1)) {
			if (item.isEmpty()) {
				continue; // a trailing or doubled separator carries nothing
			}
			int eq = item.indexOf('=');
			if (eq <= 0) {
				throw new Hj212FormatException(Reason.BAD_DATA_AREA, "item is not name=value: '" + item + "'");
			}
			String name = item.substring(0, eq);
			String value = item.substring(eq + 1);
			int dash = name.lastIndexOf('-');
			String previous;
			if (dash > 0 && dash < name.length() - 1) {
				previous = factors.computeIfAbsent(name.substring(0, dash), (code) -> new LinkedHashMap<>())
					.putIfAbsent(name.substring(dash + 1), value);
			}
			else {
				previous = fields.putIfAbsent(name, value);
			}
			if (previous != null) {
				throw new Hj212FormatException(Reason.BAD_DATA_AREA, "'" + name + "' appears twice");
			}
		}
		Hj212DataArea area = new Hj212DataArea(fields, factors);
		area.dataTime(); // fail early on a malformed DataTime
		return area;
	}

	/**
	 * {@code DataTime} as sent (local time; the period start for 2051/2061/2031, §3.5),
	 * if present. Accepts {@code YYYYMMDDhhmmss} and the millisecond form some 2005-style
	 * senders use.
	 */
	public Optional<LocalDateTime> dataTime() {
		String text = this.fields.get("DataTime");
		if (text == null) {
			return Optional.empty();
		}
		if (text.length() != 14 && !(text.length() == 17 && text.substring(14).chars().allMatch(Character::isDigit))) {
			throw new Hj212FormatException(Reason.BAD_DATA_AREA, "DataTime is not YYYYMMDDhhmmss: '" + text + "'");
		}
		try {
			return Optional.of(LocalDateTime.parse(text.substring(0, 14), DATA_TIME));
		}
		catch (DateTimeParseException ex) {
			throw new Hj212FormatException(Reason.BAD_DATA_AREA, "DataTime is not YYYYMMDDhhmmss: '" + text + "'");
		}
	}

	/** The text of a factor's sub-field ({@code a34004}, {@code Rtd}), if sent. */
	public @Nullable String text(String code, String suffix) {
		Map<String, String> values = this.factors.get(code);
		return (values != null) ? values.get(suffix) : null;
	}

	/**
	 * A factor's numeric sub-field, exactly as sent (N14.2 style: sign, digits, optional
	 * decimals; never via {@code double}).
	 * @throws Hj212FormatException ({@link Reason#BAD_DATA_AREA}) if it is not a number
	 */
	public Optional<BigDecimal> number(String code, String suffix) {
		String text = text(code, suffix);
		if (text == null) {
			return Optional.empty();
		}
		if (text.length() > 32 || !NUMBER.matcher(text).matches()) {
			throw new Hj212FormatException(Reason.BAD_DATA_AREA,
					code + "-" + suffix + " is not a number: '" + text + "'");
		}
		return Optional.of(new BigDecimal(text));
	}

	/**
	 * A factor's data flag ({@code -Flag}, 表8), if sent.
	 * @throws Hj212FormatException ({@link Reason#BAD_DATA_AREA}) if it is not one of N,
	 * F, M, S, D, C, T, B
	 */
	public Optional<DataFlag> flag(String code) {
		String text = text(code, "Flag");
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(DataFlag.parse(text));
		}
		catch (IllegalArgumentException ex) {
			throw new Hj212FormatException(Reason.BAD_DATA_AREA, code + "-Flag: " + ex.getMessage());
		}
	}

}
