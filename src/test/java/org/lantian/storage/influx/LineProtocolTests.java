package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Statistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lantian.storage.influx.StorageTestData.AWKWARD;
import static org.lantian.storage.influx.StorageTestData.BAOGANG_STACK;
import static org.lantian.storage.influx.StorageTestData.KUNDULUN;
import static org.lantian.storage.influx.StorageTestData.at;
import static org.lantian.storage.influx.StorageTestData.site;

class LineProtocolTests {

	private static final Instant EIGHT_AM = at("2026-01-15T08:00:00+08:00");

	@Test
	void encodesATypicalAmbientSampleWithSortedTagsValuesAndFlags() {
		Reading reading = StorageTestData.typical(KUNDULUN, EIGHT_AM);

		assertThat(LineProtocol.encode(reading, site(KUNDULUN)))
			.isEqualTo("reading,city=包头市,kind=ambient,period=sample,site=BT-KDL-01 pm25=35.2,pm10=80,so2=12,"
					+ "no2=45.5,co=1.2,o3=60,flags=\"\" 1768435200000");
	}

	@Test
	void writesEveryFlagAndThePeriodAndKindOfAStack() {
		Reading reading = new Reading(BAOGANG_STACK, EIGHT_AM, ReadingPeriod.HOUR,
				Map.of(Measurand.SO2, Measurement.of("180", DataFlag.C), Measurand.O2,
						Measurement.of("12.0", DataFlag.N), Measurand.WIND_SPEED, Measurement.of("3", DataFlag.T)));

		assertThat(LineProtocol.encode(reading, site(BAOGANG_STACK)))
			.isEqualTo("reading,city=包头市,kind=stack,period=hour,site=BT-BG-S01 so2=180,o2=12.0,windSpeed=3,"
					+ "flags=\"so2:C,windSpeed:T\" 1768435200000");
	}

	@Test
	void writesStatisticsAsFieldsBesideTheirValueCoveredByItsFlag() {
		// HJ 212-2017 表4: -ZsAvg, -Min, -Max, -Cou, -ZsMin, -ZsMax of a 2061 hourly value
		Reading reading = new Reading(BAOGANG_STACK, EIGHT_AM, ReadingPeriod.HOUR, Map
			.of(Measurand.SO2, new Measurement(new BigDecimal("20.5"), DataFlag.M,
					Map.of(Statistic.CORRECTED_MAX, new BigDecimal("40"), Statistic.TOTAL, new BigDecimal("1.25"),
							Statistic.MIN, new BigDecimal("18"), Statistic.CORRECTED, new BigDecimal("35.10"),
							Statistic.MAX, new BigDecimal("24.2"), Statistic.CORRECTED_MIN, new BigDecimal("1E+1"))),
					Measurand.FLOW,
					new Measurement(new BigDecimal("541800.0"), DataFlag.N,
							Map.of(Statistic.TOTAL, new BigDecimal("541800"))),
					Measurand.O2, Measurement.of("16.3", DataFlag.N)));

		assertThat(LineProtocol.encode(reading, site(BAOGANG_STACK)))
			.isEqualTo("reading,city=包头市,kind=stack,period=hour,site=BT-BG-S01 so2=20.5,so2_zs=35.10,so2_min=18,"
					+ "so2_max=24.2,so2_cou=1.25,so2_zsmin=10,so2_zsmax=40,o2=16.3,flow=541800.0,flow_cou=541800,"
					+ "flags=\"so2:M\" 1768435200000");
	}

	@Test
	void writesStatisticsOfASiteWhoseTagsNeedEscaping() {
		Reading reading = new Reading(AWKWARD, EIGHT_AM, ReadingPeriod.MINUTE, Map.of(Measurand.PM25,
				new Measurement(new BigDecimal("35.2"), DataFlag.N, Map.of(Statistic.MAX, new BigDecimal("41")))));

		String line = LineProtocol.encode(reading, site(AWKWARD));

		assertThat(line).endsWith(",period=minute,site=HH-X.1_a pm25=35.2,pm25_max=41,flags=\"\" 1768435200000");
		assertThat(LineProtocol.tags(line)).containsEntry("city", StorageTestData.AWKWARD_CITY);
	}

	@Test
	void namesStatisticFieldsApartFromEveryMeasurandAndWithoutEscaping() {
		Set<String> names = new HashSet<>();
		for (Measurand measurand : Measurand.values()) {
			names.add(measurand.key());
		}
		for (Measurand measurand : Measurand.values()) {
			for (Statistic statistic : Statistic.values()) {
				String field = LineProtocol.statisticField(measurand, statistic);
				assertThat(field).startsWith(measurand.key() + "_").matches("[A-Za-z0-9_]+");
				assertThat(LineProtocol.key(field)).isEqualTo(field);
				assertThat(names.add(field)).as("%s is unique", field).isTrue();
			}
		}
		assertThat(names).hasSize(Measurand.values().length * (1 + Statistic.values().length));
	}

