package org.lantian.domain.aqi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.lantian.domain.Measurand;
import org.lantian.domain.Unit;

/**
 * A concentration an AQI report is built from: a pollutant over an averaging time (HJ
 * 633-2012 表1, 表3, 表4; HJ 633-2026 表3). The 24-hour indicators are the natural-day mean
 * in the daily report and the 24-hour moving mean in the 2012 real-time report; the O₃
 * 8-hour indicator is the daily maximum 8-hour mean in the daily report and the 8-hour
 * moving mean in the 2012 real-time report.
 */
public enum AqiIndicator {

	/** SO₂ 24小时平均 / 日平均. */
	SO2_24H(Measurand.SO2, "so2_24h"),
	/** SO₂ 1小时平均. */
	SO2_1H(Measurand.SO2, "so2_1h"),
	/** NO₂ 24小时平均 / 日平均. */
	NO2_24H(Measurand.NO2, "no2_24h"),
	/** NO₂ 1小时平均. */
	NO2_1H(Measurand.NO2, "no2_1h"),
	/** CO 24小时平均 / 日平均, mg/m³. */
	CO_24H(Measurand.CO, "co_24h"),
	/** CO 1小时平均, mg/m³. */
	CO_1H(Measurand.CO, "co_1h"),
	/** O₃ 1小时平均 (日最大1小时 in the 2012 daily report). */
	O3_1H(Measurand.O3, "o3_1h"),
	/** O₃ 8小时平均 (日最大8小时 in the daily report, 8小时滑动平均 in the 2012 real-time report). */
	O3_8H(Measurand.O3, "o3_8h"),
	/** PM10 24小时平均 / 日平均. */
	PM10_24H(Measurand.PM10, "pm10_24h"),
	/** PM10 1小时平均. */
	PM10_1H(Measurand.PM10, "pm10_1h"),
	/** PM2.5 24小时平均 / 日平均. */
	PM25_24H(Measurand.PM25, "pm25_24h"),
	/** PM2.5 1小时平均. */
	PM25_1H(Measurand.PM25, "pm25_1h");

	private static final List<Measurand> POLLUTANTS = Arrays.stream(values())
		.map(AqiIndicator::pollutant)
		.distinct()
		.toList();

	private final Measurand pollutant;

	private final String key;

	AqiIndicator(Measurand pollutant, String key) {
		this.pollutant = pollutant;
		this.key = key;
	}

	/** The six pollutants of the AQI (SO₂, NO₂, CO, O₃, PM₁₀, PM₂.₅), in this order. */
	public static List<Measurand> pollutants() {
		return POLLUTANTS;
	}

	public Measurand pollutant() {
		return this.pollutant;
	}

	/** A stable lower-case name, e.g. {@code pm25_24h}, {@code o3_8h}. */
	public String key() {
		return this.key;
	}

	/** µg/m³, or mg/m³ for CO (HJ 633 表1/表3 units). */
	public Unit unit() {
		return (this.pollutant == Measurand.CO) ? Unit.MILLIGRAMS_PER_CUBIC_METRE : Unit.MICROGRAMS_PER_CUBIC_METRE;
	}

	/**
	 * The decimals a concentration keeps before its IAQI is computed: integers in µg/m³,
	 * one decimal for CO in mg/m³ (HJ 633-2026 §4.2.2, "按照 GB/T 8170").
	 */
	public int scale() {
		return (this.pollutant == Measurand.CO) ? 1 : 0;
	}

	public static Optional<AqiIndicator> fromKey(String key) {
		for (AqiIndicator indicator : values()) {
			if (indicator.key.equals(key)) {
				return Optional.of(indicator);
			}
		}
		return Optional.empty();
	}

}
