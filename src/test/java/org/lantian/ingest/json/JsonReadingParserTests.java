package org.lantian.ingest.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.TestSites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class JsonReadingParserTests {

	/** 2026-01-15 09:00 in Baotou. */
	static final Instant NOW = Instant.parse("2026-01-15T01:00:00Z");

	private final JsonReadingParser parser = new JsonReadingParser(TestSites.catalogue(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void parsesTheExampleOfTheInterfaceExactly() {
		ParsedPayload parsed = parse("""
				{
				  "site": "BT-KDL-01",
				  "time": "2026-01-15T08:00:00+08:00",
				  "values": { "pm25": 135.2, "pm10": 180.0, "so2": 20, "no2": 55, "co": 1.2, "o3": 12 },
				  "flags":  { "pm25": "N", "o3": "M" }
				}
				""", TestSites.KUNDULUN);

		assertThat(parsed.refused()).isEmpty();
		assertThat(parsed.items()).isEqualTo(1);
		assertThat(parsed.accepted()).singleElement().satisfies((accepted) -> {
			assertThat(accepted.index()).isZero();
			assertThat(accepted.site().id()).isEqualTo(TestSites.KUNDULUN);
		});
		Reading reading = parsed.readings().get(0);
		assertThat(reading.site()).isEqualTo(TestSites.KUNDULUN);
		assertThat(reading.time()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
		assertThat(reading.period()).isEqualTo(ReadingPeriod.SAMPLE);
		assertThat(reading.values()).containsOnlyKeys(Measurand.PM25, Measurand.PM10, Measurand.SO2, Measurand.NO2,
				Measurand.CO, Measurand.O3);
		// exact decimals, scale kept: 180.0 is not 180 or 1.8E+2
		assertThat(reading.values().get(Measurand.PM25)).isEqualTo(Measurement.of("135.2", DataFlag.N));
		assertThat(reading.values().get(Measurand.PM10)).isEqualTo(Measurement.of("180.0", DataFlag.N));
		assertThat(reading.values().get(Measurand.SO2)).isEqualTo(Measurement.of("20", DataFlag.N));
		assertThat(reading.values().get(Measurand.CO)).isEqualTo(Measurement.of("1.2", DataFlag.N));
		assertThat(reading.values().get(Measurand.O3)).isEqualTo(Measurement.of("12", DataFlag.M));
	}

	@Test
	void readsDecimalsWithoutBinaryRounding() {
		Reading reading = accept("""
				{"site": "BT-KDL-01", "time": "2026-01-15T08:00:00+08:00",
				 "values": {"pm25": 0.1, "co": 0.30000000000000004, "pm10": 1e2, "o3": 12345678901234567890.5e-17}}
				""");

		assertThat(reading.values().get(Measurand.PM25).value()).isEqualTo(new BigDecimal("0.1"));
		assertThat(reading.values().get(Measurand.CO).value()).isEqualTo(new BigDecimal("0.30000000000000004"));
		assertThat(reading.values().get(Measurand.PM10).value()).isEqualByComparingTo("100");
		assertThat(reading.values().get(Measurand.O3).value()).isEqualTo(new BigDecimal("123.456789012345678905"));
	}

	@Test
	void parsesAveragedPeriodsAndAcceptsAClockSlightlyAhead() {
		Reading reading = accept("""
				{"site": "BT-KDL-01", "time": "2026-01-15T01:09:00Z", "period": "hour", "values": {"pm25": 35}}
				""");

		assertThat(reading.period()).isEqualTo(ReadingPeriod.HOUR);
		assertThat(reading.time()).isEqualTo(Instant.parse("2026-01-15T01:09:00Z"));
	}

	@Test
	void ignoresUnknownTopLevelFieldsAndAcceptsAnySiteOverHttp() {
		Reading reading = accept("""
				{"site": "BT-DH-01", "device": "sensor-7", "time": "2026-01-15T08:00+08:00", "values": {"pm25": 35}}
				""");

		assertThat(reading.site()).isEqualTo(TestSites.DONGHE);
	}

	@Test
	void parsesABatchInOrder() {
		String batch = IntStream.range(0, 5).mapToObj((minute) -> """
				{"site": "BT-KDL-01", "time": "2026-01-15T08:0%d:00+08:00", "values": {"pm25": %d}}
				""".formatted(minute, 30 + minute)).collect(Collectors.joining(",", "[", "]"));

		ParsedPayload parsed = parse(batch, TestSites.KUNDULUN);

		assertThat(parsed.refused()).isEmpty();
		assertThat(parsed.items()).isEqualTo(5);
		assertThat(parsed.accepted()).extracting(ParsedPayload.Accepted::index).containsExactly(0, 1, 2, 3, 4);
		assertThat(parsed.readings()).extracting((reading) -> reading.values().get(Measurand.PM25).value().intValue())
			.containsExactly(30, 31, 32, 33, 34);
	}

	@Test
	void rejectsOnlyTheInvalidItemsOfABatch() {
		ParsedPayload parsed = parse("""
				[
				  {"site": "BT-KDL-01", "time": "2026-01-15T08:00:00+08:00", "values": {"pm25": 35}},
				  {"site": "BT-KDL-01", "time": "2026-01-15T08:01:00+08:00", "values": {"pm25": 99999}},
				  "not an object",
				  {"site": "BT-KDL-01", "time": "2026-01-15T08:03:00+08:00", "values": {"pm2.5": 35}},
				  {"site": "BT-KDL-01", "time": "2026-01-15T08:04:00+08:00", "values": {"pm25": 36}}
				]
				""", TestSites.KUNDULUN);

		assertThat(parsed.items()).isEqualTo(5);
		assertThat(parsed.accepted()).extracting(ParsedPayload.Accepted::index).containsExactly(0, 4);
		assertThat(parsed.rejections()).extracting(ItemRejection::index, ItemRejection::reason)
			.containsExactly(tuple(1, RejectionReason.OUT_OF_RANGE), tuple(2, RejectionReason.MALFORMED_JSON),
					tuple(3, RejectionReason.UNKNOWN_KEY));
		assertThat(parsed.rejections()).extracting(ItemRejection::site).containsExactly("BT-KDL-01", null, "BT-KDL-01");
		assertThat(parsed.refused().get(0).excerpt()).contains("99999").doesNotContain("\"pm25\":35");
	}

	@Test
	void rejectsAnItemWithItsFirstReasonOnly() {
		// an unknown key comes before an implausible value in the document
		assertThat(reject("""
				{"site": "BT-KDL-01", "time": "yesterday", "values": {"pm2.5": 1, "pm25": -1}}
				""").reason()).isEqualTo(RejectionReason.BAD_TIME);
		assertThat(reject("""
				{"site": "BT-KDL-01", "time": "2026-01-15T08:00:00+08:00", "values": {"pm2.5": 1, "pm25": -1}}
				""").reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
	}

	@Test
	void namesTheValueTheUnitAndTheRangeOfAnImplausibleValue() {
		assertThat(reject("""
				{"site": "BT-KDL-01", "time": "2026-01-15T08:00:00+08:00", "values": {"pm25": 99999}}
				""").detail()).isEqualTo("pm25: 99999 µg/m³ is outside the plausible range 0–5000");
		assertThat(reject("""
				{"site": "BT-BG-S01", "time": "2026-01-15T08:00:00+08:00", "values": {"so2": 50000.5}}
				""").detail()).isEqualTo("so2: 50000.5 mg/m³ is outside the plausible range 0–50000");
		assertThat(reject("""
				{"site": "BT-KDL-01", "time": "2026-01-15T08:00:00+08:00", "values": {"temp": -61}}
				""").detail()).isEqualTo("temp: -61 °C is outside the plausible range -60–1500");
	}

	@Test
	void acceptsTheBoundsOfThePlausibleRange() {
		Reading reading = accept("""
				{"site": "BT-KDL-01", "time": "2026-01-15T08:00:00+08:00",
				 "values": {"pm25": 5000, "pm10": 0, "humidity": 100.0, "windDir": 360}}
				""");

		assertThat(reading.values()).hasSize(4);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidPayloads")
	void rejectsWithAReasonAndAClearDetail(RejectionReason reason, String json, String detail) {
		ParsedPayload parsed = parse(json, TestSites.KUNDULUN);

		assertThat(parsed.accepted()).isEmpty();
		assertThat(parsed.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(reason);
			assertThat(rejection.detail()).contains(detail);
		});
	}

	static Stream<Arguments> invalidPayloads() {
		String ok = "\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:00:00+08:00\"";
		return Stream.of(
				// the payload as a whole
				arguments(RejectionReason.MALFORMED_JSON, "", "empty payload"),
				arguments(RejectionReason.MALFORMED_JSON, "   ", "empty payload"),
				arguments(RejectionReason.MALFORMED_JSON, "site=BT-KDL-01 pm25=35", "not valid JSON"),
				arguments(RejectionReason.MALFORMED_JSON, "{\"site\": \"BT-KDL-01\"", "not valid JSON"),
				arguments(RejectionReason.MALFORMED_JSON, "{" + ok + ", \"values\": {\"pm25\": 1}} {}",
						"not valid JSON"),
				arguments(RejectionReason.MALFORMED_JSON, "{" + ok + ", \"values\": {\"pm25\": 1, \"pm25\": 2}}",
						"Duplicate field 'pm25'"),
				arguments(RejectionReason.MALFORMED_JSON, "42", "payload is a number, not a JSON object"),
				arguments(RejectionReason.MALFORMED_JSON, "\"BT-KDL-01\"", "payload is a string"),
				arguments(RejectionReason.MALFORMED_JSON, "null", "payload is null"),
				arguments(RejectionReason.MALFORMED_JSON, "[]", "empty array"),
				// an item
				arguments(RejectionReason.MALFORMED_JSON, "[[1, 2]]", "item 0 is an array, not an object"),
				arguments(RejectionReason.MISSING_FIELD, "{\"time\": \"2026-01-15T08:00:00+08:00\", \"values\": {}}",
						"site is missing"),
				arguments(RejectionReason.MISSING_FIELD, "{\"site\": null, \"values\": {\"pm25\": 1}}",
						"site is missing"),
				arguments(RejectionReason.MISSING_FIELD, "{\"site\": 42, \"values\": {\"pm25\": 1}}",
						"site must be a non-empty string, not 42"),
				arguments(RejectionReason.MISSING_FIELD, "{\"site\": \" \", \"values\": {\"pm25\": 1}}",
						"site must be a non-empty string"),
				arguments(RejectionReason.MISSING_FIELD, "{" + ok + "}", "values is missing"),
				arguments(RejectionReason.MISSING_FIELD, "{" + ok + ", \"values\": {}}", "values is empty"),
				arguments(RejectionReason.MISSING_FIELD, "{" + ok + ", \"values\": [35]}",
						"values is an array, not an object"),
				arguments(RejectionReason.SITE_MISMATCH, "{\"site\": \"BT-DH-01\", \"values\": {\"pm25\": 1}}",
						"site 'BT-DH-01' differs from the topic's site 'BT-KDL-01'"),
				arguments(RejectionReason.MISSING_TIME, "{\"site\": \"BT-KDL-01\", \"values\": {\"pm25\": 1}}",
						"time is missing"),
				arguments(RejectionReason.MISSING_TIME,
						"{\"site\": \"BT-KDL-01\", \"time\": null, \"values\": {\"pm25\": 1}}", "time is missing"),
				arguments(RejectionReason.BAD_TIME,
						"{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:00:00\", \"values\": {\"pm25\": 1}}",
						"time '2026-01-15T08:00:00' is not ISO-8601 with an offset"),
				arguments(RejectionReason.BAD_TIME,
						"{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15 08:00:00+08:00\", \"values\": {\"pm25\": 1}}",
						"is not ISO-8601 with an offset"),
				arguments(RejectionReason.BAD_TIME,
						"{\"site\": \"BT-KDL-01\", \"time\": 1768435200000, \"values\": {\"pm25\": 1}}",
						"time must be an ISO-8601 string with an offset"),
				arguments(RejectionReason.BAD_TIME,
						"{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T09:11:00+08:00\", \"values\": {\"pm25\": 1}}",
						"lies more than 10 min in the future"),
				arguments(RejectionReason.BAD_TIME,
						"{\"site\": \"BT-KDL-01\", \"time\": \"1999-12-31T23:59:59Z\", \"values\": {\"pm25\": 1}}",
						"is before 2000-01-01T00:00:00Z"),
				arguments(RejectionReason.BAD_PERIOD, "{" + ok + ", \"period\": \"week\", \"values\": {\"pm25\": 1}}",
						"period 'week' is not one of sample, minute, hour, day"),
				arguments(RejectionReason.BAD_PERIOD, "{" + ok + ", \"period\": \"HOUR\", \"values\": {\"pm25\": 1}}",
						"period 'HOUR'"),
				arguments(RejectionReason.BAD_PERIOD, "{" + ok + ", \"period\": 60, \"values\": {\"pm25\": 1}}",
						"period 60"),
				arguments(RejectionReason.UNKNOWN_KEY, "{" + ok + ", \"values\": {\"pm2.5\": 35}}",
						"values: unknown key 'pm2.5' (known: pm25, pm10"),
				arguments(RejectionReason.UNKNOWN_KEY, "{" + ok + ", \"values\": {\"PM25\": 35}}",
						"unknown key 'PM25'"),
				arguments(RejectionReason.UNKNOWN_KEY,
						"{" + ok + ", \"values\": {\"pm25\": 35}, \"flags\": {\"pm2.5\": \"N\"}}",
						"flags: unknown key 'pm2.5'"),
				arguments(RejectionReason.UNKNOWN_KEY,
						"{" + ok + ", \"values\": {\"pm25\": 35}, \"flags\": {\"so2\": \"N\"}}",
						"flags: so2 has no value in values"),
				arguments(RejectionReason.NON_NUMERIC, "{" + ok + ", \"values\": {\"pm25\": \"35.2\"}}",
						"pm25: '35.2' is not a number (send numbers without quotes)"),
				arguments(RejectionReason.NON_NUMERIC, "{" + ok + ", \"values\": {\"pm25\": true}}",
						"pm25: true is not a number"),
				arguments(RejectionReason.NON_NUMERIC, "{" + ok + ", \"values\": {\"pm25\": null}}",
						"pm25: null is not a number"),
				arguments(RejectionReason.NON_NUMERIC, "{" + ok + ", \"values\": {\"pm25\": {\"value\": 35}}}",
						"pm25: an object is not a number"),
				arguments(RejectionReason.NON_FINITE, "{" + ok + ", \"values\": {\"pm25\": NaN}}",
						"pm25: NaN is not a finite number"),
				arguments(RejectionReason.NON_FINITE, "{" + ok + ", \"values\": {\"pm25\": Infinity}}",
						"pm25: Infinity is not a finite number"),
				arguments(RejectionReason.NON_FINITE, "{" + ok + ", \"values\": {\"pm25\": -Infinity}}",
						"pm25: -Infinity is not a finite number"),
				arguments(RejectionReason.NON_FINITE, "{" + ok + ", \"values\": {\"pm25\": \"NaN\"}}",
						"pm25: 'NaN' is not a finite number"),
				arguments(RejectionReason.NON_FINITE, "{" + ok + ", \"values\": {\"pm25\": \"-Infinity\"}}",
						"pm25: '-Infinity' is not a finite number"),
				arguments(RejectionReason.OUT_OF_RANGE, "{" + ok + ", \"values\": {\"pm25\": -0.1}}",
						"pm25: -0.1 µg/m³ is outside the plausible range 0–5000"),
				arguments(RejectionReason.OUT_OF_RANGE, "{" + ok + ", \"values\": {\"co\": 1e999999}}",
						"co: 1E+999999 mg/m³ is outside the plausible range 0–20000"),
				// plausible in size, but a gigabyte of digits when written out
				arguments(RejectionReason.OUT_OF_RANGE, "{" + ok + ", \"values\": {\"pm25\": 1E-999999999}}",
						"pm25: 1E-999999999 has more digits than any instrument reports"),
				arguments(RejectionReason.OUT_OF_RANGE, "{" + ok + ", \"values\": {\"pm25\": 1E-41}}",
						"at most 40 decimal places"),
				arguments(RejectionReason.OUT_OF_RANGE, "{" + ok + ", \"values\": {\"humidity\": 100.01}}",
						"humidity: 100.01 % is outside the plausible range 0–100"),
				arguments(RejectionReason.BAD_FLAG,
						"{" + ok + ", \"values\": {\"pm25\": 35}, \"flags\": {\"pm25\": \"X\"}}",
						"flags: pm25: 'X' is not an HJ 212 data flag (one of N, F, M, S, D, C, T, B)"),
				arguments(RejectionReason.BAD_FLAG,
						"{" + ok + ", \"values\": {\"pm25\": 35}, \"flags\": {\"pm25\": \"NN\"}}", "'NN' is not"),
				arguments(RejectionReason.BAD_FLAG,
						"{" + ok + ", \"values\": {\"pm25\": 35}, \"flags\": {\"pm25\": 1}}", "1 is not"),
				arguments(RejectionReason.BAD_FLAG, "{" + ok + ", \"values\": {\"pm25\": 35}, \"flags\": \"N\"}",
						"flags is a string, not an object"));
	}

	@Test
	void rejectsASiteThatIsNotInTheCatalogue() {
		ItemRejection unknown = reject("""
				{"site": "BT-XX-99", "time": "2026-01-15T08:00:00+08:00", "values": {"pm25": 35}}
				""");
		ItemRejection malformed = reject("""
				{"site": "Baotou station 1", "time": "2026-01-15T08:00:00+08:00", "values": {"pm25": 35}}
				""");

		assertThat(unknown.reason()).isEqualTo(RejectionReason.UNKNOWN_SITE);
		assertThat(unknown.detail()).isEqualTo("site 'BT-XX-99' is not in the site catalogue");
		assertThat(unknown.site()).isEqualTo("BT-XX-99");
		assertThat(malformed.reason()).isEqualTo(RejectionReason.UNKNOWN_SITE);
		assertThat(malformed.detail()).contains("is not a valid site id");
	}

	@Test
	void rejectsAnOversizedPayloadUnread() {
		JsonReadingParser small = new JsonReadingParser(TestSites.catalogue(), Clock.fixed(NOW, ZoneOffset.UTC),
				new JsonReadingParser.Limits(100, 10_000, Duration.ofMinutes(10)));
		byte[] payload = ("{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:00:00+08:00\", "
				+ "\"values\": {\"pm25\": 35, \"pm10\": 70}} garbage that is never read")
			.getBytes(StandardCharsets.UTF_8);

		ParsedPayload parsed = small.parse(payload, null);

		assertThat(parsed.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.index()).isEqualTo(-1);
			assertThat(rejection.reason()).isEqualTo(RejectionReason.OVERSIZED);
			assertThat(rejection.detail())
				.isEqualTo("payload of " + payload.length + " bytes exceeds the maximum of 100 bytes");
		});
	}

	@Test
	void rejectsABatchWithTooManyItemsAsAWhole() {
		JsonReadingParser small = new JsonReadingParser(TestSites.catalogue(), Clock.fixed(NOW, ZoneOffset.UTC),
				new JsonReadingParser.Limits(1024 * 1024, 2, Duration.ofMinutes(10)));
		String item = "{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:00:00+08:00\", \"values\": {\"pm25\": 35}}";

		ParsedPayload two = small.parse(("[" + item + "," + item + "]").getBytes(StandardCharsets.UTF_8), null);
		ParsedPayload three = small.parse(("[" + item + "," + item + "," + item + "]").getBytes(StandardCharsets.UTF_8),
				null);

		assertThat(two.accepted()).hasSize(2);
		assertThat(three.accepted()).isEmpty();
		assertThat(three.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.detail())
				.isEqualTo("batch of 3 readings exceeds the maximum of 2"));
	}

	@Test
	void keepsTheRawPayloadAsTheExcerptOfAWholePayloadRejection() {
		ParsedPayload parsed = parse("PW=123456;not json", null);

		assertThat(parsed.refused()).singleElement()
			.satisfies((refused) -> assertThat(refused.excerpt()).isEqualTo("PW=123456;not json"));
	}

	@Test
	void shortensAndEscapesUserTextInDetails() {
		String longKey = "k".repeat(500) + "\n";

		ItemRejection rejection = reject("{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:00:00+08:00\", "
				+ "\"values\": {\"" + longKey.replace("\n", "\\n") + "\": 1}}");

		assertThat(rejection.detail()).contains("'" + "k".repeat(64) + "…'").doesNotContain("\n");
	}

	private ParsedPayload parse(String json, SiteId topicSite) {
		return this.parser.parse(json.getBytes(StandardCharsets.UTF_8), topicSite);
	}

	private Reading accept(String json) {
		ParsedPayload parsed = parse(json, null);
		assertThat(parsed.rejections()).isEmpty();
		return parsed.readings().get(0);
	}

	private ItemRejection reject(String json) {
		ParsedPayload parsed = parse(json, null);
		assertThat(parsed.accepted()).isEmpty();
		assertThat(parsed.rejections()).hasSize(1);
		return parsed.rejections().get(0);
	}

}
