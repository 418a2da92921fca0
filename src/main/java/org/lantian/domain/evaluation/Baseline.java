package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The base year a target's changes are measured against (SEEDS-BRIEF §2.1: 2020), with
 * the annual means the plans give for it.
 *
 * @param pm25 the base year's PM2.5 annual mean in µg/m³, if known (巴彦淖尔市 2020: 33)
 * @param pm10 the base year's PM10 annual mean in µg/m³, if known
 * @param goodDaysPercent the base year's good-days ratio in percent, if known, for
 * display (巴彦淖尔市 2020: 84.1)
 */
public record Baseline(int year, Optional<BigDecimal> pm25, Optional<BigDecimal> pm10,
		Optional<BigDecimal> goodDaysPercent) {

	public Baseline {
		Objects.requireNonNull(pm25, "pm25");
		Objects.requireNonNull(pm10, "pm10");
		Objects.requireNonNull(goodDaysPercent, "goodDaysPercent");
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("baseline year out of 2000–2100: " + year);
		}
		pm25.ifPresent((value) -> requirePositive(value, "PM2.5"));
		pm10.ifPresent((value) -> requirePositive(value, "PM10"));
		goodDaysPercent.ifPresent((value) -> AirQualityTarget.requirePercent(value, "baseline good-days ratio"));
	}

	private static void requirePositive(BigDecimal value, String what) {
		if (value.signum() <= 0) {
			throw new IllegalArgumentException(
					"baseline " + what + " annual mean must be positive: " + value + " µg/m³");
		}
	}

}
