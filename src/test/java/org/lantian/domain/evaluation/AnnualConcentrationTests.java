package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annual PM means (GB/T 8170 integers, STANDARDS §2.4), their change against the base
 * year and the targets of SEEDS-BRIEF §2.1 (A3 −7.1 %, A8 巴彦淖尔 33 → 29 µg/m³).
 */
class AnnualConcentrationTests {

	@ParameterizedTest(name = "PM2.5 {0} vs baseline {1}, decimals {3}: {4} % against ≤ {2} % → {5}")
	@CsvSource(textBlock = """
			# A8 巴彦淖尔市: 33 (2020) → 29 is −12.1 %
			29, 33, -7.1,  1, -12.1,   MET
			# 31 vs 33 = −6.06 %: misses −7.1 %
			31, 33, -7.1,  1, -6.1,    NOT_MET
			# 131 vs 141 = −7.092 %: rounds to −7.1 and meets, but not exactly
			131, 141, -7.1,  1, -7.1,    MET
			131, 141, -7.1, -1, -7.0922, NOT_MET
			# A4 乌海 PM10 −10.5 %: 89.5 … 90 vs 100 is −10 %
			90, 100, -10.5, 1, -10.0,   NOT_MET
			""")
	void judgesTheChangeAgainstTheBaselineYear(int mean, int baseline, String target, int decimals, String change,
			Attainment expected) {
		RatioRounding rounding = (decimals < 0) ? RatioRounding.NONE : RatioRounding.toDecimals(decimals);
		AirQualityTarget goal = new AirQualityTarget("测试市", List.of("测试市"), 2025, Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.of(new BigDecimal(target)), Optional.empty(), Optional.empty(), "S004", "");
		Baseline base = new Baseline(2020, Optional.of(BigDecimal.valueOf(baseline)), Optional.empty(),
				Optional.empty());

		Scorecard card = Scorecard.evaluate("测试市", 2025, LocalDate.of(2025, 12, 31), yearOfPm25(mean),
				Optional.of(goal), Optional.of(base), rounding);

		AnnualConcentration pm25 = card.measured().pm25();
		assertThat(pm25.mean()).hasValue(BigDecimal.valueOf(mean));
		assertThat(pm25.changePercent()).hasValue(new BigDecimal(change));
		assertThat(pm25.changeTarget()).isEqualTo(expected);
		assertThat(pm25.meanTarget()).isEqualTo(Attainment.NO_TARGET);
		// no PM10 baseline: its change cannot be computed
		assertThat(card.measured().pm10().changePercent()).isEmpty();
	}

	@ParameterizedTest(name = "PM2.5 annual mean {0} against ≤ 29 → {1}")
	@CsvSource(textBlock = """
			# A8 巴彦淖尔市 2025: PM2.5 ≤ 29 µg/m³
			29, MET
			30, NOT_MET
			""")
	void judgesTheAbsolutePm25Target(int mean, Attainment expected) {
		AirQualityTarget goal = new AirQualityTarget("巴彦淖尔市", List.of("巴彦淖尔市"), 2025, Optional.empty(),
				Optional.empty(), Optional.of(new BigDecimal("29")), Optional.empty(), Optional.empty(),
				Optional.empty(), "S001", "");

		Scorecard card = Scorecard.evaluate("巴彦淖尔市", 2025, LocalDate.of(2025, 12, 31), yearOfPm25(mean),
				Optional.of(goal), Optional.empty(), RatioRounding.ONE_DECIMAL);

		assertThat(card.measured().pm25().meanTarget()).isEqualTo(expected);
		assertThat(card.measured().pm25().changeTarget()).isEqualTo(Attainment.NO_TARGET);
	}

	@Test
	void roundsTheExactMeanOnceHalfToEven() {
		// GB/T 8170: 28.5 → 28 and 29.5 → 30 (五成双); 28.5000…1 → 29
		assertThat(meanOf("28", "29")).isEqualTo("28");
		assertThat(meanOf("29", "30")).isEqualTo("30");
		assertThat(meanOf("28", "29", "28.5", "28.5000003")).isEqualTo("29");
	}

	@Test
	void reportsThe95thPercentileOfTheDailyMeansAsAnInteger() {
		// 365 daily means 1 … 365: k = 1 + 364·0.95 = 346.8: 346 + 0.8 = 346.8 → 347
		List<DailyResult> days = new ArrayList<>();
		for (int i = 0; i < 365; i++) {
			days.add(DailyResult.valid(LocalDate.of(2025, 1, 1).plusDays(i), 50, List.of(),
					Optional.of(BigDecimal.valueOf(i + 1)), Optional.empty()));
		}

		Scorecard card = Scorecard.evaluate("测试市", 2025, LocalDate.of(2025, 12, 31), days, Optional.empty(),
				Optional.empty(), RatioRounding.ONE_DECIMAL);

		assertThat(card.measured().pm25().percentile95()).hasValue(new BigDecimal("347"));
		assertThat(card.measured().pm25().mean()).hasValue(new BigDecimal("183"));
		assertThat(card.measured().pm25().validity().status()).isEqualTo(AnnualValidity.Status.MET);
		assertThat(card.measured().pm10().percentile95()).isEmpty();
		assertThat(card.measured().pm10().validity().status()).isEqualTo(AnnualValidity.Status.NOT_MET);
	}

	private static String meanOf(String... values) {
		List<DailyResult> days = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			days.add(DailyResult.valid(LocalDate.of(2025, 1, 1).plusDays(i), 50, List.of(),
					Optional.of(new BigDecimal(values[i])), Optional.empty()));
		}
		return Scorecard
			.evaluate("测试市", 2025, LocalDate.of(2025, 1, values.length), days, Optional.empty(), Optional.empty(),
					RatioRounding.ONE_DECIMAL)
			.measured()
			.pm25()
			.mean()
			.orElseThrow()
			.toPlainString();
	}

	/** 365 days whose PM2.5 daily means average exactly {@code mean}. */
	private static List<DailyResult> yearOfPm25(int mean) {
		List<DailyResult> days = new ArrayList<>();
		for (int i = 0; i < 365; i++) {
			days.add(DailyResult.valid(LocalDate.of(2025, 1, 1).plusDays(i), 60, List.of(),
					Optional.of(BigDecimal.valueOf(mean + ((i % 2 == 0) ? 5 : -5) * ((i == 364) ? 0 : 1))),
					Optional.empty()));
		}
		return days;
	}

}
