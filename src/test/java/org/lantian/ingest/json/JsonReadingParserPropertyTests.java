package org.lantian.ingest.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.lantian.domain.Measurand;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.TestSites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, the parser answers with readings or rejections, and accounts for
 * every item.
 */
class JsonReadingParserPropertyTests {

	private final JsonReadingParser parser = new JsonReadingParser(TestSites.catalogue(),
			Clock.fixed(JsonReadingParserTests.NOW, ZoneOffset.UTC));

	@Property(tries = 2000)
	void arbitraryBytesAreReadingsOrRejections(@ForAll @Size(max = 300) byte[] payload) {
		assertAccountedFor(this.parser.parse(payload, TestSites.KUNDULUN));
	}

	@Property(tries = 2000)
	void arbitraryStringsAreReadingsOrRejections(@ForAll String text) {
		assertAccountedFor(this.parser.parse(text.getBytes(StandardCharsets.UTF_8), null));
	}

	@Property(tries = 2000)
	void jsonLikeTextIsReadingsOrRejections(@ForAll("jsonLike") String text) {
		assertAccountedFor(this.parser.parse(text.getBytes(StandardCharsets.UTF_8), TestSites.KUNDULUN));
	}

	@Property(tries = 1000)
	void readingsWithArbitraryFieldValuesAreReadingsOrRejections(@ForAll("site") String site,
			@ForAll("time") String time, @ForAll("key") String key, @ForAll("value") String value,
			@ForAll("flag") String flag, @ForAll("value") String period) {
		String json = "{\"site\": " + site + ", \"time\": " + time + ", \"period\": " + period + ", \"values\": {" + key
				+ ": " + value + "}, \"flags\": {" + key + ": " + flag + "}}";

		assertAccountedFor(this.parser.parse(json.getBytes(StandardCharsets.UTF_8), TestSites.KUNDULUN));
	}

	@Property(tries = 2000)
	void theFastPathAgreesWithTheTreeOnArbitraryFieldValues(@ForAll("site") String site, @ForAll("time") String time,
			@ForAll("key") String key, @ForAll("value") String value, @ForAll("flag") String flag,
			@ForAll("value") String period) {
		assertSameAsTree("{\"site\": " + site + ", \"time\": " + time + ", \"period\": " + period + ", \"values\": {"
				+ key + ": " + value + "}, \"flags\": {" + key + ": " + flag + "}}");
	}

	@Property(tries = 2000)
	void theFastPathAgreesWithTheTreeOnNearlyValidBatches(@ForAll("nearlyValidBatch") String json) {
		assertSameAsTree(json);
	}

	@Property(tries = 1000)
	void theFastPathAgreesWithTheTreeOnJsonLikeText(@ForAll("jsonLike") String text) {
		assertSameAsTree(text);
	}

	private void assertSameAsTree(String json) {
		byte[] payload = json.getBytes(StandardCharsets.UTF_8);
		ParsedPayload tree = this.parser.parseWithTree(payload, TestSites.KUNDULUN);
		ParsedPayload parsed = this.parser.parse(payload, TestSites.KUNDULUN);
		assertThat(parsed.items()).as(json).isEqualTo(tree.items());
		assertThat(parsed.readings()).as(json).isEqualTo(tree.readings());
		assertThat(parsed.accepted()).as(json).isEqualTo(tree.accepted());
		assertThat(parsed.rejections()).as(json).isEqualTo(tree.rejections());
	}

	@Provide
	Arbitrary<String> nearlyValidBatch() {
		Arbitrary<String> entry = Combinators
			.combine(Arbitraries.of("pm25", "pm10", "so2", "no2", "co", "o3", "o2", "temp", "PM25", "pm25 "),
					Arbitraries.oneOf(
							Arbitraries.bigDecimals()
								.between(new BigDecimal("-1"), new BigDecimal("6000"))
								.ofScale(3)
								.map(BigDecimal::toString),
							Arbitraries.of("12", "-0", "1e2", "1E-3", "0.10", "35.20", "7")))
			.as((key, number) -> "\"" + key + "\": " + number);
		Arbitrary<String> values = entry.list()
			.ofMinSize(0)
			.ofMaxSize(4)
			.map((list) -> "{" + String.join(", ", list) + "}");
		Arbitrary<String> flags = Combinators
			.combine(Arbitraries.of("pm25", "so2", "co", "o3"), Arbitraries.of("N", "M", "D", "X", "n", ""))
			.as((key, flag) -> "\"" + key + "\": \"" + flag + "\"")
			.list()
			.ofMaxSize(2)
			.map((list) -> ", \"flags\": {" + String.join(", ", list) + "}");
		Arbitrary<String> item = Combinators
			.combine(Arbitraries.of("BT-KDL-01", "BT-DH-01", "NOT-A-SITE"),
					Arbitraries.of("2026-01-15T08:00:00+08:00", "2026-01-15T08:00:00.250Z", "2026-01-15T08:00:00",
							"2026-01-15t08:00:00z", "1999-12-31T23:59:59Z", "2099-01-01T00:00:00Z",
							"2026-01-15T08:00+08:00"),
					Arbitraries.of("", ", \"period\": \"hour\"", ", \"period\": null", ", \"period\": \"week\"",
							", \"extra\": [1, {\"a\": 2}]", ", \"flags\": null", ", \"site\": \"BT-KDL-01\"",
							", \"period\": null, \"period\": null", ", \"time\": \"2026-01-15T08:00:00+08:00\"",
							", \"flags\": {}, \"flags\": {}"),
					values, Arbitraries.oneOf(Arbitraries.just(""), flags))
			.as((site, time, extra, vals, flagPart) -> "{\"site\": \"" + site + "\", \"time\": \"" + time + "\"" + extra
					+ ", \"values\": " + vals + flagPart + "}");
		return Arbitraries.oneOf(item,
				item.list().ofMinSize(1).ofMaxSize(3).map((list) -> "[" + String.join(", ", list) + "]"));
	}

