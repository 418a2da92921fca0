package org.lantian.warnings.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.aqi.AirQualityIndex;
import org.lantian.domain.aqi.AqiCalculator;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.AqiStandard;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.ObservedAqi;

/**
 * A city's observed rolling 24-hour AQI from its stored hourly (real-time) reports:
 * "AQI日均值按连续24小时（可以跨自然日）的均值计算" (STANDARDS §4.1–4.2). The 24 hours end with the newest
 * hourly report; each pollutant's 24-h mean is the mean of its valid 1-hour city values,
 * O₃ takes the highest 8-hour moving mean of the window, and the AQI is the daily AQI of
 * those concentrations under the standard in force (HJ 633). Plain Java.
 * <p>
 * [interpretation] A 24-h mean needs ≥ 20 valid hours and an 8-h O₃ mean ≥ 6 of its 8
 * hours (GB 3095-2012 表4 validity, as for a natural day); a pollutant short of them is
 * missing and the AQI follows HJ 633's missing-indicator rule. The observation is used
 * only if its newest hour ended within {@link #FRESH} of now.
 */
final class ObservedRollingAqi {

	/** How old the newest hour may be for the observation to count. */
	static final Duration FRESH = Duration.ofHours(3);

	static final int MIN_HOURS = 20;

	static final int MIN_O3_HOURS = 6;

	private static final List<AqiIndicator> HOURLY = List.of(AqiIndicator.SO2_1H, AqiIndicator.NO2_1H,
			AqiIndicator.CO_1H, AqiIndicator.PM10_1H, AqiIndicator.PM25_1H);

	private ObservedRollingAqi() {
	}

	/**
	 * The rolling 24-h AQI of the hourly reports (in time order), or empty when the
	 * newest is stale, nothing is valid or no AQI can be published.
	 */
	static Optional<ObservedAqi> of(List<AreaReport> hours, Instant now, ZoneId zone) {
		if (hours.isEmpty()) {
			return Optional.empty();
		}
		Instant end = hours.get(hours.size() - 1).end();
		if (end.isBefore(now.minus(FRESH))) {
			return Optional.empty();
		}
		Instant start = end.minus(Duration.ofHours(24));
		List<AreaReport> window = hours.stream().filter((h) -> !h.start().isBefore(start)).toList();
		Map<AqiIndicator, BigDecimal> daily = new EnumMap<>(AqiIndicator.class);
		for (AqiIndicator hourly : HOURLY) {
			List<BigDecimal> values = new ArrayList<>();
			for (AreaReport hour : window) {
				value(hour, hourly).ifPresent(values::add);
			}
			if (values.size() >= MIN_HOURS) {
				daily.put(dailyOf(hourly), mean(values));
			}
		}
		maxO3EightHour(window).ifPresent((o3) -> daily.put(AqiIndicator.O3_8H, o3));
		if (daily.isEmpty()) {
			return Optional.empty();
		}
		AqiStandard standard = AqiStandard.forPeriodStartingOn(start.atZone(zone).toLocalDate());
		AirQualityIndex index = AqiCalculator.calculate(standard, AqiReport.DAILY, daily);
		if (index.aqi().isEmpty()) {
			return Optional.empty();
		}
		Optional<EpisodeDriver> driver = index.primaryPollutants()
			.stream()
			.findFirst()
			.flatMap(ObservedRollingAqi::driverOf);
		return Optional.of(new ObservedAqi(end.minusMillis(1).atZone(zone).toLocalDate(), end,
				Math.min(500, index.aqi().getAsInt()), driver));
	}

	private static Optional<EpisodeDriver> driverOf(AqiIndicator primary) {
		return switch (primary.pollutant()) {
			case PM25 -> Optional.of(EpisodeDriver.PM25);
			case O3 -> Optional.of(EpisodeDriver.O3);
			default -> Optional.empty();
		};
	}

	private static AqiIndicator dailyOf(AqiIndicator hourly) {
		return switch (hourly) {
			case SO2_1H -> AqiIndicator.SO2_24H;
			case NO2_1H -> AqiIndicator.NO2_24H;
			case CO_1H -> AqiIndicator.CO_24H;
			case PM10_1H -> AqiIndicator.PM10_24H;
			default -> AqiIndicator.PM25_24H;
		};
	}

	private static Optional<BigDecimal> value(AreaReport hour, AqiIndicator indicator) {
		var average = hour.averages().get(indicator);
		return (average != null) ? average.validValue() : Optional.empty();
	}

	/** The highest 8-hour moving mean of O₃ ending within the window (≥ 6 of 8 hours). */
	private static Optional<BigDecimal> maxO3EightHour(List<AreaReport> window) {
		BigDecimal max = null;
		for (int last = 7; last < window.size(); last++) {
			Instant from = window.get(last).end().minus(Duration.ofHours(8));
			List<BigDecimal> values = new ArrayList<>();
			for (int i = last; i >= 0 && !window.get(i).start().isBefore(from); i--) {
				value(window.get(i), AqiIndicator.O3_1H).ifPresent(values::add);
			}
			if (values.size() >= MIN_O3_HOURS) {
				BigDecimal mean = mean(values);
				max = (max == null || mean.compareTo(max) > 0) ? mean : max;
			}
		}
		return Optional.ofNullable(max);
	}

	private static BigDecimal mean(List<BigDecimal> values) {
		BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_EVEN);
	}

}
