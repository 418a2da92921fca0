package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The day counts of a scorecard over effective days (SEEDS-BRIEF §2.4: the denominator is
 * the effective days, not the calendar days; 2020's 306 good days = 84.1 % only of 364).
 *
 * @param validDays effective days (有效天), the denominator
 * @param goodDays valid days with AQI ≤ 100 (优良天)
 * @param heavyDays valid days with AQI > 200 (重度及以上污染天, STANDARDS §1.7)
 * @param goodDaysPercent 优良天数比率 in percent, rounded per the scorecard's rule; empty
 * without effective days
 * @param heavyDaysPercent 重度及以上污染天数比率 in percent, likewise
 * @param goodDaysTarget the good-days ratio against its target (so far)
 * @param heavyDaysTarget the heavy-days ratio against its target (so far)
 * @param budget what the targets still allow for the rest of the year
 */
public record DayFigures(int validDays, int goodDays, int heavyDays, Optional<BigDecimal> goodDaysPercent,
		Optional<BigDecimal> heavyDaysPercent, Attainment goodDaysTarget, Attainment heavyDaysTarget,
		DayBudget budget) {

	public DayFigures {
		Objects.requireNonNull(goodDaysPercent, "goodDaysPercent");
		Objects.requireNonNull(heavyDaysPercent, "heavyDaysPercent");
		Objects.requireNonNull(goodDaysTarget, "goodDaysTarget");
		Objects.requireNonNull(heavyDaysTarget, "heavyDaysTarget");
		Objects.requireNonNull(budget, "budget");
		if (goodDays < 0 || heavyDays < 0 || goodDays + heavyDays > validDays) {
			throw new IllegalArgumentException(
					"impossible day counts: " + goodDays + " good and " + heavyDays + " heavy of " + validDays);
		}
	}

	/** Valid days that were not good. */
	public int nonGoodDays() {
		return this.validDays - this.goodDays;
	}

	static DayFigures of(Collection<DailyResult> days, int futureDays, Optional<BigDecimal> goodDaysAtLeast,
			Optional<BigDecimal> heavyDaysAtMost, RatioRounding rounding) {
		int valid = (int) days.stream().filter(DailyResult::valid).count();
		int good = (int) days.stream().filter(DailyResult::isGood).count();
		int heavy = (int) days.stream().filter(DailyResult::isHeavyOrWorse).count();
		Optional<BigDecimal> goodPercent = (valid > 0) ? Optional.of(rounding.percent(good, valid)) : Optional.empty();
		Optional<BigDecimal> heavyPercent = (valid > 0) ? Optional.of(rounding.percent(heavy, valid))
				: Optional.empty();
		Attainment goodVerdict = judge(goodDaysAtLeast, valid, (target) -> rounding.compare(good, valid, target) >= 0);
		Attainment heavyVerdict = judge(heavyDaysAtMost, valid,
				(target) -> rounding.compare(heavy, valid, target) <= 0);
		DayBudget budget = DayBudget.of(valid, good, heavy, futureDays, goodDaysAtLeast, heavyDaysAtMost, rounding);
		return new DayFigures(valid, good, heavy, goodPercent, heavyPercent, goodVerdict, heavyVerdict, budget);
	}

	private static Attainment judge(Optional<BigDecimal> target, int validDays, Predicate<BigDecimal> meets) {
		if (target.isEmpty()) {
			return Attainment.NO_TARGET;
		}
		if (validDays == 0) {
			return Attainment.NO_DATA;
		}
		return meets.test(target.get()) ? Attainment.MET : Attainment.NOT_MET;
	}

}
