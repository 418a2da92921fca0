package org.lantian.storage.influx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.Reading;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lantian.storage.influx.InfluxTestSupport.column;
import static org.lantian.storage.influx.InfluxTestSupport.count;
import static org.lantian.storage.influx.StorageTestData.KUNDULUN;
import static org.lantian.storage.influx.StorageTestData.at;

/**
 * influxd stopped while readings keep coming: they are spooled and acknowledged, and once
 * it is back the spool is replayed in order, every reading lands exactly once and the
 * spool empties.
 */
class BatchingWriterOutageIT {

	private static final Instant START = at("2026-02-01T08:00:00+08:00");

	private final InfluxdProcess influxd = LocalInfrastructure.shared().influxd();

	private final String database = LocalInfrastructure.newDatabaseName();

	@TempDir
	Path spoolDir;

	@AfterEach
	void influxdRunsAgain() {
		if (!this.influxd.isRunning()) {
			this.influxd.start();
		}
		this.influxd.dropDatabase(this.database);
	}

	@Test
	void spoolsWhileInfluxDbIsDownAndReplaysInOrderOnceItIsBack() throws Exception {
		InfluxProperties properties = InfluxTestSupport.properties(this.influxd.url(), this.database);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Spool spool = InfluxTestSupport.spool(this.spoolDir);
		try (InfluxHttp influx = new InfluxHttp(properties);
				BatchingWriter writer = InfluxTestSupport.startWriter(properties, influx, spool,
						new InMemoryRejections(), meters)) {
			InfluxHealthIndicator health = new InfluxHealthIndicator(influx, spool);
			writer.store(minutes(0, 100, "1")).get(30, TimeUnit.SECONDS);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);

			this.influxd.stop();
			writer.store(minutes(100, 200, "2")).get(30, TimeUnit.SECONDS);
			// minutes 190..199 again, with new values: after the replay these must win
			writer.store(minutes(190, 290, "3")).get(30, TimeUnit.SECONDS);

			assertThat(spool.points()).isEqualTo(200);
			assertThat(meters.get("lantian.storage.spool.depth").gauge().value()).isEqualTo(200);
			assertThat(meters.get("lantian.storage.points.spooled").counter().count()).isEqualTo(200);
			Health down = health.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("spoolDepth", 200L)
				.containsEntry("database", this.database)
				.containsKey("error");

			this.influxd.start();

			await().atMost(Duration.ofSeconds(60)).until(spool::isEmpty);
			assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading")).isEqualTo(290);
			assertThat(column(this.influxd, this.database,
					"SELECT pm25 FROM reading WHERE time >= '2026-02-01T03:08:00Z' AND time < '2026-02-01T03:12:00Z'",
					"pm25"))
				.containsExactly("2.188", "2.189", "3.19", "3.191");
			assertThat(meters.get("lantian.storage.points.replayed").counter().count()).isEqualTo(200);
			assertThat(meters.get("lantian.storage.points.written").counter().count()).isEqualTo(300);
			assertThat(meters.get("lantian.storage.spool.depth").gauge().value()).isZero();
			assertThat(meters.get("lantian.storage.points.dropped").counter().count()).isZero();
			assertThat(health.health().getDetails()).containsEntry("spoolDepth", 0L);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
		assertThat(this.spoolDir).isEmptyDirectory();
	}

	@Test
	void aBacklogDrainsWhileReadingsKeepArriving() throws Exception {
		InfluxProperties properties = InfluxTestSupport.properties(this.influxd.url(), this.database);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Spool spool = InfluxTestSupport.spool(this.spoolDir);
		try (InfluxHttp influx = new InfluxHttp(properties);
				BatchingWriter writer = InfluxTestSupport.startWriter(properties, influx, spool,
						new InMemoryRejections(), meters)) {
			this.influxd.stop();
			// a backlog of 40 segments, one per call
			for (int call = 0; call < 40; call++) {
				writer.store(minutes(call * 10, call * 10 + 10, "1")).get(30, TimeUnit.SECONDS);
			}
			assertThat(spool.segments()).isEqualTo(40);
			this.influxd.start();
			// a steady stream goes on, one new batch per flush interval or so; each is
			// spooled behind the backlog while it lasts, so replaying one segment per
			// turn
			// would never catch up
			int minute = 400;
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!spool.isEmpty() && System.nanoTime() < deadline) {
				writer.store(minutes(minute, minute + 1, "2")).get(30, TimeUnit.SECONDS);
				minute++;
			}
			assertThat(spool.isEmpty()).as("spool drained under steady traffic").isTrue();
			int total = minute;
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(count(this.influxd, this.database, "SELECT count(pm25) FROM reading"))
					.isEqualTo(total));
		}
	}

	/** One sample per minute in [from, to) of START, pm25 = {@code <prefix>.<minute>}. */
	private static List<Reading> minutes(int from, int to, String prefix) {
		List<Reading> readings = new ArrayList<>();
		for (int minute = from; minute < to; minute++) {
			readings
				.add(StorageTestData.sample(KUNDULUN, START.plusSeconds(60L * minute), "pm25", prefix + "." + minute));
		}
		return readings;
	}

}
