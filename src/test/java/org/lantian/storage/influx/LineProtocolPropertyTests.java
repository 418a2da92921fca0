package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Line protocol escaping survives any tag value InfluxDB 1.x can carry (S-22), read back
 * the way InfluxDB reads it ({@link LineProtocol#tags}); {@code LineProtocolInfluxIT}
 * checks the same against a real influxd.
 */
class LineProtocolPropertyTests {

	@Property
	void anyRepresentableTagValueSurvivesEscaping(@ForAll String value) {
		if (!isRepresentable(value)) {
			assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.key(value));
			return;
		}
		String line = "reading,key=" + LineProtocol.key(value) + ",other=x v=1 0";

		assertThat(LineProtocol.tags(line)).containsEntry("key", value).containsEntry("other", "x");
	}

	@Property
	void escapingSurvivesValuesMadeOfTheDelimiters(@ForAll("delimiterSoup") String value) {
		if (!isRepresentable(value)) {
			assertThatIllegalArgumentException().isThrownBy(() -> LineProtocol.key(value));
			return;
		}
		String line = "reading," + LineProtocol.key(value) + "=" + LineProtocol.key(value) + " v=1 0";

		assertThat(LineProtocol.tags(line)).containsEntry(value, value);
	}

	@Property
	void aSiteOfAnyCitySurvivesEncoding(@ForAll("delimiterSoup") String city,
			@ForAll @LongRange(min = -2_000_000_000_000L, max = 4_000_000_000_000L) long millis) {
		if (!isRepresentable(city) || city.isBlank()) {
			return; // not a city the catalogue accepts, or one line protocol cannot carry
					// (the first property)
		}
		Site site = StorageTestData.ambient(StorageTestData.AWKWARD, city, "区");
		Reading reading = StorageTestData.sample(site.id(), Instant.ofEpochMilli(millis), "pm25", "1");

		String line = LineProtocol.encode(reading, site);

		assertThat(LineProtocol.tags(line)).containsEntry("city", city).containsEntry("site", "HH-X.1_a");
		assertThat(LineProtocol.timestamp(line)).isEqualTo(millis);
	}

	@Property
	void valuesAreWrittenAsTheirPlainDecimalString(
			@ForAll @BigRange(min = "-100000000", max = "100000000") BigDecimal value) {
		Reading reading = new Reading(StorageTestData.KUNDULUN, Instant.EPOCH, ReadingPeriod.SAMPLE,
				Map.of(Measurand.TEMP, new Measurement(value, DataFlag.N)));

		String line = LineProtocol.encode(reading, StorageTestData.site(StorageTestData.KUNDULUN));

		String field = line.substring(line.indexOf(" temp=") + 6, line.indexOf(",flags="));
		assertThat(field).isEqualTo(value.toPlainString()).doesNotContain("E");
		assertThat(new BigDecimal(field)).isEqualTo(value);
	}

	@Provide
	Arbitrary<String> delimiterSoup() {
		return Arbitraries.strings().withChars(",= \\\"'\t\n中a").ofMinLength(0).ofMaxLength(12);
	}

	private static boolean isRepresentable(String value) {
		return !value.isEmpty() && value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && !value.endsWith("\\");
	}

}
