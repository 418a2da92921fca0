package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.lantian.domain.Measurand;

/**
 * A city's or region's air-quality scorecard for one year, so far (INTERFACES §5.2
 * {@code GET /api/v1/scorecard}; SEEDS-BRIEF §2.1, §2.4, §9.1): the day ratios and annual
 * PM figures beside their targets, once as measured and once with the declared sand-dust
 * days deducted.
 * <p>
 * <b>Sand-dust deduction (扣沙).</b> Every day declared a sand-dust day is removed from the
 * day set entirely: from the denominator (if it was an effective day) and from the
 * numerators (if it was good or heavy), and its PM2.5 and PM10 daily means leave the
 * annual means and percentiles. The 表4 validity of the deducted PM figures is that of the
 * measured data, since the deducted days were measured. Sand-dust days are only ever
 * those the caller declared ({@link SandDust} merely suggests).
 *
 * @param asOf the last day counted (results are final once the day is over); a date after
 * the year means the whole year
 * @param daysElapsed days of the year up to and including {@code asOf}
 * @param sandDustDays declared sand-dust days among the results (valid or not)
 * @param rounding how ratios and changes are rounded before comparison
 * @param target the target the figures are judged against, if any
 * @param baseline the base year for the changes, if any
 * @param measured the figures as measured
 * @param withoutSandDust the figures with the declared sand-dust days deducted
 */
public record Scorecard(String area, int year, LocalDate asOf, int daysInYear, int daysElapsed, int sandDustDays,
		RatioRounding rounding, Optional<AirQualityTarget> target, Optional<Baseline> baseline, Figures measured,
		Figures withoutSandDust) {

	public Scorecard {
		Objects.requireNonNull(area, "area");
		Objects.requireNonNull(asOf, "asOf");
		Objects.requireNonNull(rounding, "rounding");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(baseline, "baseline");
		Objects.requireNonNull(measured, "measured");
		Objects.requireNonNull(withoutSandDust, "withoutSandDust");
	}

	/**
	 * The day figures and PM2.5 / PM10 annual figures of one set of days.
	 */
	public record Figures(DayFigures days, AnnualConcentration pm25, AnnualConcentration pm10) {

		public Figures {
			Objects.requireNonNull(days, "days");
			Objects.requireNonNull(pm25, "pm25");
			Objects.requireNonNull(pm10, "pm10");
		}

	}

	/** Whether the whole year has been counted. */
	public boolean isYearComplete() {
		return this.daysElapsed == this.daysInYear;
	}

	/**
	 * The scorecard of {@code area} for {@code year} from its daily results up to the end
	 * of {@code asOf}.
	 * @param days at most one result per day, each in {@code year} and not after
	 * {@code asOf}; a day without a result counts as elapsed but not effective
	 * @param target the target to judge against (usually the area's
	 * {@link AirQualityTargets#applicable}); without one every verdict is
	 * {@link Attainment#NO_TARGET}
	 * @param baseline the base year's annual means for the changes (usually
	 * {@code target.baseline()})
	 */
	public static Scorecard evaluate(String area, int year, LocalDate asOf, Collection<DailyResult> days,
			Optional<AirQualityTarget> target, Optional<Baseline> baseline, RatioRounding rounding) {
		LocalDate last = AnnualValidity.lastDayCounted(year, asOf);
		Set<LocalDate> dates = new HashSet<>();
		for (DailyResult day : days) {
			if (day.date().getYear() != year || day.date().isAfter(last)) {
				throw new IllegalArgumentException(
						area + ": result of " + day.date() + " outside " + year + " up to " + last);
			}
			if (!dates.add(day.date())) {
				throw new IllegalArgumentException(area + ": two results for " + day.date());
			}
		}
		int daysInYear = Year.of(year).length();
		int elapsed = last.getDayOfYear();
		List<DailyResult> all = List.copyOf(days);
		List<DailyResult> withoutSandDust = all.stream().filter((day) -> !day.sandDust()).toList();
		AnnualValidity pm25Validity = validity(year, last, all, DailyResult::pm25);
		AnnualValidity pm10Validity = validity(year, last, all, DailyResult::pm10);
		Figures measured = figures(all, daysInYear - elapsed, pm25Validity, pm10Validity, target, baseline, rounding);
		Figures deducted = figures(withoutSandDust, daysInYear - elapsed, pm25Validity, pm10Validity, target, baseline,
				rounding);
		return new Scorecard(area, year, asOf, daysInYear, elapsed, all.size() - withoutSandDust.size(), rounding,
				target, baseline, measured, deducted);
	}

	private static AnnualValidity validity(int year, LocalDate last, List<DailyResult> days,
			Function<DailyResult, Optional<BigDecimal>> pollutant) {
		return AnnualValidity.of(year, last,
				days.stream().filter((day) -> pollutant.apply(day).isPresent()).map(DailyResult::date).toList());
	}

	private static Figures figures(List<DailyResult> days, int futureDays, AnnualValidity pm25Validity,
			AnnualValidity pm10Validity, Optional<AirQualityTarget> target, Optional<Baseline> baseline,
			RatioRounding rounding) {
		DayFigures dayFigures = DayFigures.of(days, futureDays,
				target.flatMap(AirQualityTarget::goodDaysPercentAtLeast),
				target.flatMap(AirQualityTarget::heavyDaysPercentAtMost), rounding);
		AnnualConcentration pm25 = AnnualConcentration.of(Measurand.PM25, means(days, DailyResult::pm25), pm25Validity,
				baseline.flatMap(Baseline::pm25), target.flatMap(AirQualityTarget::pm25AnnualMeanAtMost),
				target.flatMap(AirQualityTarget::pm25ChangePercentAtMost), rounding);
		AnnualConcentration pm10 = AnnualConcentration.of(Measurand.PM10, means(days, DailyResult::pm10), pm10Validity,
				baseline.flatMap(Baseline::pm10), Optional.empty(),
				target.flatMap(AirQualityTarget::pm10ChangePercentAtMost), rounding);
		return new Figures(dayFigures, pm25, pm10);
	}

	private static List<BigDecimal> means(List<DailyResult> days, Function<DailyResult, Optional<BigDecimal>> mean) {
		return days.stream().map(mean).flatMap(Optional::stream).toList();
	}

}
