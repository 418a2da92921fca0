package org.lantian.storage.influx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.Reading;
import org.lantian.infra.FreePort;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lantian.storage.influx.InfluxTestSupport.count;
import static org.lantian.storage.influx.StorageTestData.BAOGANG_STACK;
import static org.lantian.storage.influx.StorageTestData.DONGHE;
import static org.lantian.storage.influx.StorageTestData.at;

/**
 * A writer that starts on a spool another one left behind replays it: what a stopped or
 * killed service had acknowledged reaches InfluxDB.
 */
class BatchingWriterSpoolIT {

	private static final Instant START = at("2026-03-01T00:00:00+08:00");

	private final InfluxdProcess influxd = LocalInfrastructure.shared().influxd();

	private final String database = LocalInfrastructure.newDatabaseName();

	@TempDir
	Path spoolDir;

	@AfterEach
	void dropDatabase() {
		this.influxd.dropDatabase(this.database);
	}

	@Test
	void aWriterReopenedOnAnExistingSpoolReplaysIt() throws Exception {
		// nothing listens on this port: every batch is spooled
		String nowhere = "http://127.0.0.1:" + FreePort.find();
		InfluxProperties unreachable = InfluxTestSupport.properties(nowhere, this.database);
		try (InfluxHttp influx = new InfluxHttp(unreachable);
				BatchingWriter writer = InfluxTestSupport.startWriter(unreachable, influx,
						InfluxTestSupport.spool(this.spoolDir), new InMemoryRejections(), new SimpleMeterRegistry())) {
			writer.store(readings(0, 30)).get(30, TimeUnit.SECONDS);
			writer.store(readings(30, 50)).get(30, TimeUnit.SECONDS);
		}
		assertThat(segments()).isNotEmpty();
		Files.writeString(this.spoolDir.resolve("99999999999999999999.lp.tmp"), "reading,site=torn v=1");

		InfluxProperties reachable = InfluxTestSupport.properties(this.influxd.url(), this.database);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Spool spool = InfluxTestSupport.spool(this.spoolDir);
		assertThat(spool.points()).isEqualTo(50);
		try (InfluxHttp influx = new InfluxHttp(reachable);
				BatchingWriter writer = InfluxTestSupport.startWriter(reachable, influx, spool,
						new InMemoryRejections(), meters)) {
			await().atMost(Duration.ofSeconds(30)).until(spool::isEmpty);

			assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(50);
			assertThat(count(this.influxd, this.database, "SELECT count(so2) FROM reading WHERE kind = 'stack'"))
				.isEqualTo(25);
			assertThat(meters.get("lantian.storage.points.replayed").counter().count()).isEqualTo(50);
		}
		assertThat(segments()).isEmpty();
	}

	private List<Path> segments() throws Exception {
		try (Stream<Path> files = Files.list(this.spoolDir)) {
			return files.toList();
		}
	}

	private static List<Reading> readings(int from, int to) {
		List<Reading> readings = new ArrayList<>();
		for (int i = from; i < to; i++) {
			readings.add((i % 2 == 0) ? StorageTestData.sample(DONGHE, START.plusSeconds(60L * i), "pm25", "1" + i)
					: StorageTestData.sample(BAOGANG_STACK, START.plusSeconds(60L * i), "pm25", "2" + i, "so2",
							"3" + i));
		}
		return readings;
	}

}
