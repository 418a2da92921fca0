package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.lantian.domain.aqi.AqiIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scorecard's day ratios, rounding rule, sand-dust deduction and remaining budget
 * (SEEDS-BRIEF §2.1, §2.4 [derived]; STANDARDS §1.7).
 */
class ScorecardTests {

	private static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);

	@ParameterizedTest(name = "{0} good of {1} vs ≥ {2} %, decimals {3}: {4} % {5}")
	@CsvSource(textBlock = """
			# SEEDS-BRIEF §2.4: good days at 365 valid days; decimals -1 = no rounding
			# A1 全区 90.7 %: 332 needed for a strict check; 331 = 90.685 % rounds to 90.7
			332, 365, 90.7,  1, 91.0,    MET
			332, 365, 90.7, -1, 90.9589, MET
			331, 365, 90.7, -1, 90.6849, NOT_MET
			331, 365, 90.7,  1, 90.7,    MET
			330, 365, 90.7,  1, 90.4,    NOT_MET
			# A5 乌海市及周边地区 82.8 %: 303 meets, 302 = 82.74 % fails either way
			303, 365, 82.8,  1, 83.0,    MET
			303, 365, 82.8, -1, 83.0137, MET
			302, 365, 82.8,  1, 82.7,    NOT_MET
			302, 365, 82.8, -1, 82.7397, NOT_MET
			# A7 巴彦淖尔市 87.4 %: 319 = 87.397 % meets only when rounded to one decimal
			320, 365, 87.4,  1, 87.7,    MET
			320, 365, 87.4, -1, 87.6712, MET
			319, 365, 87.4,  1, 87.4,    MET
			319, 365, 87.4, -1, 87.3973, NOT_MET
			# A9: 306 good days of 364 effective days (2020, a leap year) = 84.1 %
			306, 364, 84.1,  1, 84.1,    MET
			""")
	void judgesTheGoodDaysRatioOverEffectiveDaysWithTheConfiguredRounding(int good, int valid, String target,
			int decimals, String percent, Attainment expected) {
		int year = (valid == 364) ? 2020 : 2025;
		List<DailyResult> days = TestDays.run(year, good, valid - good, 0);

		Scorecard card = Scorecard.evaluate("测试市", year, LocalDate.of(year, 12, 31), days,
				Optional.of(TestDays.target(target, null)), Optional.empty(), rounding(decimals));

		DayFigures figures = card.measured().days();
		assertThat(figures.validDays()).isEqualTo(valid);
		assertThat(figures.goodDays()).isEqualTo(good);
		assertThat(figures.goodDaysPercent()).hasValue(new BigDecimal(percent));
		assertThat(figures.goodDaysTarget()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} heavy of 365 vs ≤ {1} %, decimals {2}: {3} % {4}")
	@CsvSource(textBlock = """
			# SEEDS-BRIEF §2.4: one heavy day of 365 is already 0.274 % — A6 乌海 (≤ 0.2 %) allows none
			0, 0.2,  1, 0.0,    MET
			1, 0.2,  1, 0.3,    NOT_MET
			1, 0.2, -1, 0.2740, NOT_MET
			# A2 全区 (≤ 0.5 %): one is 0.274 %; two are 0.548 %, which one-decimal rounding makes 0.5
			1, 0.5, -1, 0.2740, MET
			2, 0.5, -1, 0.5479, NOT_MET
			2, 0.5,  1, 0.5,    MET
			3, 0.5,  1, 0.8,    NOT_MET
			""")
	void judgesTheHeavyDaysRatio(int heavy, String target, int decimals, String percent, Attainment expected) {
		// STANDARDS §1.7: heavy-or-worse = daily AQI > 200
		List<DailyResult> days = TestDays.run(2025, 300, 65 - heavy, heavy);

		Scorecard card = Scorecard.evaluate("测试市", 2025, YEAR_END, days, Optional.of(TestDays.target(null, target)),
				Optional.empty(), rounding(decimals));

		assertThat(card.measured().days().heavyDays()).isEqualTo(heavy);
		assertThat(card.measured().days().heavyDaysPercent()).hasValue(new BigDecimal(percent));
		assertThat(card.measured().days().heavyDaysTarget()).isEqualTo(expected);
	}

	@Test
	void countsAqi100AsGoodAnd201AsHeavyButNot200() {
		// HJ 633 表2: 良 51–100; 重度污染 from 201 (STANDARDS §1.4, §1.7)
		List<DailyResult> days = List.of(TestDays.day(LocalDate.of(2025, 1, 1), 100),
				TestDays.day(LocalDate.of(2025, 1, 2), 101), TestDays.day(LocalDate.of(2025, 1, 3), 200),
				TestDays.day(LocalDate.of(2025, 1, 4), 201));

		DayFigures figures = Scorecard
			.evaluate("测试市", 2025, LocalDate.of(2025, 1, 4), days, Optional.empty(), Optional.empty(),
					RatioRounding.ONE_DECIMAL)
			.measured()
			.days();

		assertThat(figures.goodDays()).isEqualTo(1);
		assertThat(figures.heavyDays()).isEqualTo(1);
		assertThat(figures.goodDaysTarget()).isEqualTo(Attainment.NO_TARGET);
	}

	@Test
	void leavesInvalidAndMissingDaysOutOfTheDenominator() {
		// SEEDS-BRIEF §2.4: the ratio is over effective days, not calendar days
		List<DailyResult> days = new ArrayList<>(TestDays.run(2025, 9, 0, 0));
		days.add(TestDays.invalid(LocalDate.of(2025, 1, 10)));
		// 11 and 12 January have no result at all

		Scorecard card = Scorecard.evaluate("测试市", 2025, LocalDate.of(2025, 1, 12), days,
				Optional.of(TestDays.target("90", null)), Optional.empty(), RatioRounding.ONE_DECIMAL);

		assertThat(card.daysElapsed()).isEqualTo(12);
		assertThat(card.measured().days().validDays()).isEqualTo(9);
		assertThat(card.measured().days().goodDaysPercent()).hasValue(new BigDecimal("100.0"));
		// the budget's year: 9 effective days so far + 353 days left; two past days are
		// lost
		assertThat(card.measured().days().budget().projectedValidDays()).isEqualTo(362);
	}

	@Test
	void deductsDeclaredSandDustDaysFromNumeratorsAndDenominator() {
		// 355 ordinary days: 298 good, 54 polluted, 3 heavy; then 10 declared sand-dust
		// days:
		// 2 good, 8 heavy, PM10 400 and PM2.5 40 µg/m³
		List<DailyResult> days = new ArrayList<>(TestDays.run(2025, 298, 54, 3));
		LocalDate date = LocalDate.of(2025, 1, 1).plusDays(355);
		for (int i = 0; i < 10; i++) {
			int aqi = (i < 2) ? 90 : 250;
			days.add(DailyResult
				.valid(date.plusDays(i), aqi, List.of(AqiIndicator.PM10_24H), Optional.of(new BigDecimal("40")),
						Optional.of(new BigDecimal("400")))
				.withSandDust(true));
		}

		Scorecard card = Scorecard.evaluate("测试市", 2025, YEAR_END, days, Optional.of(TestDays.target("82.8", "0.2")),
				Optional.empty(), RatioRounding.ONE_DECIMAL);

		assertThat(card.sandDustDays()).isEqualTo(10);
		DayFigures measured = card.measured().days();
		assertThat(measured.validDays()).isEqualTo(365);
		assertThat(measured.goodDays()).isEqualTo(300);
		assertThat(measured.heavyDays()).isEqualTo(11);
		assertThat(measured.goodDaysPercent()).hasValue(new BigDecimal("82.2")); // 300/365
		assertThat(measured.heavyDaysPercent()).hasValue(new BigDecimal("3.0")); // 11/365
		assertThat(measured.goodDaysTarget()).isEqualTo(Attainment.NOT_MET);
		DayFigures deducted = card.withoutSandDust().days();
		assertThat(deducted.validDays()).isEqualTo(355);
		assertThat(deducted.goodDays()).isEqualTo(298);
		assertThat(deducted.heavyDays()).isEqualTo(3);
		assertThat(deducted.goodDaysPercent()).hasValue(new BigDecimal("83.9")); // 298/355
		assertThat(deducted.heavyDaysPercent()).hasValue(new BigDecimal("0.8")); // 3/355
																					// =
																					// 0.845
		assertThat(deducted.goodDaysTarget()).isEqualTo(Attainment.MET);
		assertThat(deducted.heavyDaysTarget()).isEqualTo(Attainment.NOT_MET);
		// PM10: (355·60 + 10·400)/365 = 69.3 → 69 measured; 60 without the sand-dust days
		assertThat(card.measured().pm10().mean()).hasValue(new BigDecimal("69"));
		assertThat(card.withoutSandDust().pm10().mean()).hasValue(new BigDecimal("60"));
		assertThat(card.measured().pm25().mean()).hasValue(new BigDecimal("30")); // 11050/365
																					// =
																					// 30.3
		// 表4 validity is that of the measured data, deduction or not
		assertThat(card.withoutSandDust().pm10().validity().values()).isEqualTo(365);
		assertThat(card.withoutSandDust().pm10().values()).isEqualTo(355);
	}

	@Test
	void leavesTheBudgetOfWuhaiAtZeroHeavyDaysMidYear() {
		// A5/A6 乌海市及周边地区: ≥ 82.8 % good, ≤ 0.2 % heavy. Up to 30 June 2025 (day 181):
		// 150 good, 31 polluted, no heavy day; 184 days left, all assumed valid → 365
		List<DailyResult> days = TestDays.run(2025, 150, 31, 0);

		Scorecard card = Scorecard.evaluate("乌海市及周边地区", 2025, LocalDate.of(2025, 6, 30), days,
				Optional.of(TestDays.target("82.8", "0.2")), Optional.empty(), RatioRounding.ONE_DECIMAL);

		DayBudget budget = card.measured().days().budget();
		assertThat(card.daysElapsed()).isEqualTo(181);
		assertThat(budget.futureDays()).isEqualTo(184);
		assertThat(budget.projectedValidDays()).isEqualTo(365);
		// 303/365 = 83.0 % meets, 302/365 = 82.7 % does not: 62 non-good days in the year
		assertThat(budget.nonGoodDaysAllowed()).hasValue(62);
		assertThat(budget.nonGoodDaysRemaining()).hasValue(31);
		// SEEDS-BRIEF §2.4: one heavy day of 365 is 0.274 % > 0.2 %: none allowed
		assertThat(budget.heavyDaysAllowed()).hasValue(0);
		assertThat(budget.heavyDaysRemaining()).hasValue(0);
		assertThat(budget.isReachable()).isTrue();
	}

	@Test
	void reportsATargetOutOfReachOnceTheBudgetIsSpent() {
		// one heavy day by 30 June: 乌海's ≤ 0.2 % can no longer be met this year
		List<DailyResult> days = TestDays.run(2025, 150, 30, 1);

		Scorecard card = Scorecard.evaluate("乌海市及周边地区", 2025, LocalDate.of(2025, 6, 30), days,
				Optional.of(TestDays.target("82.8", "0.2")), Optional.empty(), RatioRounding.ONE_DECIMAL);

		DayBudget budget = card.measured().days().budget();
		assertThat(budget.heavyDaysRemaining()).hasValue(-1);
		assertThat(budget.nonGoodDaysRemaining()).hasValue(31);
		assertThat(budget.isReachable()).isFalse();
	}

	@ParameterizedTest(name = "全区 ≤ 0.5 % over 365 days, decimals {0}: {1} heavy days allowed")
	@CsvSource(textBlock = """
			# SEEDS-BRIEF §2.4 [derived]: at most one heavy day for a strict check ...
			-1, 1
			# ... but two (0.548 %) when the ratio is rounded to one decimal first (0.5)
			 1, 2
			""")
	void allowsTheRegionOneOrTwoHeavyDaysDependingOnTheRounding(int decimals, int allowed) {
		Scorecard card = Scorecard.evaluate("全区", 2025, LocalDate.of(2025, 1, 31), TestDays.run(2025, 31, 0, 0),
				Optional.of(TestDays.target("90.7", "0.5")), Optional.empty(), rounding(decimals));

		assertThat(card.measured().days().budget().heavyDaysAllowed()).hasValue(allowed);
	}

	@Test
	void refusesTwoResultsForADayAndResultsAfterTheEvaluationDate() {
		List<DailyResult> twice = List.of(TestDays.day(LocalDate.of(2025, 3, 1), 50),
				TestDays.day(LocalDate.of(2025, 3, 1), 60));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Scorecard.evaluate("测试市", 2025, YEAR_END, twice, Optional.empty(), Optional.empty(),
					RatioRounding.ONE_DECIMAL))
			.withMessageContaining("two results for 2025-03-01");

		List<DailyResult> later = List.of(TestDays.day(LocalDate.of(2025, 3, 2), 50));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Scorecard.evaluate("测试市", 2025, LocalDate.of(2025, 3, 1), later, Optional.empty(),
					Optional.empty(), RatioRounding.ONE_DECIMAL))
			.withMessageContaining("2025-03-02 outside 2025 up to 2025-03-01");
	}

	@Test
	void reportsNoDataWithoutEffectiveDays() {
		Scorecard card = Scorecard.evaluate("测试市", 2025, LocalDate.of(2025, 1, 1),
				List.of(TestDays.invalid(LocalDate.of(2025, 1, 1))), Optional.of(TestDays.target("90.7", "0.5")),
				Optional.empty(), RatioRounding.ONE_DECIMAL);

		assertThat(card.measured().days().goodDaysPercent()).isEmpty();
		assertThat(card.measured().days().goodDaysTarget()).isEqualTo(Attainment.NO_DATA);
		assertThat(card.measured().pm25().mean()).isEmpty();
	}

	private static RatioRounding rounding(int decimals) {
		return (decimals < 0) ? RatioRounding.NONE : RatioRounding.toDecimals(decimals);
	}

}
