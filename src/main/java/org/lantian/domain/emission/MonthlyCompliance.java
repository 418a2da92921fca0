package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.lantian.domain.Measurand;

/**
 * Monthly aggregates of hourly judgements in the reporting zone: exceedance days (按日计罚)
 * and the share of compliant hours (the steel ultra-low 95 % rule).
 */
public final class MonthlyCompliance {

	/** "每月至少95%以上时段小时均值排放浓度满足上述要求" (STANDARDS §5.3 [M]). */
	public static final int STEEL_ULTRA_LOW_PERCENT = 95;

	private MonthlyCompliance() {
	}

	/**
	 * The days of each month on which an enterprise had at least one exceeding valid
	 * hour, on any of its stacks and pollutants (按日计罚, SEEDS-BRIEF §5, S002: each day
	 * with an exceedance is one day of fines [interpretation: a day counts once, however
	 * many hours or stacks exceed]). An hour belongs to the local date it starts on in
	 * {@code zone}; months without an exceedance day are left out.
	 * @param enterpriseJudgements every judgement of one enterprise's stacks
	 */
	public static List<ExceedanceDays> exceedanceDays(Collection<? extends HourlyJudgement> enterpriseJudgements,
			ZoneId zone) {
		TreeMap<YearMonth, SortedSet<LocalDate>> byMonth = new TreeMap<>();
		for (HourlyJudgement judgement : enterpriseJudgements) {
			if (judgement.isExceeding()) {
				LocalDate day = StackExceedance.localDate(judgement.hourStart(), zone);
				byMonth.computeIfAbsent(YearMonth.from(day), (m) -> new TreeSet<>()).add(day);
			}
		}
		return byMonth.entrySet().stream().map((e) -> new ExceedanceDays(e.getKey(), e.getValue())).toList();
	}

	/**
	 * The compliant share of valid hours of one stack and pollutant, per local month:
	 * hours judged compliant over hours judged (compliant or exceeding). Hours not judged
	 * (no valid mean, correction refused, no limit) are in neither count [interpretation
	 * of "时段小时均值", STANDARDS §5.3]. Months with judgements but no judged hour appear with
	 * 0 of 0.
	 * @throws IllegalArgumentException if the judgements mix pollutants or repeat an hour
	 */
	public static List<CompliantHours> compliantHours(Collection<? extends HourlyJudgement> judgements, ZoneId zone) {
		Set<Measurand> pollutants = judgements.stream().map(HourlyJudgement::pollutant).collect(Collectors.toSet());
		if (pollutants.size() > 1) {
			throw new IllegalArgumentException("judgements of several pollutants: " + pollutants);
		}
		Set<Instant> seen = new HashSet<>();
		TreeMap<YearMonth, int[]> byMonth = new TreeMap<>();
		for (HourlyJudgement judgement : judgements) {
			if (!seen.add(judgement.hourStart())) {
				throw new IllegalArgumentException("hour judged twice: " + judgement.hourStart());
			}
			int[] counts = byMonth.computeIfAbsent(
					YearMonth.from(StackExceedance.localDate(judgement.hourStart(), zone)), (m) -> new int[2]);
			if (judgement.isJudged()) {
				counts[1]++;
				if (!judgement.isExceeding()) {
					counts[0]++;
				}
			}
		}
		return byMonth.entrySet()
			.stream()
			.map((e) -> new CompliantHours(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/** The exceedance days of one enterprise in one month. */
	public record ExceedanceDays(YearMonth month, SortedSet<LocalDate> days) {

		public ExceedanceDays {
			Objects.requireNonNull(month, "month");
			days = new TreeSet<>(days);
			for (LocalDate day : days) {
				if (!YearMonth.from(day).equals(month)) {
					throw new IllegalArgumentException(day + " is not in " + month);
				}
			}
			days = Collections.unmodifiableSortedSet(days);
		}

		public int count() {
			return this.days.size();
		}

	}

	/**
	 * Compliant and judged hours of one stack and pollutant in one month.
	 *
	 * @param compliant valid hourly means at or below the limit
	 * @param judged valid hourly means judged
	 */
	public record CompliantHours(YearMonth month, int compliant, int judged) {

		public CompliantHours {
			Objects.requireNonNull(month, "month");
			if (compliant < 0 || judged < compliant) {
				throw new IllegalArgumentException("impossible counts: " + compliant + " compliant of " + judged);
			}
		}

		/** compliant / judged, exact to 34 digits; empty when no hour was judged. */
		public Optional<BigDecimal> share() {
			if (this.judged == 0) {
				return Optional.empty();
			}
			return Optional
				.of(BigDecimal.valueOf(this.compliant).divide(BigDecimal.valueOf(this.judged), MathContext.DECIMAL128));
		}

		/**
		 * Whether at least 95 % of the judged hours comply ("95%以上" includes 95 %, the
		 * drafting convention of SEEDS-BRIEF §6), in exact integer arithmetic; false when
		 * no hour was judged.
		 */
		public boolean meetsSteelUltraLowRule() {
			return this.judged > 0 && 100L * this.compliant >= (long) STEEL_ULTRA_LOW_PERCENT * this.judged;
		}

	}

}
