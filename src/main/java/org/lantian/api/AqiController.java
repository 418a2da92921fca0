package org.lantian.api;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.aqi.AqiCalculator;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.AqiStandard;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AQI calculator for analysts (INTERFACES §5.2): concentrations in, the AQI item out,
 * computed by the same {@link AqiCalculator} as the stored AQI. Nothing is read or
 * stored; any API key may call it.
 */
@RestController
@Tag(name = "Air quality")
@RequestMapping("/api/v1/aqi")
class AqiController {

	/**
	 * A concentration as a plain decimal: no sign, no exponent (an exponent such as
	 * {@code 1e999999999} would make exact rounding allocate without bound), at most 9
	 * digits on either side of the point.
	 */
	private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

	private static final Set<String> CONTROL = Set.of("standard", "report");

	@GetMapping("/calculate")
	@Operation(summary = "Calculate an AQI from concentrations (INTERFACES §5.2)",
			description = "HJ 633-2026 or HJ 633-2012, daily (日报) or real-time (实时报) report. Concentrations in µg/m³"
					+ " (CO in mg/m³) as plain decimals; a blank or absent one is missing (NA). Daily: pm25, pm10, so2,"
					+ " no2, co as daily means, o3_8h as the daily maximum 8-hour mean, o3 as the daily maximum"
					+ " 1-hour value (HJ 633-2012 only). Real-time: 1-hour values pm25, pm10, so2, no2, co, o3;"
					+ " HJ 633-2012 also o3_8h (8-hour moving mean) and pm25_24h, pm10_24h, so2_24h (24-hour"
					+ " moving means). 400 for an unknown parameter, one the report does not take, or a value that is"
					+ " not a non-negative decimal.",
			parameters = {
					@Parameter(name = "standard", in = ParameterIn.QUERY, required = true,
							description = "the HJ 633 edition",
							schema = @Schema(allowableValues = { "HJ633-2026", "HJ633-2012" })),
					@Parameter(name = "report", in = ParameterIn.QUERY, required = true,
							description = "daily (日报) or realtime (实时报)",
							schema = @Schema(allowableValues = { "daily", "realtime" })),
					@Parameter(name = "pm25", in = ParameterIn.QUERY, example = "78",
							description = "PM2.5 µg/m³: daily mean (daily) or 1-hour value (realtime)"),
					@Parameter(name = "pm10", in = ParameterIn.QUERY,
							description = "PM10 µg/m³: daily mean (daily) or 1-hour value (realtime)"),
					@Parameter(name = "so2", in = ParameterIn.QUERY,
							description = "SO₂ µg/m³: daily mean (daily) or 1-hour value (realtime)"),
					@Parameter(name = "no2", in = ParameterIn.QUERY,
							description = "NO₂ µg/m³: daily mean (daily) or 1-hour value (realtime)"),
					@Parameter(name = "co", in = ParameterIn.QUERY,
							description = "CO mg/m³: daily mean (daily) or 1-hour value (realtime)"),
					@Parameter(name = "o3", in = ParameterIn.QUERY,
							description = "O₃ µg/m³ 1-hour value (realtime; daily maximum 1-hour in the HJ 633-2012 daily report)"),
					@Parameter(name = "o3_8h", in = ParameterIn.QUERY,
							description = "O₃ µg/m³ 8-hour: daily maximum 8-hour mean (daily) or 8-hour moving mean (HJ 633-2012 realtime)"),
					@Parameter(name = "pm25_24h", in = ParameterIn.QUERY,
							description = "PM2.5 µg/m³ 24-hour moving mean (HJ 633-2012 realtime only)"),
					@Parameter(name = "pm10_24h", in = ParameterIn.QUERY,
							description = "PM10 µg/m³ 24-hour moving mean (HJ 633-2012 realtime only)"),
					@Parameter(name = "so2_24h", in = ParameterIn.QUERY,
							description = "SO₂ µg/m³ 24-hour moving mean (HJ 633-2012 realtime only)") })
	@ApiResponse(responseCode = "200", description = "The AQI item (INTERFACES §5.2, without start/end)")
	@ApiResponse(responseCode = "400",
			description = "Unknown or repeated parameter, one the report does not take, no concentration, or a "
					+ "value that is not a non-negative plain decimal")
	@OpenToEveryRole
	AqiItemResponse calculate(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		for (String name : query.keySet()) {
			if (!CONTROL.contains(name) && !AqiParameters.isConcentration(name)) {
				throw ApiProblemException.badRequest("unknown parameter '" + name
						+ "': the calculator takes standard, report and the concentrations pm25, pm10, so2, no2,"
						+ " co, o3, o3_8h (and pm25_24h, pm10_24h, so2_24h for HJ633-2012 realtime)");
			}
		}
		AqiStandard standard = parseStandard(single(query, "standard"));
		AqiReport report = parseReport(single(query, "report"));
		Map<String, AqiIndicator> accepted = AqiParameters.of(standard, report);
		Map<AqiIndicator, BigDecimal> concentrations = new EnumMap<>(AqiIndicator.class);
		for (String name : query.keySet()) {
			if (CONTROL.contains(name)) {
				continue;
			}
			AqiIndicator indicator = accepted.get(name);
			if (indicator == null) {
				throw ApiProblemException
					.badRequest(standard.label() + " " + reportName(report) + " report takes no '" + name + "'"
							+ hint(standard, report, name) + "; it takes " + String.join(", ", accepted.keySet()));
			}
			String value = single(query, name);
			if (value != null) {
				concentrations.put(indicator, parseConcentration(name, value, indicator));
			}
		}
		if (concentrations.isEmpty()) {
			throw ApiProblemException.badRequest("no concentration given: the " + standard.label() + " "
					+ reportName(report) + " report takes " + String.join(", ", accepted.keySet()));
		}
		return AqiItemResponse.from(AqiCalculator.calculate(standard, report, concentrations));
	}

