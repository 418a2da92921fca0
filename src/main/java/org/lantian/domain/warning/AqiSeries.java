package org.lantian.domain.warning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The consecutive 24-hour days a grading scheme is evaluated on: optionally the observed
 * rolling 24-h AQI as the first day, then the forecast days that follow it.
 * <p>
 * [interpretation] An observation beats a prediction: the observed rolling 24-h AQI
 * stands for its day and replaces the forecast of that day; forecast days before it are
 * past and dropped. So an observed AQI > 200 now counts as the first day of the episode
 * (STANDARDS §4.2: "AQI日均值按连续24小时（可以跨自然日）的均值计算").
 *
 * @param forecastIssued when the forecast the days come from was issued, if any
 */
public record AqiSeries(List<DayAqi> days, Optional<Instant> forecastIssued) {

	/** The length of one day of the series (STANDARDS §4.1: durations in hours). */
	public static final Duration DAY = Duration.ofHours(24);

	public AqiSeries {
		Objects.requireNonNull(forecastIssued, "forecastIssued");
		if (days == null || days.isEmpty()) {
			throw new IllegalArgumentException("days: empty, nothing to grade");
		}
		for (int i = 1; i < days.size(); i++) {
			if (!days.get(i).date().equals(days.get(i - 1).date().plusDays(1))) {
				throw new IllegalArgumentException("days[" + i + "].date: " + days.get(i).date() + " does not follow "
						+ days.get(i - 1).date() + " (days must be consecutive)");
			}
		}
		days = List.copyOf(days);
	}

	/**
	 * Forecast days only, from {@code today} on (earlier days are past).
	 * @throws IllegalArgumentException if no forecast day is on or after {@code today}
	 */
	public static AqiSeries of(AqiForecast forecast, LocalDate today) {
		return of(forecast, today, Optional.empty());
	}

	/**
	 * The observation (if any) as the first day, then the forecast days after its date;
	 * without an observation, the forecast days from {@code today}.
	 * @throws IllegalArgumentException if nothing is left, or the forecast does not
	 * continue the observation without a gap
	 */
	public static AqiSeries of(AqiForecast forecast, LocalDate today, Optional<ObservedAqi> observed) {
		List<DayAqi> days = new ArrayList<>();
		LocalDate from = today;
		if (observed.isPresent()) {
			ObservedAqi o = observed.get();
			days.add(new DayAqi(o.date(), o.aqi(), DayAqi.Source.OBSERVED, o.driver()));
			from = o.date().plusDays(1);
		}
		for (ForecastDay day : forecast.days()) {
			if (!day.date().isBefore(from)) {
				days.add(new DayAqi(day.date(), day.aqi(), DayAqi.Source.FORECAST, day.driver()));
			}
		}
		if (days.isEmpty()) {
			throw new IllegalArgumentException("forecast of " + forecast.city() + " ends " + forecast.last().date()
					+ ", before " + today + ": nothing left to grade");
		}
		return new AqiSeries(days, Optional.of(forecast.issued()));
	}

	/** Observed days only (no forecast): replaying observed daily AQI. */
	public static AqiSeries observed(List<ObservedAqi> observed) {
		return new AqiSeries(observed.stream()
			.map((o) -> new DayAqi(o.date(), o.aqi(), DayAqi.Source.OBSERVED, o.driver()))
			.toList(), Optional.empty());
	}

	/**
	 * Forecast-only days from {@code start}, e.g. {@code AqiSeries.daily(d, 201, 230)}.
	 */
	public static AqiSeries daily(LocalDate start, int... aqi) {
		List<DayAqi> days = new ArrayList<>();
		for (int i = 0; i < aqi.length; i++) {
			days.add(DayAqi.forecast(start.plusDays(i), aqi[i]));
		}
		return new AqiSeries(days, Optional.empty());
	}

	public LocalDate start() {
		return this.days.get(0).date();
	}

	/** How far ahead the forecast days reach: 24 h per forecast day. */
	public Duration forecastCoverage() {
		return DAY.multipliedBy(this.days.stream().filter((d) -> d.source() == DayAqi.Source.FORECAST).count());
	}

}
