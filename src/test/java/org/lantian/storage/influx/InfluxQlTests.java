package org.lantian.storage.influx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InfluxQlTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant FROM = Instant.parse("2026-01-14T16:00:00Z");

	private static final Instant TO = Instant.parse("2026-01-16T16:00:00Z");

	@Test
	void quotesIdentifiersWithDoubleQuotes() {
		assertThat(InfluxQl.identifier("pm25")).isEqualTo("\"pm25\"");
		assertThat(InfluxQl.identifier("windSpeed")).isEqualTo("\"windSpeed\"");
		assertThat(InfluxQl.identifier("a\"b'c\\d")).isEqualTo("\"a\\\"b'c\\\\d\"");
	}

	@Test
	void quotesStringLiteralsWithSingleQuotes() {
		assertThat(InfluxQl.string("BT-KDL-01")).isEqualTo("'BT-KDL-01'");
		assertThat(InfluxQl.string("it's \"x\" \\ y")).isEqualTo("'it\\'s \"x\" \\\\ y'");
		assertThat(InfluxQl.string("包头市")).isEqualTo("'包头市'");
	}

	@Test
	void escapesLineBreaksBecauseTheScannerRefusesThemInStrings() {
		assertThat(InfluxQl.string("a\nb")).isEqualTo("'a\\nb'");
	}

	@Test
	void writesTimesAsEpochMillisecondsOrRfc3339() {
		assertThat(InfluxQl.time(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo("1768435200000ms");
		assertThat(InfluxQl.time(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo("-1ms");
		assertThat(InfluxQl.rfc3339(Instant.parse("2026-01-15T00:00:00.5Z"))).isEqualTo("'2026-01-15T00:00:00.500Z'");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			PT0S,    0s
			PT0.005S, 5ms
			PT1.5S,  1500ms
			PT90S,   90s
			PT1M,    1m
			PT1H,    1h
			PT16H,   16h
			PT24H,   1d
			PT168H,  7d
			PT30M,   30m
			""")
	void writesDurationsInTheLargestWholeUnit(Duration duration, String literal) {
		assertThat(InfluxQl.duration(duration)).isEqualTo(literal);
	}

	@Test
	void refusesDurationsItCannotWrite() {
		assertThatIllegalArgumentException().isThrownBy(() -> InfluxQl.duration(Duration.ofNanos(1500)));
		assertThatIllegalArgumentException().isThrownBy(() -> InfluxQl.duration(Duration.ofSeconds(-1)));
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# Shanghai is UTC+8 since 1991: local midnight is 16:00 UTC
			Asia/Shanghai | DAY    | GROUP BY time(1d,16h)
			Asia/Shanghai | HOUR   | GROUP BY time(1h)
			Asia/Shanghai | MINUTE | GROUP BY time(1m)
			# India is UTC+5:30: local hours start at half past in UTC
			Asia/Kolkata  | HOUR   | GROUP BY time(1h,30m)
			Asia/Kolkata  | DAY    | GROUP BY time(1d,1110m)
			UTC           | DAY    | GROUP BY time(1d)
			-05:00        | DAY    | GROUP BY time(1d,5h)
			# Zones with daylight saving leave the alignment to tz()
			Europe/Berlin | DAY    | GROUP BY time(1d)
			""")
	void alignsBucketsOnTheReportingZone(String zone, Step step, String groupBy) {
		assertThat(InfluxQl.groupByTime(step, ZoneId.of(zone))).isEqualTo(groupBy);
	}

	@Test
	void knowsWhichZonesHaveAFixedOffsetForStoredData() {
		assertThat(InfluxQl.isFixedOffset(SHANGHAI)).isTrue();
		assertThat(InfluxQl.isFixedOffset(ZoneOffset.ofHours(8))).isTrue();
		assertThat(InfluxQl.isFixedOffset(ZoneId.of("Europe/Berlin"))).isFalse();
	}

	@Test
	void createsTheDatabase() {
		assertThat(InfluxQl.createDatabase("lantian")).isEqualTo("CREATE DATABASE \"lantian\"");
	}

	@Test
	void selectsTheNewestValueOfEachMeasurandWithItsFlagAndPeriod() {
		String query = InfluxQl.latest(SiteId.of("BT-KDL-01"), List.of(Measurand.PM25, Measurand.WIND_SPEED), FROM);

		assertThat(query).isEqualTo("SELECT \"pm25\",\"flags\",\"period\" FROM \"reading\" WHERE \"site\"="
				+ "'BT-KDL-01' AND \"pm25\" >= 0 AND time > 1768406400000ms ORDER BY time DESC LIMIT 1; "
				+ "SELECT \"windSpeed\",\"flags\",\"period\" FROM \"reading\" WHERE \"site\"='BT-KDL-01' "
				+ "AND \"windSpeed\" >= 0 AND time > 1768406400000ms ORDER BY time DESC LIMIT 1");
	}

	@Test
	void selectsRawValuesAndFlagsOfOnePeriodInAHalfOpenInterval() {
		SeriesQuery query = new SeriesQuery(SiteId.of("BT-KDL-01"), FROM, TO, List.of(Measurand.PM25, Measurand.SO2),
				Step.RAW, ReadingPeriod.SAMPLE);

		assertThat(InfluxQl.raw(query)).isEqualTo("SELECT \"pm25\",\"so2\",\"flags\" FROM "
				+ "\"reading\" WHERE \"site\"='BT-KDL-01' AND \"period\"='sample' AND time >= 1768406400000ms "
				+ "AND time < 1768579200000ms");
	}

	@Test
	void averagesOnlyNormalValuesPerBucket() {
		SeriesQuery query = new SeriesQuery(SiteId.of("BT-KDL-01"), FROM, TO, List.of(Measurand.PM25, Measurand.SO2),
				Step.DAY, ReadingPeriod.HOUR);

		assertThat(InfluxQl.meanAndCount(query, SHANGHAI)).isEqualTo("SELECT mean(\"pm25\"),count(\"pm25\") FROM "
				+ "\"reading\" WHERE \"site\"='BT-KDL-01' AND \"period\"='hour' AND time >= 1768406400000ms "
				+ "AND time < 1768579200000ms AND \"flags\" !~ /(^|,)pm25:/ GROUP BY time(1d,16h) fill(none); "
				+ "SELECT mean(\"so2\"),count(\"so2\") FROM \"reading\" WHERE \"site\"='BT-KDL-01' AND "
				+ "\"period\"='hour' AND time >= 1768406400000ms AND time < 1768579200000ms AND \"flags\" !~ /(^|,)so2:/ "
				+ "GROUP BY time(1d,16h) fill(none)");
	}

	@Test
	void leavesDaylightSavingZonesToTheTzClause() {
		SeriesQuery query = new SeriesQuery(SiteId.of("X"), FROM, TO, List.of(Measurand.PM25), Step.DAY,
				ReadingPeriod.SAMPLE);

		assertThat(InfluxQl.meanAndCount(query, ZoneId.of("Europe/Berlin")))
			.endsWith("GROUP BY time(1d) fill(none) tz('Europe/Berlin')");
	}

	@Test
	void refusesToGroupRawSeries() {
		assertThatIllegalArgumentException().isThrownBy(() -> InfluxQl.groupByTime(Step.RAW, SHANGHAI));
	}

}
