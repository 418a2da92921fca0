package org.lantian.ingest.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link IsoInstants} must agree with the JDK's {@code ISO_OFFSET_DATE_TIME} on every
 * text: the same instant, or a refusal.
 */
class IsoInstantsTests {

	@Test
	void theExampleOfInterfaces31() {
		// INTERFACES §3.1: "time": "2026-01-15T08:00:00+08:00"
		assertThat(IsoInstants.fastParse("2026-01-15T08:00:00+08:00")).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
	}

	@Test
	void fractionsAndNegativeOffsets() {
		assertThat(IsoInstants.fastParse("2026-01-15T08:00:00.5-03:30"))
			.isEqualTo(Instant.parse("2026-01-15T11:30:00.500Z"));
		assertThat(IsoInstants.fastParse("2024-02-29T23:59:59.123456789Z"))
			.isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-15T24:00:00Z",
			"2026-01-15T08:00:00+19:00", "2026-01-15T08:00:00+0800", "2026-01-15 08:00:00Z", "2026-01-15T08:00:00",
			"2026-01-15T08:00:00.1234567890Z" })
	void refusedTextIsRefusedByTheJdkToo(String text) {
		assertThat(IsoInstants.fastParse(text)).isNull();
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> IsoInstants.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-15t08:00:00z", "2026-01-15T08:00+08:00", "2026-01-15T08:00:00+08:00:30",
			"2026-01-15T08:00:00.Z", "+12026-01-15T08:00:00Z" })
	void otherValidShapesAreLeftToTheJdk(String text) {
		assertThat(IsoInstants.fastParse(text)).isNull();
		assertThat(IsoInstants.parse(text)).isEqualTo(jdk(text));
	}

	@Property(tries = 5000)
	void agreesWithTheJdkOnDeviceShapedText(@ForAll("deviceTimes") String text) {
		assertSameAsJdk(text);
	}

	@Property(tries = 5000)
	void agreesWithTheJdkOnMutatedText(@ForAll("deviceTimes") String text, @ForAll("positions") int position,
			@ForAll("characters") char replacement) {
		int at = position % text.length();
		assertSameAsJdk(text.substring(0, at) + replacement + text.substring(at + 1));
	}

	@Provide
	Arbitrary<String> deviceTimes() {
		Arbitrary<String> date = Combinators
			.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
					Arbitraries.integers().between(0, 32))
			.as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
		Arbitrary<String> time = Combinators
			.combine(Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
					Arbitraries.integers().between(0, 60))
			.as((h, m, s) -> String.format("T%02d:%02d:%02d", h, m, s));
		Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
				Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map((digits) -> "." + digits));
		Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.just("Z"),
				Combinators
					.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 19),
							Arbitraries.integers().between(0, 60))
					.as((sign, h, m) -> String.format("%c%02d:%02d", sign, h, m)));
		return Combinators.combine(date, time, fraction, offset).as((d, t, f, o) -> d + t + f + o);
	}

	@Provide
	Arbitrary<Integer> positions() {
		return Arbitraries.integers().between(0, 40);
	}

	@Provide
	Arbitrary<Character> characters() {
		return Arbitraries.of('0', '9', ':', '-', '+', '.', 'T', 'Z', 'z', ' ', '٣');
	}

	private static void assertSameAsJdk(String text) {
		Instant expected;
		try {
			expected = jdk(text);
		}
		catch (DateTimeParseException ex) {
			assertThat(IsoInstants.fastParse(text)).as(text).isNull();
			assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> IsoInstants.parse(text));
			return;
		}
		assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
		Instant fast = IsoInstants.fastParse(text);
		if (fast != null) {
			assertThat(fast).as(text).isEqualTo(expected);
		}
	}

	private static Instant jdk(String text) {
		return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
	}

}
