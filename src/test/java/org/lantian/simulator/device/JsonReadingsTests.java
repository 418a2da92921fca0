package org.lantian.simulator.device;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReadingsTests {

	private final JsonReadings json = new JsonReadings(ZoneId.of("Asia/Shanghai"));

	@Test
	void writesASampleAsInterfacesSection31WithoutFlagsWhenAllAreNormal() {
		Reading sample = new Reading(SiteId.of("BT-KDL-01"), Instant.parse("2026-01-15T00:00:00Z"),
				ReadingPeriod.SAMPLE, Map.of(Measurand.PM25, Measurement.of("135.2", DataFlag.N), Measurand.CO,
						Measurement.of("1.2", DataFlag.N)));

		assertThat(this.json.encode(sample)).isEqualTo(
				"{\"site\":\"BT-KDL-01\",\"time\":\"2026-01-15T08:00:00+08:00\",\"values\":{\"pm25\":135.2,\"co\":1.2}}");
	}

	@Test
	void writesThePeriodOfAveragesAndTheFlagsThatAreNotNormal() {
		Reading hour = new Reading(SiteId.of("BT-KDL-01"), Instant.parse("2026-01-15T01:00:00Z"), ReadingPeriod.HOUR,
				Map.of(Measurand.PM25, Measurement.of("78", DataFlag.N), Measurand.SO2,
						Measurement.of("12.50", DataFlag.C)));

		assertThat(this.json.encode(hour))
			.isEqualTo("{\"site\":\"BT-KDL-01\",\"time\":\"2026-01-15T09:00:00+08:00\",\"period\":\"hour\","
					+ "\"values\":{\"pm25\":78,\"so2\":12.50},\"flags\":{\"so2\":\"C\"}}");
	}

	@Test
	void eachReadingCarriesItsOwnTimeAlsoWhenTheyAlternate() {
		Reading first = new Reading(SiteId.of("A"), Instant.parse("2026-01-15T00:00:00Z"), ReadingPeriod.SAMPLE,
				Map.of(Measurand.PM25, Measurement.of("1", DataFlag.N)));
		Reading second = new Reading(SiteId.of("A"), Instant.parse("2026-01-15T00:00:30.5Z"), ReadingPeriod.SAMPLE,
				Map.of(Measurand.PM25, Measurement.of("1", DataFlag.N)));

		assertThat(this.json.encode(first)).contains("\"time\":\"2026-01-15T08:00:00+08:00\"");
		assertThat(this.json.encode(second)).contains("\"time\":\"2026-01-15T08:00:30.5+08:00\"");
		assertThat(this.json.encode(first)).contains("\"time\":\"2026-01-15T08:00:00+08:00\"");
	}

}
