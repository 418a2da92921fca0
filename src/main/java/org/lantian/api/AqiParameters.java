package org.lantian.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.AqiStandard;

/**
 * The names under which the API reads and writes the AQI indicators (INTERFACES §5.2):
 * the pollutant's key for the report's own averaging time ({@code pm25} is the daily mean
 * in the daily report and the 1-hour value in the real-time report), {@code o3} for the
 * O₃ 1-hour value (日最大1小时 in the 2012 daily report), {@code o3_8h} for O₃ 8-hour, and, in
 * the HJ 633-2012 real-time report only, {@code pm25_24h}, {@code pm10_24h} and
 * {@code so2_24h} for the 24-hour moving means.
 */
final class AqiParameters {

	private static final Map<String, AqiIndicator> DAILY = names(AqiIndicator.PM25_24H, AqiIndicator.PM10_24H,
			AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.CO_24H);

	private static final Map<String, AqiIndicator> REAL_TIME = names(AqiIndicator.PM25_1H, AqiIndicator.PM10_1H,
			AqiIndicator.SO2_1H, AqiIndicator.NO2_1H, AqiIndicator.CO_1H);

	static {
		for (Map<String, AqiIndicator> names : List.of(DAILY, REAL_TIME)) {
			names.put("o3", AqiIndicator.O3_1H);
			names.put("o3_8h", AqiIndicator.O3_8H);
		}
		REAL_TIME.put("pm25_24h", AqiIndicator.PM25_24H);
		REAL_TIME.put("pm10_24h", AqiIndicator.PM10_24H);
		REAL_TIME.put("so2_24h", AqiIndicator.SO2_24H);
	}

	private AqiParameters() {
	}

	/**
	 * The concentration parameters the report of the edition takes, in the order of
	 * INTERFACES §5.2, each with its indicator.
	 */
	static Map<String, AqiIndicator> of(AqiStandard standard, AqiReport report) {
		Set<AqiIndicator> inputs = standard.inputs(report);
		Map<String, AqiIndicator> names = new LinkedHashMap<>();
		((report == AqiReport.DAILY) ? DAILY : REAL_TIME).forEach((name, indicator) -> {
			if (inputs.contains(indicator)) {
				names.put(name, indicator);
			}
		});
		return Collections.unmodifiableMap(names);
	}

	/** Whether any edition or report takes a concentration under this name. */
	static boolean isConcentration(String name) {
		return DAILY.containsKey(name) || REAL_TIME.containsKey(name);
	}

	/** The JSON key of an indicator in the report of the edition, e.g. {@code pm25}. */
	static String nameOf(AqiStandard standard, AqiReport report, AqiIndicator indicator) {
		Optional<String> name = of(standard, report).entrySet()
			.stream()
			.filter((e) -> e.getValue() == indicator)
			.map(Map.Entry::getKey)
			.findFirst();
		return name.orElse(indicator.key());
	}

	private static Map<String, AqiIndicator> names(AqiIndicator... indicators) {
		Map<String, AqiIndicator> names = new LinkedHashMap<>();
		for (AqiIndicator indicator : indicators) {
			names.put(indicator.pollutant().key(), indicator);
		}
		return names;
	}

}
