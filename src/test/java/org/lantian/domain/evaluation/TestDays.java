package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.lantian.domain.aqi.AqiIndicator;

/**
 * Daily results for the scorecard tests: a run of consecutive days from 1 January.
 */
final class TestDays {

	static final int GOOD_AQI = 80;

	static final int POLLUTED_AQI = 150;

	static final int HEAVY_AQI = 250;

	private TestDays() {
	}

	/**
	 * {@code good} good days (AQI 80), then {@code polluted} non-good days that are not
	 * heavy (AQI 150), then {@code heavy} heavy days (AQI 250), from 1 January of
	 * {@code year}; PM2.5 30 and PM10 60 µg/m³ every day.
	 */
	static List<DailyResult> run(int year, int good, int polluted, int heavy) {
		List<DailyResult> days = new ArrayList<>();
		LocalDate date = LocalDate.of(year, 1, 1);
		for (int i = 0; i < good + polluted + heavy; i++) {
			int aqi = (i < good) ? GOOD_AQI : (i < good + polluted) ? POLLUTED_AQI : HEAVY_AQI;
			days.add(day(date.plusDays(i), aqi));
		}
		return days;
	}

	static DailyResult day(LocalDate date, int aqi) {
		List<AqiIndicator> primary = (aqi > 50) ? List.of(AqiIndicator.PM25_24H) : List.of();
		return DailyResult.valid(date, aqi, primary, Optional.of(new BigDecimal("30")),
				Optional.of(new BigDecimal("60")));
	}

	static DailyResult invalid(LocalDate date) {
		return new DailyResult(date, OptionalInt.empty(), false, List.of(), Optional.empty(), Optional.empty(), false);
	}

	static AirQualityTarget target(String goodAtLeast, String heavyAtMost) {
		return new AirQualityTarget("测试市", List.of("测试市"), 2025, optional(goodAtLeast), optional(heavyAtMost),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "S004", "");
	}

	static Optional<BigDecimal> optional(String value) {
		return (value == null || value.isEmpty()) ? Optional.empty() : Optional.of(new BigDecimal(value));
	}

}
