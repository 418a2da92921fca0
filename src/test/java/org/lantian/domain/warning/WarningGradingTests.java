package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario tests of the three national schemes (STANDARDS §4.1, §4.2): each threshold and
 * each duration met, and missed by one step (AQI one lower, or one day shorter). The
 * series are forecast daily AQI, one value per 24-hour day, separated by spaces.
 */
class WarningGradingTests {

	private static final LocalDate DAY = LocalDate.of(2026, 1, 15);

	@ParameterizedTest(name = "MEE 2024: {0} → {1} ({2})")
	@CsvSource(delimiter = '|', textBlock = """
			# yellow: 日AQI>200 (one day, [interpretation] of "或": no duration on this clause)
			201                 | yellow | >200 for 24 h
			200                 | none   | threshold missed by one
			# yellow: 日AQI>150持续48小时
			151 151             | yellow | >150 for 48 h
			150 151             | none   | threshold missed by one on the first day
			151 150             | none   | threshold missed by one on the second day
			151                 | none   | duration missed by one day
			151 100 151         | none   | two days >150 not consecutive
			# orange: 日AQI>200持续48小时 或 日AQI>150持续72小时
			201 201             | orange | >200 for 48 h
			201 200             | yellow | >200 run one day short: yellow by the one-day clause
			151 151 151         | orange | >150 for 72 h
			151 151 150         | yellow | >150 run one day short
			150 151 151         | yellow | >150 threshold missed on one day of three
			# red: 日AQI>200持续72小时 且 日AQI>300持续24小时
			201 201 301         | red    | >200 for 72 h and >300 for 24 h
			201 201 300         | orange | >300 missed by one
			201 200 301         | orange | >200 run broken: >150 for 72 h is orange
			301 301             | orange | >200 only 48 h: one day short of red
			500 500 500 500     | red    | the worst forecast
			100 100 100 100 100 | none   | clean
			""")
	void mee2024(String aqi, String expected, String why) {
		assertThat(grade(WarningScheme.mee2024(), aqi).level()).as(why).isEqualTo(WarningLevel.fromKey(expected));
	}

	@ParameterizedTest(name = "2019 three-level: {0} → {1} ({2})")
	@CsvSource(delimiter = '|', textBlock = """
			# yellow (Ⅲ级): 日AQI>200持续48小时
			201 201             | yellow | >200 for 48 h
			201 200             | none   | threshold missed by one
			201                 | none   | duration missed by one day: a single day is no warning in 2019
			300 100 300         | none   | not consecutive
			# orange (Ⅱ级): 日AQI>200持续72小时
			201 201 201         | orange | >200 for 72 h
			201 201 200         | yellow | threshold missed by one on the third day
			# red (Ⅰ级): 日AQI>200持续96小时 且 >300持续48小时, 或 日AQI达到500
			201 201 301 301     | red    | >200 for 96 h and >300 for 48 h
			201 201 301 300     | orange | >300 missed by one on the second day
			201 201 201 301     | orange | >300 for 24 h only: one day short
			200 201 301 301     | orange | >200 run one day short (96 h missed)
			500                 | red    | AQI reaching 500 on one day
			499                 | none   | one below 500, and one day is nothing else
			499 499             | yellow | two days just below 500
			""")
	void threeLevel2019(String aqi, String expected, String why) {
		assertThat(grade(WarningScheme.threeLevel2019(), aqi).level()).as(why)
			.isEqualTo(WarningLevel.fromKey(expected));
	}

	@ParameterizedTest(name = "2017 four-level: {0} → {1} ({2})")
	@CsvSource(delimiter = '|', textBlock = """
			# blue: 日AQI>200 (one day)
			201                 | blue   | >200 for 24 h
			200                 | none   | threshold missed by one
			# yellow: 日AQI>200持续48小时
			201 201             | yellow | >200 for 48 h
			201 200             | blue   | duration missed by one day
			# orange: 日AQI>200持续72小时 且 >300 at least one day
			201 201 301         | orange | >200 for 72 h with a day >300
			201 201 300         | yellow | >300 missed by one: 72 h >200 alone is only yellow in 2017
			# red: 日AQI>200持续96小时 且 >300持续48小时, 或 日AQI达到500
			201 201 301 301     | red    | >200 for 96 h and >300 for 48 h
			201 201 301 300     | orange | >300 only 24 h
			201 201 201 301     | orange | >300 only 24 h at the end
			500                 | red    | AQI reaching 500 (STANDARDS §4.2)
			499                 | blue   | one below 500: blue only
			""")
	void fourLevel2017(String aqi, String expected, String why) {
		assertThat(grade(WarningScheme.fourLevel2017(), aqi).level()).as(why).isEqualTo(WarningLevel.fromKey(expected));
	}

	@Test
	void aRunLaterInTheForecastCountsAsMuchAsOneFromItsFirstDay() {
		// [interpretation] "持续48小时" is a run anywhere in the forecast (Criterion)
		Grading later = grade(WarningScheme.threeLevel2019(), "120 150 230 240 180");

		assertThat(later.level()).isEqualTo(WarningLevel.YELLOW);
		assertThat(later.evidence()).extracting(DayAqi::date).containsExactly(DAY.plusDays(2), DAY.plusDays(3));
		assertThat(later.evidence()).extracting(DayAqi::aqi).containsExactly(230, 240);
	}

	@Test
	void theRuleAndTheDaysThatSetTheLevelAreKept() {
		Grading red = grade(WarningScheme.mee2024(), "180 250 260 320 150");

		assertThat(red.level()).isEqualTo(WarningLevel.RED);
		assertThat(red.schemeId()).isEqualTo("mee-2024");
		assertThat(red.rule()).isEqualTo("日AQI>200持续≥72小时 且 日AQI>300持续≥24小时");
		assertThat(red.evidence()).extracting(DayAqi::aqi).containsExactly(250, 260, 320);
		assertThat(red.region()).isEqualTo("包头市");
	}

	@Test
	void noneSaysWhichConditionWasMissed() {
		Grading none = grade(WarningScheme.mee2024(), "150 150");

		assertThat(none.level()).isEqualTo(WarningLevel.NONE);
		assertThat(none.rule()).isEqualTo("低于黄色预警条件 (日AQI>200持续≥24小时 或 日AQI>150持续≥48小时)");
		assertThat(none.evidence()).isEmpty();
	}

	@Test
	void levelsAreSortedHighestFirstAndTheLowestIsKnown() {
		assertThat(WarningScheme.fourLevel2017().lowestLevel()).isEqualTo(WarningLevel.BLUE);
		assertThat(WarningScheme.mee2024().lowestLevel()).isEqualTo(WarningLevel.YELLOW);
		assertThat(WarningScheme.threeLevel2019().levels()).extracting(LevelRule::level)
			.containsExactly(WarningLevel.RED, WarningLevel.ORANGE, WarningLevel.YELLOW);
	}

	static Grading grade(WarningScheme scheme, String aqi) {
		return scheme.grade("包头市", series(aqi));
	}

	static AqiSeries series(String aqi) {
		return AqiSeries.daily(DAY, Arrays.stream(aqi.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray());
	}

}
