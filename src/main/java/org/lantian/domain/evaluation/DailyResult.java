package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.lantian.domain.aqi.AqiIndicator;

/**
 * A city's (or region's) result for one natural day, as the scorecard counts it.
 *
 * @param aqi the daily AQI, empty where it is {@code NA}
 * @param valid whether the day met the data-validity rules (GB 3095 表4), i.e. whether it
 * is an effective day (有效天) of the ratio's denominator; a valid day has an AQI
 * @param primaryPollutants 首要污染物 of the day (HJ 633 §4.4.1), ties included
 * @param pm25 the valid daily mean of PM2.5 in µg/m³, if there is one
 * @param pm10 the valid daily mean of PM10 in µg/m³, if there is one
 * @param sandDust whether the day is declared a sand-dust day (沙尘天) by the caller
 */
public record DailyResult(LocalDate date, OptionalInt aqi, boolean valid, List<AqiIndicator> primaryPollutants,
		Optional<BigDecimal> pm25, Optional<BigDecimal> pm10, boolean sandDust) {

	public DailyResult {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(aqi, "aqi of " + date);
		Objects.requireNonNull(pm25, "pm25 of " + date);
		Objects.requireNonNull(pm10, "pm10 of " + date);
		primaryPollutants = List.copyOf(primaryPollutants);
		if (aqi.isPresent() && (aqi.getAsInt() < 0 || aqi.getAsInt() > 500)) {
			throw new IllegalArgumentException(date + ": AQI out of 0–500: " + aqi.getAsInt());
		}
		if (valid && aqi.isEmpty()) {
			throw new IllegalArgumentException(date + ": a valid day must have an AQI");
		}
		pm25.ifPresent((value) -> requireNonNegative(value, "PM2.5", date));
		pm10.ifPresent((value) -> requireNonNegative(value, "PM10", date));
	}

	/**
	 * A valid day with its AQI and PM means, neither sand-dust nor with primary
	 * pollutants.
	 */
	public static DailyResult valid(LocalDate date, int aqi, List<AqiIndicator> primaryPollutants,
			Optional<BigDecimal> pm25, Optional<BigDecimal> pm10) {
		return new DailyResult(date, OptionalInt.of(aqi), true, primaryPollutants, pm25, pm10, false);
	}

	/** The same day, declared a sand-dust day or not. */
	public DailyResult withSandDust(boolean declared) {
		return new DailyResult(this.date, this.aqi, this.valid, this.primaryPollutants, this.pm25, this.pm10, declared);
	}

	/** 优良天: a valid day whose AQI is at most 100 (HJ 633 表2: 优 0–50, 良 51–100). */
	public boolean isGood() {
		return this.valid && this.aqi.getAsInt() <= 100;
	}

	/** 重度及以上污染天: a valid day whose AQI is above 200 (STANDARDS §1.7; HJ 633 表2). */
	public boolean isHeavyOrWorse() {
		return this.valid && this.aqi.getAsInt() > 200;
	}

	private static void requireNonNegative(BigDecimal value, String what, LocalDate date) {
		if (value.signum() < 0) {
			throw new IllegalArgumentException(date + ": negative " + what + " daily mean: " + value + " µg/m³");
		}
	}

}
