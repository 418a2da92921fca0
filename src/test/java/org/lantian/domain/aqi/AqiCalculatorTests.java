package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lantian.domain.aqi.AqiIndicator.CO_1H;
import static org.lantian.domain.aqi.AqiIndicator.CO_24H;
import static org.lantian.domain.aqi.AqiIndicator.NO2_1H;
import static org.lantian.domain.aqi.AqiIndicator.NO2_24H;
import static org.lantian.domain.aqi.AqiIndicator.O3_1H;
import static org.lantian.domain.aqi.AqiIndicator.O3_8H;
import static org.lantian.domain.aqi.AqiIndicator.PM10_1H;
import static org.lantian.domain.aqi.AqiIndicator.PM10_24H;
import static org.lantian.domain.aqi.AqiIndicator.PM25_1H;
import static org.lantian.domain.aqi.AqiIndicator.PM25_24H;
import static org.lantian.domain.aqi.AqiIndicator.SO2_1H;
import static org.lantian.domain.aqi.AqiIndicator.SO2_24H;
import static org.lantian.domain.aqi.AqiReport.DAILY;
import static org.lantian.domain.aqi.AqiReport.REAL_TIME;
import static org.lantian.domain.aqi.AqiStandard.HJ_633_2012;
import static org.lantian.domain.aqi.AqiStandard.HJ_633_2026;

/**
 * Whole reports: indicators per edition and report (HJ 633-2012 §5.1.2–5.1.3; HJ 633-2026
 * §4.2.2–4.2.3), AQI = max IAQI, primary and over-standard pollutants (2012 §3.3–3.4,
 * §4.4), the special rules above 800 and the NA rules (2012 §5.3; 2026 §5.3.1).
 */
class AqiCalculatorTests {

	@ParameterizedTest(name = "period starting {0} → {1}")
	@CsvSource(textBlock = """
			# HJ 633-2026 实施日期 2026-03-01 (STANDARDS §0.3): by the local date the period starts on
			2016-01-01, HJ_633_2012
			2026-02-28, HJ_633_2012
			2026-03-01, HJ_633_2026
			2031-01-01, HJ_633_2026
			""")
	void choosesTheEditionByThePeriodsStartDate(LocalDate date, AqiStandard expected) {
		assertThat(AqiStandard.forPeriodStartingOn(date)).isEqualTo(expected);
	}

	@Test
	void givesTheSameDailyConcentrationsADifferentAqiEitherSideOf2026March1() {
		// PM2.5 78: 2012 表1 → 100 + 50·3/40 = 103.75 → 104; 2026 表3 → 100 + 50·18/55 =
		// 116.4 → 117
		Map<AqiIndicator, BigDecimal> day = of(SO2_24H, "12", NO2_24H, "45", CO_24H, "1.2", O3_8H, "40", PM10_24H,
				"120", PM25_24H, "78");
		Map<AqiIndicator, BigDecimal> day2012 = new EnumMap<>(day);
		day2012.put(O3_1H, new BigDecimal("60"));

		AirQualityIndex before = AqiCalculator.calculate(AqiStandard.forPeriodStartingOn(LocalDate.of(2026, 2, 28)),
				DAILY, day2012);
		AirQualityIndex after = AqiCalculator.calculate(AqiStandard.forPeriodStartingOn(LocalDate.of(2026, 3, 1)),
				DAILY, day);

		assertThat(before.aqi()).hasValue(104);
		assertThat(before.iaqi()).containsEntry(PM25_24H, 104).containsEntry(PM10_24H, 85);
		assertThat(after.aqi()).hasValue(117);
		// the INTERFACES §5.2 example: pm25 117, pm10 100, so2 12, no2 57, co 30, o3_8h
		// 20
		assertThat(after.iaqi()).containsExactlyInAnyOrderEntriesOf(
				Map.of(PM25_24H, 117, PM10_24H, 100, SO2_24H, 12, NO2_24H, 57, CO_24H, 30, O3_8H, 20));
		assertThat(after.category()).contains(AqiCategory.LIGHTLY_POLLUTED);
		assertThat(after.primaryPollutants()).containsExactly(PM25_24H);
		assertThat(after.isComplete()).isTrue();
	}

	@Test
	void listsTiedPrimaryPollutants() {
		// 2026 §4.4 (2012 §4.4.1): 并列为首要污染物. PM10 250 and PM2.5 115 both give 150.
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2026, DAILY,
				of(SO2_24H, "10", NO2_24H, "20", CO_24H, "0.5", O3_8H, "50", PM10_24H, "250", PM25_24H, "115"));

