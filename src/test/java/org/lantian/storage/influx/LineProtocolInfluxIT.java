package org.lantian.storage.influx;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.Site;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.storage.influx.InfluxTestSupport.column;
import static org.lantian.storage.influx.InfluxTestSupport.count;

/**
 * Our escaping against the real parser: tag values full of delimiters, written as line
 * protocol, come back from influxd unchanged, and {@link InfluxQl#string} finds each of
 * them again.
 */
class LineProtocolInfluxIT {

	private static final String ALPHABET = ",= \\\"'\t中a";

	private final InfluxdProcess influxd = LocalInfrastructure.shared().influxd();

	private final String database = LocalInfrastructure.newDatabaseName();

	@TempDir
	Path spoolDir;

	@AfterEach
	void dropDatabase() {
		this.influxd.dropDatabase(this.database);
	}

	@Test
	void tagValuesMadeOfDelimitersSurviveAWriteAndAQuery() throws Exception {
		Set<String> cities = new LinkedHashSet<>(List.of(StorageTestData.AWKWARD_CITY, "a,b", "a b", "a=b", "a\\b",
				"a\\,b", "a\\ b", "a\\=b", "\\\\\\\\,", "=x", " lead", "trail ", "\"", "'", "包头市", "a\\\\b"));
		Random random = new Random(20260115);
		while (cities.size() < 200) {
			String city = randomText(random);
			if (!city.isBlank() && !city.endsWith("\\")) {
				cities.add(city);
			}
		}
		InfluxProperties properties = InfluxTestSupport.properties(this.influxd.url(), this.database);
		try (InfluxHttp influx = new InfluxHttp(properties)) {
			influx.createDatabase();
			List<String> lines = new ArrayList<>();
			long time = Instant.parse("2026-01-15T00:00:00Z").toEpochMilli();
			for (String city : cities) {
				Site site = StorageTestData.ambient(StorageTestData.AWKWARD, city, "区");
				lines.add(LineProtocol
					.encode(StorageTestData.sample(site.id(), Instant.ofEpochMilli(time++), "pm25", "1"), site));
			}
			influx.write(String.join("\n", lines));
		}

		assertThat(column(this.influxd, this.database, "SHOW TAG VALUES FROM reading WITH KEY = \"city\"", "value"))
			.containsExactlyInAnyOrderElementsOf(cities);
		for (String city : cities) {
			assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading WHERE "
					+ InfluxQl.identifier("city") + " = " + InfluxQl.string(city)))
				.as(city)
				.isEqualTo(1);
		}
	}

	@Test
	void theWriterRefusesWhatLineProtocolCannotCarryInsteadOfCorruptingTheBatch() throws Exception {
		InfluxProperties properties = InfluxTestSupport.properties(this.influxd.url(), this.database);
		InMemoryRejections rejections = new InMemoryRejections();
		try (InfluxHttp influx = new InfluxHttp(properties);
				BatchingWriter writer = new BatchingWriter(properties, influx, InfluxTestSupport.spool(this.spoolDir),
						org.lantian.domain.SiteCatalogue
							.of(List.of(StorageTestData.ambient(StorageTestData.AWKWARD, "ends in \\", "区"),
									StorageTestData.site(StorageTestData.KUNDULUN))),
						rejections, new SimpleMeterRegistry(), java.time.Clock.systemUTC())) {
			writer.start();
			Instant time = Instant.parse("2026-01-15T00:00:00Z");
			writer.store(List.of(StorageTestData.sample(StorageTestData.AWKWARD, time, "pm25", "1"),
					StorageTestData.sample(StorageTestData.KUNDULUN, time, "pm25", "2")))
				.get(30, TimeUnit.SECONDS);
		}

		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(1);
		assertThat(rejections.all()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.detail()).contains("backslash"));
	}

	private static String randomText(Random random) {
		int length = 1 + random.nextInt(10);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

}
