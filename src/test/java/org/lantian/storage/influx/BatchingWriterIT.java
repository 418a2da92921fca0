package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.storage.influx.InfluxTestSupport.column;
import static org.lantian.storage.influx.InfluxTestSupport.count;
import static org.lantian.storage.influx.InfluxTestSupport.rows;
import static org.lantian.storage.influx.StorageTestData.DONGHE;
import static org.lantian.storage.influx.StorageTestData.KUNDULUN;
import static org.lantian.storage.influx.StorageTestData.at;

/**
 * The writer against a real influxd: what it stores, that storing again overwrites, and
 * how a point InfluxDB refuses is isolated from the rest of its batch.
 */
class BatchingWriterIT {

	private static final Instant START = at("2026-01-10T00:00:00+08:00");

	private final InfluxdProcess influxd = LocalInfrastructure.shared().influxd();

	private final String database = LocalInfrastructure.newDatabaseName();

	private final InMemoryRejections rejections = new InMemoryRejections();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@TempDir
	Path spoolDir;

	private InfluxHttp influx;

	private Spool spool;

	private BatchingWriter writer;

	@BeforeEach
	void startWriter() {
		InfluxProperties properties = InfluxTestSupport.properties(this.influxd.url(), this.database);
		this.influx = new InfluxHttp(properties);
		this.spool = InfluxTestSupport.spool(this.spoolDir);
		this.writer = InfluxTestSupport.startWriter(properties, this.influx, this.spool, this.rejections, this.meters);
	}

	@AfterEach
	void stopWriter() {
		this.writer.close();
		this.influx.close();
		this.influxd.dropDatabase(this.database);
	}

	@Test
	void storesTenThousandReadingsWithTheirTagsFieldsAndFlagsAndOverwritesThemWhenStoredAgain() throws Exception {
		List<Reading> readings = tenThousandReadings();

		storeInCallsOf(100, readings);

		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(10_000);
		assertThat(count(this.influxd, this.database, "SELECT count(so2) FROM reading")).isEqualTo(10_000);
		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading WHERE flags =~ /(^|,)pm25:M/"))
			.isEqualTo(1_000);
		assertThat(count(this.influxd, this.database, "SELECT count(so2) FROM reading WHERE flags !~ /(^|,)so2:/"))
			.isEqualTo(10_000);
		assertThat(tagValues("site")).containsExactlyInAnyOrder("BT-KDL-01", "BT-DH-01");
		assertThat(tagValues("kind")).containsExactly("ambient");
		assertThat(tagValues("city")).containsExactly("包头市");
		assertThat(tagValues("period")).containsExactly("sample");
		Map<String, Object> point = rows(this.influxd, this.database,
				"SELECT * FROM reading WHERE site = 'BT-DH-01' AND time = '2026-01-10T02:10:00Z'")
			.get(0);
		// reading 2 × 610 + 1 = 1221: DONGHE at minute 610 (10:10 in Shanghai), flagged M
		assertThat(point).containsEntry("pm25", new BigDecimal("2.1"))
			.containsEntry("flags", "pm25:M")
			.containsEntry("so2", new BigDecimal("1221.25"))
			.containsEntry("city", "包头市")
			.containsEntry("kind", "ambient")
			.containsEntry("period", "sample");
		assertThat(this.meters.get("lantian.storage.points.written").counter().count()).isEqualTo(10_000);
		assertThat(this.meters.get("lantian.storage.lag").timer().count()).isEqualTo(10_000);
		assertThat(this.meters.get("lantian.storage.durable.latency").timer().count()).isEqualTo(100);
		assertThat(this.meters.get("lantian.storage.batch.size").summary().totalAmount()).isEqualTo(10_000);
		assertThat(this.meters.get("lantian.storage.write.latency").timer().count()).isPositive();
		assertThat(this.meters.get("lantian.storage.points.spooled").counter().count()).isZero();
		assertThat(this.meters.get("lantian.storage.points.dropped").counter().count()).isZero();
		assertThat(this.meters.get("lantian.storage.queue.size").gauge().value()).isZero();

		storeInCallsOf(1000, readings);

		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(10_000);
		assertThat(this.meters.get("lantian.storage.points.written").counter().count()).isEqualTo(20_000);
		assertThat(this.rejections.all()).isEmpty();
	}

