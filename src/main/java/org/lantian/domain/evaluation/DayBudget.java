package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How many more non-good and heavy days a year's targets still allow (SEEDS-BRIEF §9.1,
 * §2.4 [derived]).
 * <p>
 * The projection assumes that every day of the year after the evaluation date will be an
 * effective (valid) day: the year's denominator becomes today's effective days plus the
 * days left in the year ({@code projectedValidDays}). A day already past without a valid
 * result does not come back. The allowance is the largest number of days that still meets
 * the target under the scorecard's {@link RatioRounding} at that denominator; for
 * 乌海市及周边地区 (≤ 0.2 %) over 365 days it is zero heavy days, because one is 0.274 %.
 *
 * @param futureDays the days of the year after the evaluation date
 * @param projectedValidDays effective days so far plus {@code futureDays}
 * @param nonGoodDaysAllowed the most non-good days the good-days target allows in the
 * projected year; empty without that target
 * @param nonGoodDaysRemaining allowed minus non-good days so far: how many more non-good
 * days the year can take; negative when the target is already out of reach
 * @param heavyDaysAllowed the most heavy-or-worse days the heavy-days target allows in
 * the projected year; empty without that target
 * @param heavyDaysRemaining allowed minus heavy days so far; negative when out of reach
 */
public record DayBudget(int futureDays, int projectedValidDays, OptionalInt nonGoodDaysAllowed,
		OptionalInt nonGoodDaysRemaining, OptionalInt heavyDaysAllowed, OptionalInt heavyDaysRemaining) {

	public DayBudget {
		Objects.requireNonNull(nonGoodDaysAllowed, "nonGoodDaysAllowed");
		Objects.requireNonNull(nonGoodDaysRemaining, "nonGoodDaysRemaining");
		Objects.requireNonNull(heavyDaysAllowed, "heavyDaysAllowed");
		Objects.requireNonNull(heavyDaysRemaining, "heavyDaysRemaining");
		if (futureDays < 0 || projectedValidDays < futureDays) {
			throw new IllegalArgumentException(
					"impossible budget: " + futureDays + " future days of " + projectedValidDays + " projected");
		}
	}

	/**
	 * Whether both day targets can still be met: no remaining budget is negative (true
	 * when no day target is configured).
	 */
	public boolean isReachable() {
		return this.nonGoodDaysRemaining.orElse(0) >= 0 && this.heavyDaysRemaining.orElse(0) >= 0;
	}

	static DayBudget of(int validDays, int goodDays, int heavyDays, int futureDays,
			Optional<BigDecimal> goodDaysAtLeast, Optional<BigDecimal> heavyDaysAtMost, RatioRounding rounding) {
		int projected = validDays + futureDays;
		OptionalInt nonGoodAllowed = OptionalInt.empty();
		OptionalInt nonGoodRemaining = OptionalInt.empty();
		if (goodDaysAtLeast.isPresent() && projected > 0) {
			// the ratio falls as non-good days rise, so count up until it no longer meets
			int allowed = 0;
			while (allowed < projected
					&& rounding.compare(projected - (allowed + 1), projected, goodDaysAtLeast.get()) >= 0) {
				allowed++;
			}
			nonGoodAllowed = OptionalInt.of(allowed);
			nonGoodRemaining = OptionalInt.of(allowed - (validDays - goodDays));
		}
		OptionalInt heavyAllowed = OptionalInt.empty();
		OptionalInt heavyRemaining = OptionalInt.empty();
		if (heavyDaysAtMost.isPresent() && projected > 0) {
			int allowed = 0;
			while (allowed < projected && rounding.compare(allowed + 1, projected, heavyDaysAtMost.get()) <= 0) {
				allowed++;
			}
			heavyAllowed = OptionalInt.of(allowed);
			heavyRemaining = OptionalInt.of(allowed - heavyDays);
		}
		return new DayBudget(futureDays, projected, nonGoodAllowed, nonGoodRemaining, heavyAllowed, heavyRemaining);
	}

}