	@Property(tries = 500)
	void everyPlausibleNumberIsKeptExactly(@ForAll("plausiblePm25") BigDecimal value) {
		String json = "{\"site\": \"BT-KDL-01\", \"time\": \"2026-01-15T08:00:00+08:00\", \"values\": {\"pm25\": "
				+ value.toString() + "}}";

		ParsedPayload parsed = this.parser.parse(json.getBytes(StandardCharsets.UTF_8), TestSites.KUNDULUN);

		assertThat(parsed.rejections()).isEmpty();
		assertThat(parsed.readings().get(0).values().get(Measurand.PM25).value()).isEqualTo(value);
	}

	private static void assertAccountedFor(ParsedPayload parsed) {
		assertThat(parsed.accepted().size() + parsed.refused().size())
			.isEqualTo(Math.max(parsed.items(), parsed.refused().isEmpty() ? 0 : 1));
		for (ItemRejection rejection : parsed.rejections()) {
			assertThat(rejection.reason()).isNotNull();
			assertThat(rejection.detail()).isNotBlank();
		}
	}

	@Provide
	Arbitrary<String> jsonLike() {
		Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"site\"", "\"BT-KDL-01\"", "\"time\"",
				"\"2026-01-15T08:00:00+08:00\"", "\"values\"", "\"flags\"", "\"pm25\"", "\"N\"", "35.2", "-1", "1e999",
				"NaN", "Infinity", "null", "true", "\"period\"", "\"hour\"", " ", "\"", "\\", "0x1F", "1e-999999999");
		return tokens.list().ofMaxSize(40).map((list) -> String.join("", list));
	}

	@Provide
	Arbitrary<String> site() {
		return Arbitraries.oneOf(
				Arbitraries.of("\"BT-KDL-01\"", "\"BT-DH-01\"", "\"BT-XX-01\"", "\"\"", "null", "42", "[]", "{}"),
				quoted(Arbitraries.strings().ofMaxLength(80)));
	}

	@Provide
	Arbitrary<String> time() {
		return Arbitraries.oneOf(
				Arbitraries.of("\"2026-01-15T08:00:00+08:00\"", "\"2026-01-15T08:00:00\"",
						"\"+999999999-12-31T23:59:59.999999999-18:00\"", "\"-999999999-01-01T00:00:00+18:00\"", "null",
						"0", "\"2026-02-30T08:00:00+08:00\"", "\"2026-01-15T24:00:00+08:00\""),
				quoted(Arbitraries.strings().ofMaxLength(40)));
	}

	@Provide
	Arbitrary<String> key() {
		List<String> keys = Arrays.stream(Measurand.values()).map((m) -> "\"" + m.key() + "\"").toList();
		return Arbitraries.oneOf(Arbitraries.of(keys), quoted(Arbitraries.strings().ofMaxLength(20)));
	}

	@Provide
	Arbitrary<String> value() {
		return Arbitraries.oneOf(
				Arbitraries.of("NaN", "-Infinity", "\"NaN\"", "1e999999999", "-1e-999999999", "null", "true", "[]",
						"{}", "\"35\"", "0", "-0", "5000.000000000000000001", "\"hour\"", "\"sample\""),
				Arbitraries.bigDecimals().map(BigDecimal::toString),
				Arbitraries.doubles().map((d) -> Double.toString(d)), quoted(Arbitraries.strings().ofMaxLength(10)));
	}

	@Provide
	Arbitrary<String> flag() {
		return Arbitraries.oneOf(Arbitraries.of("\"N\"", "\"F\"", "\"X\"", "\"\"", "null", "1", "[]"),
				quoted(Arbitraries.strings().ofMaxLength(3)));
	}

	@Provide
	Arbitrary<BigDecimal> plausiblePm25() {
		return Combinators
			.combine(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(5000)),
					Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 999_999_999))
			.as((integer, scale, fraction) -> new BigDecimal(integer)
				.add(new BigDecimal(BigInteger.valueOf(fraction), 9 + scale))
				.min(new BigDecimal("5000")));
	}

	private static Arbitrary<String> quoted(Arbitrary<String> text) {
		return text.map(JsonReadingParserPropertyTests::quote);
	}

	private static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		text.codePoints().forEach((c) -> {
			if (c == '"' || c == '\\' || c < 0x20) {
				json.append(String.format("\\u%04x", c));
			}
			else {
				json.appendCodePoint(c);
			}
		});
		return json.append('"').toString();
	}

}