	@Test
	void isolatesAPointInfluxDbRefusesAndWritesTheRestOfItsBatch() throws Exception {
		// so2 is a string field in this shard, so a float so2 is a field type conflict: a
		// genuine 400
		Instant noon = Instant.parse("2026-01-14T04:00:00Z");
		this.influxd.createDatabase(this.database);
		this.influxd.write(this.database,
				"reading,city=包头市,kind=ambient,period=sample,site=BT-DH-01 so2=\"x\" " + noon.toEpochMilli());
		List<Reading> batch = new ArrayList<>();
		for (int minute = 1; minute <= 9; minute++) {
			batch.add(StorageTestData.sample(KUNDULUN, noon.plusSeconds(60L * minute), "pm25", "3" + minute));
		}
		Reading conflicting = StorageTestData.sample(KUNDULUN, noon.plusSeconds(270), "pm25", "99", "so2", "20");
		batch.add(4, conflicting);

		this.writer.store(batch).get(30, TimeUnit.SECONDS);

		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading WHERE site = 'BT-KDL-01'"))
			.isEqualTo(9);
		assertThat(column(this.influxd, this.database, "SELECT pm25 FROM reading WHERE site = 'BT-KDL-01'", "pm25"))
			.containsExactly("31", "32", "33", "34", "35", "36", "37", "38", "39");
		assertThat(this.rejections.all()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_POINT);
			assertThat(rejection.transport()).isEqualTo(Transport.SPOOL);
			assertThat(rejection.site()).isEqualTo("BT-KDL-01");
			assertThat(rejection.detail()).contains("HTTP 400").contains("field type conflict");
			assertThat(rejection.payload()).isEqualTo(LineProtocol.encode(conflicting, StorageTestData.site(KUNDULUN)));
		});
		assertThat(this.meters.get("lantian.storage.points.invalid").counter().count()).isEqualTo(1);
		assertThat(this.meters.get("lantian.storage.points.written").counter().count()).isEqualTo(9);
		assertThat(this.spool.isEmpty()).isTrue();
	}

	@Test
	void rejectsReadingsOfSitesMissingFromTheCatalogueAndStoresTheRest() throws Exception {
		Reading unknown = StorageTestData.sample(SiteId.of("NOT-IN-CATALOGUE"), START, "pm25", "1");
		Reading known = StorageTestData.sample(KUNDULUN, START, "pm25", "2");

		this.writer.store(List.of(unknown, known)).get(30, TimeUnit.SECONDS);

		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(1);
		assertThat(this.rejections.all()).extracting(Rejection::reason, Rejection::site)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(RejectionReason.INVALID_POINT, "NOT-IN-CATALOGUE"));
	}

	@Test
	void createsTheDatabaseAgainWhenItWasDropped() throws Exception {
		this.writer.store(List.of(StorageTestData.sample(KUNDULUN, START, "pm25", "1"))).get(30, TimeUnit.SECONDS);
		this.influxd.dropDatabase(this.database);

		this.writer.store(List.of(StorageTestData.sample(KUNDULUN, START.plusSeconds(60), "pm25", "2")))
			.get(30, TimeUnit.SECONDS);

		assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(1);
		assertThat(this.spool.isEmpty()).isTrue();
	}

	@Test
	void completesAnEmptyStoreAtOnce() {
		assertThat(this.writer.store(List.of())).isCompleted();
	}

	private void storeInCallsOf(int size, List<Reading> readings) throws Exception {
		List<CompletableFuture<Void>> futures = new ArrayList<>();
		for (int i = 0; i < readings.size(); i += size) {
			futures.add(this.writer.store(readings.subList(i, Math.min(readings.size(), i + size))));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
	}

	private List<String> tagValues(String key) {
		return column(this.influxd, this.database, "SHOW TAG VALUES FROM reading WITH KEY = \"" + key + "\"", "value");
	}

	/**
	 * Two sites, 5,000 minutes each; every tenth pm25 is flagged M (maintenance). Reading
	 * {@code i} has {@code pm25 = (i % 300) / 10} and {@code so2 = i + 0.25}.
	 */
	private static List<Reading> tenThousandReadings() {
		List<Reading> readings = new ArrayList<>(10_000);
		for (int minute = 0; minute < 5_000; minute++) {
			for (SiteId site : List.of(KUNDULUN, DONGHE)) {
				int i = readings.size();
				Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
				values.put(Measurand.PM25,
						new Measurement(BigDecimal.valueOf(i % 300, 1), (minute % 10 == 0) ? DataFlag.M : DataFlag.N));
				values.put(Measurand.SO2, Measurement.normal(new BigDecimal(i + ".25")));
				readings.add(new Reading(site, START.plusSeconds(60L * minute), ReadingPeriod.SAMPLE, values));
			}
		}
		return readings;
	}

}