	@ParameterizedTest(name = "{0} is written as {1}")
	@CsvSource(textBlock = """
			35.2,      35.2
			35.20,     35.20
			1E+3,      1000
			1.5E-7,    0.00000015
			-0.5,      -0.5
			0,         0
			123456789012345678.25, 123456789012345678.25
			""")
	void writesValuesExactlyAsTheirPlainDecimal(String value, String written) {
		Reading reading = new Reading(KUNDULUN, EIGHT_AM, ReadingPeriod.SAMPLE,
				Map.of(Measurand.TEMP, new Measurement(new BigDecimal(value), DataFlag.N)));

		assertThat(LineProtocol.encode(reading, site(KUNDULUN))).contains(" temp=" + written + ",flags=\"\" ");
	}

	@ParameterizedTest(name = "{1} in flags \"{0}\" is {2}")
	@CsvSource(textBlock = """
			'',                   pm25,      N
			co:M,                 co,        M
			co:M,                 o3,        N
			'co:M,pm25:C',        pm25,      C
			'windSpeed:T',        windSpeed, T
			'pm10:D',             pm10,      D
			'pm10:D',             pm25,      N
			""")
	void readsTheFlagOfAValueFromTheFlagsField(String flags, String key, DataFlag flag) {
		assertThat(LineProtocol.flagOf(Measurand.fromKey(key).orElseThrow(), flags)).isEqualTo(flag);
	}

	@Test
	void escapesCommasSpacesAndEqualsSignsInTagValues() {
		Reading reading = StorageTestData.sample(AWKWARD, EIGHT_AM, "pm25", "1");

		String line = LineProtocol.encode(reading, site(AWKWARD));

		assertThat(line).startsWith(
				"reading,city=Hohhot\\,\\ \"呼和浩特\"\\ \\=\\ city\\capital\\ 'x',kind=ambient,period=sample,site=HH-X.1_a ");
		assertThat(LineProtocol.tags(line)).containsEntry("city", StorageTestData.AWKWARD_CITY)
			.containsEntry("site", "HH-X.1_a");
	}

	@ParameterizedTest(name = "[{0}] → [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			a,b      | a\\,b
			a b      | a\\ b
			a=b      | a\\=b
			a\\b     | a\\b
			a\\,b    | a\\\\,b
			"quoted" | "quoted"
			""")
	void escapesKeysAndTagValuesAsInfluxDbReadsThem(String raw, String escaped) {
		assertThat(LineProtocol.key(raw)).isEqualTo(escaped);
	}

	@Test
	void escapesMeasurementNames() {
		assertThat(LineProtocol.measurement("a b,c=d")).isEqualTo("a\\ b\\,c=d");
	}

	@Test
	void quotesStringFieldsEscapingQuotesAndBackslashes() {
		assertThat(LineProtocol.stringField("N")).isEqualTo("\"N\"");
		assertThat(LineProtocol.stringField("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
	}

	@Test
	void refusesWhatInfluxDb1CannotCarry() {
		assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.key("")).withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.key("two\nlines"))
			.withMessageContaining("line break");
		assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.key("carriage\rreturn"))
			.withMessageContaining("line break");
		assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.key("ends with \\"))
			.withMessageContaining("backslash");
	}

	@Test
	void refusesAReadingEncodedWithAnotherSite() {
		Reading reading = StorageTestData.sample(KUNDULUN, EIGHT_AM, "pm25", "1");

		assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.encode(reading, site(BAOGANG_STACK)));
	}

	@Test
	void readsTagsAndTimestampBackFromALine() {
		String line = LineProtocol.encode(StorageTestData.typical(KUNDULUN, EIGHT_AM), site(KUNDULUN));

		assertThat(LineProtocol.tags(line)).containsExactly(Map.entry("", "reading"), Map.entry("city", "包头市"),
				Map.entry("kind", "ambient"), Map.entry("period", "sample"), Map.entry("site", "BT-KDL-01"));
		assertThat(LineProtocol.timestamp(line)).isEqualTo(EIGHT_AM.toEpochMilli());
	}

	@Test
	void writesTimesBeforeTheEpochAsNegativeMilliseconds() {
		Reading reading = StorageTestData.sample(KUNDULUN, Instant.parse("1969-12-31T23:59:59.999Z"), "pm25", "1");

		assertThat(LineProtocol.encode(reading, site(KUNDULUN))).endsWith(" -1");
	}

}
