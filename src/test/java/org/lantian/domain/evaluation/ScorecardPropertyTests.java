package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the day ratios and the budget for any counts, targets and rounding
 * (SEEDS-BRIEF §2.4).
 */
class ScorecardPropertyTests {

	@Property
	void oneMoreGoodDayNeverLowersTheRatioNorLosesTheTarget(@ForAll @IntRange(min = 1, max = 366) int valid,
			@ForAll @IntRange(min = 0, max = 365) int good, @ForAll("targets") BigDecimal target,
			@ForAll("roundings") RatioRounding rounding) {
		int fewer = Math.min(good, valid - 1);
		assertThat(rounding.percent(fewer + 1, valid)).isGreaterThanOrEqualTo(rounding.percent(fewer, valid));
		if (rounding.compare(fewer, valid, target) >= 0) {
			assertThat(rounding.compare(fewer + 1, valid, target)).isNotNegative();
		}
	}

	@Property
	void theNonGoodAllowanceIsTheLastCountThatStillMeets(@ForAll @IntRange(min = 1, max = 366) int projected,
			@ForAll("targets") BigDecimal target, @ForAll("roundings") RatioRounding rounding) {
		DayBudget budget = DayBudget.of(0, 0, 0, projected, Optional.of(target), Optional.of(target), rounding);

		int nonGood = budget.nonGoodDaysAllowed().orElseThrow();
		assertThat(rounding.compare(projected - nonGood, projected, target)).isNotNegative();
		if (nonGood < projected) {
			assertThat(rounding.compare(projected - nonGood - 1, projected, target)).isNegative();
		}
		int heavy = budget.heavyDaysAllowed().orElseThrow();
		assertThat(rounding.compare(heavy, projected, target)).isNotPositive();
		if (heavy < projected) {
			assertThat(rounding.compare(heavy + 1, projected, target)).isPositive();
		}
	}

	@Provide
	Arbitrary<BigDecimal> targets() {
		return Arbitraries.integers().between(0, 1000).map((tenths) -> BigDecimal.valueOf(tenths, 1));
	}

	@Provide
	Arbitrary<RatioRounding> roundings() {
		return Arbitraries.of(RatioRounding.NONE, RatioRounding.ONE_DECIMAL, RatioRounding.toDecimals(0),
				RatioRounding.toDecimals(2), new RatioRounding(OptionalInt.of(3)));
	}

}
