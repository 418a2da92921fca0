package org.lantian.domain.evaluation;

import java.math.BigDecimal;

import org.lantian.domain.Measurand;
import org.lantian.domain.aqi.AqiIndicator;

/**
 * A heuristic that suggests sand-dust days (沙尘天) for an operator to confirm. It never
 * declares one: the scorecard deducts only days the caller declared
 * ({@link DailyResult#sandDust()}), because the deduction rule and the day list come from
 * the authorities (SEEDS-BRIEF §8: the seeds give no deduction rule).
 */
public final class SandDust {

	/**
	 * The default PM2.5/PM10 ratio below which a PM10-led day looks like dust: 0.35.
	 * [inference] Mineral dust is mostly coarse, so on dust days PM2.5 is a small share
	 * of PM10 (often 0.1–0.3), while combustion-led days run at 0.5–0.8; the threshold is
	 * not from any standard or seed and is configurable.
	 */
	public static final BigDecimal DEFAULT_MAX_RATIO = new BigDecimal("0.35");

	private SandDust() {
	}

	/**
	 * Whether the day looks like a sand-dust day: PM10 is among its primary pollutants
	 * and its PM2.5/PM10 daily ratio is below {@code maxRatio}. A day without both PM
	 * means, or with a PM10 mean of zero, is never suspected. [inference]
	 */
	public static boolean isSuspected(DailyResult day, BigDecimal maxRatio) {
		if (maxRatio.signum() <= 0) {
			throw new IllegalArgumentException("the PM2.5/PM10 ratio threshold must be positive: " + maxRatio);
		}
		boolean pm10Leads = day.primaryPollutants()
			.stream()
			.map(AqiIndicator::pollutant)
			.anyMatch((pollutant) -> pollutant == Measurand.PM10);
		if (!pm10Leads || day.pm25().isEmpty() || day.pm10().isEmpty() || day.pm10().get().signum() == 0) {
			return false;
		}
		// pm25 / pm10 < maxRatio ⇔ pm25 < maxRatio · pm10, exactly
		return day.pm25().get().compareTo(maxRatio.multiply(day.pm10().get())) < 0;
	}

	/** {@link #isSuspected(DailyResult, BigDecimal)} with {@link #DEFAULT_MAX_RATIO}. */
	public static boolean isSuspected(DailyResult day) {
		return isSuspected(day, DEFAULT_MAX_RATIO);
	}

}
