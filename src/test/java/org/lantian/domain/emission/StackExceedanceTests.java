package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.ValidityRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * STANDARDS §5.5: a valid hourly mean of the corrected concentration strictly above the
 * limit is an exceedance, with 超标倍数 (C − C0)/C0; the limit is the one in force on the
 * local (Asia/Shanghai) date the hour starts on.
 */
class StackExceedanceTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant HOUR = Instant.parse("2026-06-01T02:00:00Z");

	private static final EmissionLimit NOX_ULTRA_LOW = EmissionLimitTable
		.limit("ultra-low-coal-power", Measurand.NOX, java.time.LocalDate.of(2026, 6, 1))
		.limit()
		.orElseThrow();

	@ParameterizedTest(name = "NOx {0} against 50 → exceeds {1}, ratio {2}")
	@CsvSource(textBlock = """
			# §5.2 ultra-low NOx 50 mg/m³ at 6 % O₂; compared unrounded (GB/T 8170 §4.3 全数值比较法)
			49.999, false,
			50,     false,
			50.000, false,
			50.001, true,  0.00002
			50.4,   true,  0.008
			55,     true,  0.1
			100,    true,  1
			""")
	void exceedsOnlyStrictlyAboveTheLimit(BigDecimal value, boolean exceeds, BigDecimal ratio) {
		HourlyJudgement judgement = StackExceedance.judge(NOX_ULTRA_LOW, HOUR, value);

		assertThat(judgement.isExceeding()).isEqualTo(exceeds);
		assertThat(judgement.isJudged()).isTrue();
		if (exceeds) {
			StackExceedance exceedance = ((HourlyJudgement.Exceeding) judgement).exceedance();
			assertThat(exceedance.ratio()).isEqualByComparingTo(ratio);
			assertThat(exceedance.value()).isEqualByComparingTo(value);
			assertThat(exceedance.hourStart()).isEqualTo(HOUR);
		}
	}

	@Test
	void theRatioIsExactToThirtyFourDigits() {
		EmissionLimit pm = EmissionLimitTable
			.limit("gb13271-2014-coal-boiler-special", Measurand.PM, java.time.LocalDate.of(2026, 1, 1))
			.limit()
			.orElseThrow();

		// (80 − 30)/30 = 5/3
		assertThat(StackExceedance.of(HOUR, pm, new BigDecimal("80")).ratio())
			.isEqualByComparingTo("1.666666666666666666666666666666667");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StackExceedance(HOUR, pm, new BigDecimal("80"), new BigDecimal("1.67")));
		assertThatIllegalArgumentException().isThrownBy(() -> StackExceedance.of(HOUR, pm, new BigDecimal("30")))
			.withMessageContaining("not an exceedance: 30");
	}

	@Test
	void theLimitIsTheOneInForceOnTheLocalDateTheHourStartsOn() {
		Average valid = new Average.Valid(new BigDecimal("250"), 60);
		// 2019-12-31 23:00 in 包头 (15:00Z): before the 2020-01-01 special limits, not
		// judged
		HourlyJudgement before = StackExceedance.judge("gb13271-2014-coal-boiler-special", Measurand.SO2,
				Instant.parse("2019-12-31T15:00:00Z"), SHANGHAI, valid);
		// 2020-01-01 00:00 in 包头 (still 2019-12-31 in UTC): 250 > 200
		HourlyJudgement after = StackExceedance.judge("gb13271-2014-coal-boiler-special", Measurand.SO2,
				Instant.parse("2019-12-31T16:00:00Z"), SHANGHAI, valid);

		assertThat(before).isInstanceOfSatisfying(HourlyJudgement.NotJudged.class,
				(n) -> assertThat(n.reason()).contains("not in force on 2019-12-31"));
		assertThat(after).isInstanceOfSatisfying(HourlyJudgement.Exceeding.class,
				(e) -> assertThat(e.exceedance().ratio()).isEqualByComparingTo("0.25"));
	}

	@Test
	void anInvalidHourIsNotJudged() {
		Average invalid = new Average.Insufficient(44, ValidityRule.HOURLY, "44 valid minutes of 60");

		HourlyJudgement judgement = StackExceedance.judge("ultra-low-coal-power", Measurand.SO2, HOUR, SHANGHAI,
				invalid);

		assertThat(judgement.isJudged()).isFalse();
		assertThat(((HourlyJudgement.NotJudged) judgement).reason()).contains("44 valid minutes");
	}

	@Test
	void measuredMeansAreCorrectedToTheSitesReferenceFirst() {
		Average so2 = new Average.Valid(new BigDecimal("180"), 60);
		Average o2 = new Average.Valid(new BigDecimal("12"), 60);
		OxygenCorrection correction = OxygenCorrection.standard();

		// 180 at 12 % O₂ → 180 × 12/9 = 240 at 9 % (§5.4) > 200 (表3): ratio 0.2
		HourlyJudgement judged = StackExceedance.judgeMeasured("gb13271-2014-coal-boiler-special", Measurand.SO2, HOUR,
				SHANGHAI, so2, o2, new BigDecimal("9"), correction);
		// the same boiler drawing air at 19.5 % O₂: correction refused, nothing judged
		HourlyJudgement stopped = StackExceedance.judgeMeasured("gb13271-2014-coal-boiler-special", Measurand.SO2, HOUR,
				SHANGHAI, so2, new Average.Valid(new BigDecimal("19.5"), 60), new BigDecimal("9"), correction);
		// a site whose reference O₂ differs from the limit's cannot be judged against it
		HourlyJudgement mismatched = StackExceedance.judgeMeasured("gb13271-2014-coal-boiler-special", Measurand.SO2,
				HOUR, SHANGHAI, so2, o2, null, correction);

		assertThat(judged).isInstanceOfSatisfying(HourlyJudgement.Exceeding.class, (e) -> {
			assertThat(e.exceedance().value()).isEqualByComparingTo("240");
			assertThat(e.exceedance().ratio()).isEqualByComparingTo("0.2");
		});
		assertThat(stopped).isInstanceOfSatisfying(HourlyJudgement.NotJudged.class,
				(n) -> assertThat(n.reason()).contains("19.5 %", "guard"));
		assertThat(mismatched).isInstanceOfSatisfying(HourlyJudgement.NotJudged.class,
				(n) -> assertThat(n.reason()).contains("9 % O2", "not set"));
	}

	@Test
	void vocStacksAreJudgedAsMeasuredOrAtThreePercentForAnIncinerator() {
		OxygenCorrection correction = OxygenCorrection.standard();
		Average nmhc = new Average.Valid(new BigDecimal("40"), 60);

		// RTO needing supplementary air (GB 37822 §10.3.3): 40 × (21 − 3)/(21 − 15.8) =
		// 720/5.2 = 138.46… > 120
		HourlyJudgement rto = StackExceedance.judgeMeasured("gb16297-1996-nmhc-new", Measurand.NMHC, HOUR, SHANGHAI,
				nmhc, new Average.Valid(new BigDecimal("15.8"), 60), new BigDecimal("3"), correction);
		// adsorber at 20.5 % O₂, no reference: 40 as measured ≤ 120, and the guard does
		// not apply
		HourlyJudgement adsorber = StackExceedance.judgeMeasured("gb16297-1996-nmhc-new", Measurand.NMHC, HOUR,
				SHANGHAI, nmhc, new Average.Valid(new BigDecimal("20.5"), 60), null, correction);

		assertThat(rto).isInstanceOfSatisfying(HourlyJudgement.Exceeding.class,
				(e) -> assertThat(e.exceedance().value()).isEqualByComparingTo("138.4615384615384615384615384615385"));
		assertThat(adsorber).isInstanceOfSatisfying(HourlyJudgement.Compliant.class,
				(c) -> assertThat(c.value()).isEqualByComparingTo("40"));
	}

	@Test
	void aFerroalloyHourIsNotJudgedAndSaysWhy() {
		HourlyJudgement judgement = StackExceedance.judge("gb28666-2012-ferroalloy-special", Measurand.PM, HOUR,
				SHANGHAI, new Average.Valid(new BigDecimal("45"), 60));

		assertThat(judgement).isInstanceOfSatisfying(HourlyJudgement.NotJudged.class,
				(n) -> assertThat(n.reason()).contains("values unknown"));
	}

}
