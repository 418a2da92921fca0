package org.lantian.domain.ambient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.ValidityRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB 3095-2012 表1 and GB 3095-2026 表1 (transition to 2030-12-31, final from 2031-01-01,
 * §4.4), by zone class (§4.1), and the exceedance judgement of STANDARDS §2.6.
 */
class AmbientExceedanceTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(textBlock = """
			2015-12-31,
			2016-01-01, GB_3095_2012
			2026-02-28, GB_3095_2012
			2026-03-01, GB_3095_2026_TRANSITION
			2030-12-31, GB_3095_2026_TRANSITION
			2031-01-01, GB_3095_2026_FINAL
			""")
	void choosesTheLimitSetByDate(LocalDate date, AmbientStandard expected) {
		assertThat(AmbientStandard.on(date).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
	@CsvSource(textBlock = """
			# GB 3095-2012 表1
			GB_3095_2012,            PM25, DAILY,  CLASS_II, 75
			GB_3095_2012,            PM25, ANNUAL, CLASS_II, 35
			GB_3095_2012,            PM10, DAILY,  CLASS_II, 150
			GB_3095_2012,            PM10, ANNUAL, CLASS_II, 70
			GB_3095_2012,            SO2,  HOURLY, CLASS_I,  150
			GB_3095_2012,            SO2,  HOURLY, CLASS_II, 500
			GB_3095_2012,            O3,   DAILY_MAX_EIGHT_HOUR, CLASS_I, 100
			GB_3095_2012,            O3,   DAILY_MAX_EIGHT_HOUR, CLASS_II, 160
			GB_3095_2012,            CO,   DAILY,  CLASS_II, 4
			# GB 3095-2026 表1 过渡阶段
			GB_3095_2026_TRANSITION, PM25, DAILY,  CLASS_II, 60
			GB_3095_2026_TRANSITION, PM25, ANNUAL, CLASS_II, 30
			GB_3095_2026_TRANSITION, PM10, DAILY,  CLASS_II, 120
			GB_3095_2026_TRANSITION, PM10, ANNUAL, CLASS_II, 60
			GB_3095_2026_TRANSITION, PM25, DAILY,  CLASS_I,  35
			GB_3095_2026_TRANSITION, SO2,  DAILY,  CLASS_II, 150
			GB_3095_2026_TRANSITION, NO2,  ANNUAL, CLASS_II, 40
			GB_3095_2026_TRANSITION, NOX,  DAILY,  CLASS_II, 100
			# GB 3095-2026 表1 浓度限值 (from 2031)
			GB_3095_2026_FINAL,      PM25, DAILY,  CLASS_II, 50
			GB_3095_2026_FINAL,      PM25, DAILY,  CLASS_I,  25
			GB_3095_2026_FINAL,      PM25, ANNUAL, CLASS_II, 25
			GB_3095_2026_FINAL,      PM10, DAILY,  CLASS_II, 100
			GB_3095_2026_FINAL,      SO2,  DAILY,  CLASS_II, 50
			GB_3095_2026_FINAL,      NO2,  DAILY,  CLASS_II, 50
			GB_3095_2026_FINAL,      NO2,  ANNUAL, CLASS_I,  30
			GB_3095_2026_FINAL,      O3,   HOURLY, CLASS_II, 200
			GB_3095_2026_FINAL,      NOX,  DAILY,  CLASS_II, 70
			""")
	void holdsTheTablesLimits(AmbientStandard standard, Measurand pollutant, LimitAveraging averaging, ZoneClass zone,
			BigDecimal expected) {
		assertThat(AmbientLimits.of(standard, pollutant, averaging, zone).orElseThrow().value())
			.isEqualByComparingTo(expected);
	}

	@Test
	void hasNoAnnualCoLimit() {
		assertThat(AmbientLimits.of(AmbientStandard.GB_3095_2026_FINAL, Measurand.CO, LimitAveraging.ANNUAL,
				ZoneClass.CLASS_II))
			.isEmpty();
		assertThat(AmbientLimits.all()).hasSize(3 * 17 * 2);
	}

	@ParameterizedTest(name = "{0} PM2.5 daily {1} in a class II zone → exceeds {2}")
	@CsvSource(textBlock = """
			# 2012 grade II 75; rounded per GB/T 8170 first, strictly above
			2026-02-28, 75,   false
			2026-02-28, 75.5, true
			2026-02-28, 75.4, false
			# 2026 transition grade II 60
			2026-03-01, 60,   false
			2026-03-01, 60.5, false
			2026-03-01, 61,   true
			2030-12-31, 61,   true
			# 2026 final grade II 50
			2031-01-01, 50,   false
			2031-01-01, 51,   true
			""")
	void judgesADailyPm25AgainstTheLimitOfItsDate(LocalDate date, BigDecimal value, boolean exceeds) {
		assertThat(Exceedance.judge(date, ZoneClass.CLASS_II, Measurand.PM25, LimitAveraging.DAILY, value).isPresent())
			.isEqualTo(exceeds);
	}

	@Test
	void judgesNothingOnAnInvalidAverage() {
		Average invalid = new Average.Insufficient(19, ValidityRule.DAILY, "19 valid hours of 24");
		Average valid = new Average.Valid(new BigDecimal("130.2"), 20);

		assertThat(Exceedance.judge(LocalDate.of(2026, 3, 5), ZoneClass.CLASS_II, Measurand.PM10, LimitAveraging.DAILY,
				invalid))
			.isEmpty();
		Exceedance exceedance = Exceedance
			.judge(LocalDate.of(2026, 3, 5), ZoneClass.CLASS_II, Measurand.PM10, LimitAveraging.DAILY, valid)
			.orElseThrow();
		assertThat(exceedance.value()).isEqualByComparingTo("130");
		assertThat(exceedance.limit().value()).isEqualByComparingTo("120");
		assertThat(exceedance.limit().standard()).isEqualTo(AmbientStandard.GB_3095_2026_TRANSITION);
	}

	@Test
	void roundsCoToOneDecimalBeforeComparing() {
		// CO 1 h limit 10 mg/m³: 10.05 → 10.0 (not above), 10.06 → 10.1
		List<String> values = List.of("10.05", "10.06");

		assertThat(values.stream()
			.map((v) -> Exceedance.judge(LocalDate.of(2026, 6, 1), ZoneClass.CLASS_I, Measurand.CO,
					LimitAveraging.HOURLY, new BigDecimal(v)))
			.map((e) -> e.isPresent())
			.toList()).containsExactly(false, true);
	}

}