	/** The parameter's only value, trimmed; {@code null} when absent or blank. */
	private static @Nullable String single(MultiValueMap<String, String> query, String name) {
		List<String> values = query.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw ApiProblemException.badRequest("parameter '" + name + "' is given " + values.size() + " times");
		}
		String value = values.get(0);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static AqiStandard parseStandard(@Nullable String value) {
		if (value == null) {
			throw ApiProblemException.badRequest("parameter 'standard' is required: HJ633-2026 or HJ633-2012");
		}
		String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
		for (AqiStandard standard : AqiStandard.values()) {
			if (standard.label().replace(" ", "").equals(compact)) {
				return standard;
			}
		}
		throw ApiProblemException
			.badRequest("parameter 'standard' must be HJ633-2026 or HJ633-2012, not '" + value + "'");
	}

	private static AqiReport parseReport(@Nullable String value) {
		if (value == null) {
			throw ApiProblemException.badRequest("parameter 'report' is required: daily or realtime");
		}
		switch (value.toLowerCase(Locale.ROOT)) {
			case "daily":
				return AqiReport.DAILY;
			case "realtime":
				return AqiReport.REAL_TIME;
			default:
				throw ApiProblemException
					.badRequest("parameter 'report' must be daily or realtime, not '" + value + "'");
		}
	}

	private static BigDecimal parseConcentration(String name, String value, AqiIndicator indicator) {
		if (value.startsWith("-") && DECIMAL.matcher(value.substring(1)).matches()) {
			throw ApiProblemException.badRequest(
					"parameter '" + name + "' must not be negative: " + value + " " + indicator.unit().symbol());
		}
		if (!DECIMAL.matcher(value).matches()) {
			throw ApiProblemException.badRequest("parameter '" + name + "' must be a plain decimal number in "
					+ indicator.unit().symbol() + " such as 78 or 1.2, not '" + value + "'");
		}
		return new BigDecimal(value);
	}

	private static String hint(AqiStandard standard, AqiReport report, String name) {
		if (name.endsWith("_24h") && !name.equals("o3_8h")) {
			return " (24-hour moving means are inputs of the HJ633-2012 realtime report only; in a daily report "
					+ name.substring(0, name.length() - 4) + " is the daily mean)";
		}
		if (name.equals("o3") && report == AqiReport.DAILY) {
			return " (" + standard.label() + " indexes O₃ in the daily report by its daily maximum 8-hour mean, o3_8h)";
		}
		if (name.equals("o3_8h") && report == AqiReport.REAL_TIME) {
			return " (" + standard.label() + " indexes O₃ in the real-time report by its 1-hour value, o3)";
		}
		return "";
	}

	private static String reportName(AqiReport report) {
		return (report == AqiReport.DAILY) ? "daily" : "realtime";
	}

}
