package org.lantian.domain.warning;

import java.util.List;
import java.util.Optional;

/**
 * One condition of a grading scheme: the daily AQI above (or at least) a threshold on
 * {@code days} consecutive 24-hour days, e.g. "日AQI>200持续48小时" is {@code above(200, 2)}.
 * <p>
 * [interpretation] "持续 N 小时" is N/24 consecutive days of the series, anywhere in it, not
 * only from its first day: warnings are issued ahead of the episode on the forecast
 * ("预测…将持续"), so a forecast episode starting on day 3 meets the condition today. The
 * caller bounds the look-ahead by the days it passes.
 *
 * @param threshold the AQI value compared with
 * @param inclusive {@code true} for "≥" (达到), {@code false} for "&gt;" (大于)
 * @param days the number of consecutive days, ≥ 1
 */
public record Criterion(int threshold, boolean inclusive, int days) {

	public Criterion {
		ForecastDay.checkAqi(threshold, "threshold");
		if (days < 1) {
			throw new IllegalArgumentException("days: " + days + ", must be at least 1");
		}
	}

	/** Daily AQI &gt; threshold on {@code days} consecutive days (大于…持续). */
	public static Criterion above(int threshold, int days) {
		return new Criterion(threshold, false, days);
	}

	/** Daily AQI ≥ threshold on {@code days} consecutive days (达到…). */
	public static Criterion atLeast(int threshold, int days) {
		return new Criterion(threshold, true, days);
	}

	public boolean isMetBy(int aqi) {
		return this.inclusive ? aqi >= this.threshold : aqi > this.threshold;
	}

	/** The first run of {@code days} consecutive days meeting the threshold, if any. */
	public Optional<List<DayAqi>> firstRun(AqiSeries series) {
		List<DayAqi> days = series.days();
		int run = 0;
		for (int i = 0; i < days.size(); i++) {
			run = isMetBy(days.get(i).aqi()) ? run + 1 : 0;
			if (run == this.days) {
				return Optional.of(days.subList(i - this.days + 1, i + 1));
			}
		}
		return Optional.empty();
	}

	/** The criterion as the plans write it, e.g. {@code 日AQI>200持续≥48小时}. */
	public String description() {
		return "日AQI" + (this.inclusive ? "≥" : ">") + this.threshold + "持续≥" + (this.days * 24) + "小时";
	}

	@Override
	public String toString() {
		return description();
	}

}