		assertThat(index.aqi()).hasValue(150);
		assertThat(index.primaryPollutants()).containsExactly(PM10_24H, PM25_24H);
	}

	@ParameterizedTest(name = "PM2.5 {0} → AQI {1}, primary {2}")
	@CsvSource(textBlock = """
			# only when AQI > 50 (2012 §3.3; 2026 §3.3)
			35, 50, false
			36, 52, true
			""")
	void namesAPrimaryPollutantOnlyAbove50(String pm25, int aqi, boolean hasPrimary) {
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2026, DAILY,
				of(SO2_24H, "5", NO2_24H, "10", CO_24H, "0.3", O3_8H, "30", PM10_24H, "20", PM25_24H, pm25));

		assertThat(index.aqi()).hasValue(aqi);
		assertThat(index.primaryPollutants().isEmpty()).isNotEqualTo(hasPrimary);
	}

	@Test
	void listsOverStandardPollutantsAbove100Under2012Only() {
		// HJ 633-2012 §3.4: IAQI > 100, strictly; HJ 633-2026 deleted 超标污染物
		Map<AqiIndicator, BigDecimal> day = of(SO2_24H, "150", NO2_24H, "81", CO_24H, "1", O3_8H, "40", PM10_24H, "100",
				PM25_24H, "75");
		Map<AqiIndicator, BigDecimal> day2012 = new EnumMap<>(day);
		day2012.put(O3_1H, new BigDecimal("100"));

		AirQualityIndex in2012 = AqiCalculator.calculate(HJ_633_2012, DAILY, day2012);
		AirQualityIndex in2026 = AqiCalculator.calculate(HJ_633_2026, DAILY, day);

		assertThat(in2012.iaqi()).containsEntry(SO2_24H, 100).containsEntry(NO2_24H, 101).containsEntry(PM25_24H, 100);
		assertThat(in2012.overStandardPollutants()).containsExactly(NO2_24H);
		assertThat(in2026.overStandardPollutants()).isEmpty();
		assertThat(in2026.iaqi()).containsEntry(PM25_24H, 114);
	}

	@Test
	void uses2012RealTimePm24HourMovingMeansAndShowsTheHourlyPmWithoutIaqi() {
		// HJ 633-2012 §5.1.3 / 表4: PM IAQI from the 24 h moving mean; the 1 h PM has none
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2012, REAL_TIME, of(SO2_1H, "20", NO2_1H, "50", CO_1H,
				"1.0", O3_1H, "100", O3_8H, "80", PM10_24H, "100", PM25_24H, "60", PM10_1H, "300", PM25_1H, "200"));

		assertThat(index.iaqi()).doesNotContainKeys(PM10_1H, PM25_1H).containsEntry(PM25_24H, 82);
		assertThat(index.concentrations()).containsEntry(PM25_1H, new BigDecimal("200"));
		assertThat(index.aqi()).hasValue(82);
		assertThat(index.primaryPollutants()).containsExactly(PM25_24H);
	}

	@Test
	void uses2026RealTimePmHourlyValuesOnTheDailyColumn() {
		// HJ 633-2026 式1 note: a PM 1 h value takes the 日平均 breakpoints. PM2.5 1 h 78 →
		// 117.
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2026, REAL_TIME,
				of(SO2_1H, "20", NO2_1H, "50", CO_1H, "1.0", O3_1H, "100", PM10_1H, "120", PM25_1H, "78"));

		assertThat(index.iaqi()).containsEntry(PM25_1H, 117).containsEntry(PM10_1H, 100).containsEntry(O3_1H, 32);
		assertThat(index.aqi()).hasValue(117);
	}

	@Test
	void fallsBackToTheSo2DailyIaqiAbove800In2012RealTime() {
		// HJ 633-2012 表1 note 2: SO2 1 h 900 → no 1 h IAQI; report the 24 h IAQI (24 h
		// 500 → 150 + 50·25/325 = 153.8 → 154)
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2012, REAL_TIME, of(SO2_1H, "900", SO2_24H, "500",
				NO2_1H, "50", CO_1H, "1.0", O3_1H, "100", O3_8H, "80", PM10_24H, "100", PM25_24H, "60"));

		assertThat(index.iaqi()).doesNotContainKey(SO2_1H).containsEntry(SO2_24H, 154);
		assertThat(index.aqi()).hasValue(154);
		assertThat(index.primaryPollutants()).containsExactly(SO2_24H);
	}

	@Test
	void countsSo2Above800As200In2026RealTime() {
		// HJ 633-2026 表3 note b
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2026, REAL_TIME,
				of(SO2_1H, "900", NO2_1H, "50", CO_1H, "1.0", O3_1H, "100", PM10_1H, "100", PM25_1H, "60"));

		assertThat(index.iaqi()).containsEntry(SO2_1H, 200);
		assertThat(index.aqi()).hasValue(200);
	}

	@Test
	void reportsO3FromItsHourlyIaqiAbove800In2012AndAs300In2026() {
		// HJ 633-2012 表1 note 3: O3 8 h 850 → no 8 h IAQI, the 1 h IAQI (900 → 350)
		// stands
		AirQualityIndex in2012 = AqiCalculator.calculate(HJ_633_2012, DAILY, of(SO2_24H, "10", NO2_24H, "20", CO_24H,
				"0.5", O3_1H, "900", O3_8H, "850", PM10_24H, "50", PM25_24H, "30"));
		// HJ 633-2026 表3 note c: O3 8 h 850 → 300
		AirQualityIndex in2026 = AqiCalculator.calculate(HJ_633_2026, DAILY,
				of(SO2_24H, "10", NO2_24H, "20", CO_24H, "0.5", O3_8H, "850", PM10_24H, "50", PM25_24H, "30"));

		assertThat(in2012.iaqi()).doesNotContainKey(O3_8H).containsEntry(O3_1H, 350);
		assertThat(in2012.missing()).isEmpty();
		assertThat(in2012.aqi()).hasValue(350);
		assertThat(in2026.iaqi()).containsEntry(O3_8H, 300);
		assertThat(in2026.aqi()).hasValue(300);
		assertThat(in2026.isHeavyPollution()).isTrue();
	}

	@ParameterizedTest(name = "2026, PM2.5 missing, worst other IAQI from PM10 {0} → AQI {1}")
	@CsvSource(textBlock = """
			# HJ 633-2026 §5.3.1: with a pollutant missing, publish the AQI only if it is above 100
			# 表3: PM10 120 → 100; 121 → 100 + 50·1/130 = 100.4 → 101
			120, 100, false
			121, 101, true
			""")
	void publishesAn2026AqiWithMissingDataOnlyAbove100(String pm10, int aqiOfTheOthers, boolean published) {
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2026, DAILY,
				of(SO2_24H, "10", NO2_24H, "20", CO_24H, "0.5", O3_8H, "50", PM10_24H, pm10));

		assertThat(index.missing()).containsExactly(PM25_24H);
		assertThat(index.iaqi()).containsEntry(PM10_24H, aqiOfTheOthers).doesNotContainKey(PM25_24H);
		assertThat(index.aqi().isPresent()).isEqualTo(published);
		assertThat(index.category().isPresent()).isEqualTo(published);
		assertThat(index.primaryPollutants().isEmpty()).isNotEqualTo(published);
	}

	@Test
	void marksOnlyTheMissingIndicatorNaIn2012() {
		// HJ 633-2012 §5.3: 缺测指标的浓度及分指数均使用NA标识; the AQI is the max of the rest
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2012, DAILY,
				of(SO2_24H, "10", NO2_24H, "20", CO_24H, "0.5", O3_1H, "60", O3_8H, "50", PM10_24H, "60"));

		assertThat(index.missing()).containsExactly(PM25_24H);
		assertThat(index.aqi()).hasValue(55);
	}

	@Test
	void isNaWithoutAnyData() {
		assertThat(AqiCalculator.calculate(HJ_633_2012, DAILY, Map.of()).aqi()).isEmpty();
		assertThat(AqiCalculator.calculate(HJ_633_2026, REAL_TIME, Map.of()).category()).isEmpty();
	}

	@Test
	void keeps2026AqiAtLeast1() {
		// HJ 633-2026 §4.1.1: 范围为1～500 (2012 表2 starts at 0)
		Map<AqiIndicator, BigDecimal> zero = of(SO2_24H, "0", NO2_24H, "0", CO_24H, "0", O3_8H, "0", PM10_24H, "0",
				PM25_24H, "0");
		Map<AqiIndicator, BigDecimal> zero2012 = new EnumMap<>(zero);
		zero2012.put(O3_1H, BigDecimal.ZERO);

		assertThat(AqiCalculator.calculate(HJ_633_2026, DAILY, zero).aqi()).hasValue(1);
		assertThat(AqiCalculator.calculate(HJ_633_2012, DAILY, zero2012).aqi()).hasValue(0);
	}

	@Test
	void rejectsAnIndicatorTheReportDoesNotTake() {
		// HJ 633-2026 §4.2.2: the O3 1 h value no longer enters the daily report
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AqiCalculator.calculate(HJ_633_2026, DAILY, of(O3_1H, "100")))
			.withMessageContaining("o3_1h");
	}

	@Test
	void publishesConcentrationsRoundedPerGbt8170() {
		AirQualityIndex index = AqiCalculator.calculate(HJ_633_2026, DAILY, of(PM25_24H, "74.5", CO_24H, "1.25"));

		assertThat(index.concentrations()).containsEntry(PM25_24H, new BigDecimal("74"))
			.containsEntry(CO_24H, new BigDecimal("1.2"));
	}

	private static Map<AqiIndicator, BigDecimal> of(Object... pairs) {
		Map<AqiIndicator, BigDecimal> map = new EnumMap<>(AqiIndicator.class);
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((AqiIndicator) pairs[i], new BigDecimal((String) pairs[i + 1]));
		}
		return map;
	}

}
