package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.lantian.domain.Gbt8170;
import org.lantian.domain.Measurand;

/**
 * A year's PM2.5 or PM10 figures (HJ 663-2013 annual evaluation, STANDARDS §2.4): the
 * annual mean and the 95th percentile of the daily means, both rounded to integer µg/m³
 * per GB/T 8170, their 表4 validity, and the change against the baseline year.
 *
 * @param values the valid daily means the figures are built from
 * @param mean the arithmetic mean of the valid daily means, rounded to an integer once
 * from the exact quotient (GB/T 8170); empty without values
 * @param percentile95 the 95th percentile (HJ 663 附录A, {@link Hj663Percentile}), rounded
 * to an integer (GB/T 8170); empty without values
 * @param validity whether the daily means suffice for an annual value (GB 3095 表4)
 * @param changePercent (mean − baseline) / baseline × 100, using the rounded mean as the
 * plans publish integers ("33 → 29"), rounded as the scorecard's ratios; empty without a
 * mean or a baseline value
 * @param meanTarget the mean against an absolute target (e.g. PM2.5 ≤ 29 µg/m³)
 * @param changeTarget the change against a target (e.g. ≤ −7.1 %)
 */
public record AnnualConcentration(Measurand pollutant, int values, Optional<BigDecimal> mean,
		Optional<BigDecimal> percentile95, AnnualValidity validity, Optional<BigDecimal> changePercent,
		Attainment meanTarget, Attainment changeTarget) {

	public AnnualConcentration {
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(mean, "mean");
		Objects.requireNonNull(percentile95, "percentile95");
		Objects.requireNonNull(validity, "validity");
		Objects.requireNonNull(changePercent, "changePercent");
		Objects.requireNonNull(meanTarget, "meanTarget");
		Objects.requireNonNull(changeTarget, "changeTarget");
	}

	/**
	 * The figures of {@code dailyMeans}; the targets and baseline value are optional.
	 */
	static AnnualConcentration of(Measurand pollutant, List<BigDecimal> dailyMeans, AnnualValidity validity,
			Optional<BigDecimal> baseline, Optional<BigDecimal> meanAtMost, Optional<BigDecimal> changeAtMost,
			RatioRounding rounding) {
		Optional<BigDecimal> mean = mean(dailyMeans);
		Optional<BigDecimal> p95 = dailyMeans.isEmpty() ? Optional.empty()
				: Optional.of(Gbt8170.round(Hj663Percentile.of(dailyMeans, 95), 0));
		Optional<BigDecimal> change = Optional.empty();
		if (mean.isPresent() && baseline.isPresent()) {
			change = Optional.of(rounding.percent(mean.get().subtract(baseline.get()), baseline.get()));
		}
		Attainment meanVerdict = judge(meanAtMost, mean, (limit) -> mean.get().compareTo(limit) <= 0);
		Attainment changeVerdict = judge(changeAtMost, change,
				(limit) -> rounding.compare(mean.get().subtract(baseline.get()), baseline.get(), limit) <= 0);
		return new AnnualConcentration(pollutant, dailyMeans.size(), mean, p95, validity, change, meanVerdict,
				changeVerdict);
	}

	private static Optional<BigDecimal> mean(List<BigDecimal> dailyMeans) {
		if (dailyMeans.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal sum = dailyMeans.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		// GB/T 8170 on the exact quotient: one HALF_EVEN rounding, never two
		return Optional.of(sum.divide(BigDecimal.valueOf(dailyMeans.size()), 0, RoundingMode.HALF_EVEN));
	}

	private static Attainment judge(Optional<BigDecimal> target, Optional<BigDecimal> figure,
			Predicate<BigDecimal> meets) {
		if (target.isEmpty()) {
			return Attainment.NO_TARGET;
		}
		if (figure.isEmpty()) {
			return Attainment.NO_DATA;
		}
		return meets.test(target.get()) ? Attainment.MET : Attainment.NOT_MET;
	}

}
