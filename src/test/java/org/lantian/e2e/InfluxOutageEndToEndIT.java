package org.lantian.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Store-and-forward (issue 2): InfluxDB stopped for 30 s in the middle of a stream and
 * started again. Every reading the broker acknowledged to the device is in InfluxDB
 * afterwards, exactly once.
 */
@SpringBootTest(properties = "lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}")
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class InfluxOutageEndToEndIT {

	static final Instant BASE = Instant.parse("2026-02-01T00:00:00Z");

	static final Duration OUTAGE = Duration.ofSeconds(30);

	@Value("${lantian.influx.database}")
	String database;

	@Autowired
	MeterRegistry meters;

	@Autowired
	HealthEndpoint health;

	@AfterEach
	void influxdRunsAgain() {
		InfluxdProcess influxd = LocalInfrastructure.shared().influxd();
		if (!influxd.isRunning()) {
			influxd.start();
		}
	}

	@Test
	void everyAcknowledgedReadingIsInInfluxOnceAfterAThirtySecondOutage() throws Exception {
		MqttReady.await(this.health);
		InfluxdProcess influxd = LocalInfrastructure.shared().influxd();
		InfluxAnswers influx = new InfluxAnswers(influxd, this.database);
		List<String> sites = TestPayloads.AMBIENT_SITES;
		int perPhase = 3_000;
		int n = 0;
		try (StreamPublisher publisher = new StreamPublisher(LocalInfrastructure.shared().mosquitto().url(),
				"it-outage-" + LocalInfrastructure.randomHex())) {
			for (; n < perPhase; n++) {
				publish(publisher, sites, n);
			}
			publisher.drain();
			influxd.stop();
			Instant stopped = Instant.now();
			// the stream goes on while InfluxDB is down: readings must go to the spool
			// and be acknowledged
			while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
				for (int i = 0; i < 100; i++, n++) {
					publish(publisher, sites, n);
				}
				publisher.drain();
			}
			assertThat(this.meters.get("lantian.storage.points.spooled").counter().count()).isPositive();
			influxd.start();
			for (int end = n + perPhase; n < end; n++) {
				publish(publisher, sites, n);
			}
			publisher.drain();
			assertThat(publisher.failed()).isZero();
			assertThat(publisher.acknowledged()).isEqualTo(n);
		}
		int total = n;
		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(influx.count(
					"SELECT count(pm25) FROM reading WHERE time >= '2026-02-01T00:00:00Z' AND time < '2026-02-02T00:00:00Z'"))
				.isEqualTo(total));
		assertThat(this.meters.get("lantian.storage.spool.depth").gauge().value()).isZero();
		assertThat(this.meters.get("lantian.storage.points.replayed").counter().count()).isPositive();
	}

	private static void publish(StreamPublisher publisher, List<String> sites, int n) throws Exception {
		String site = sites.get(n % sites.size());
		publisher.publish("lantian/v1/readings/" + site,
				TestPayloads.ambient(site, BASE.plusSeconds(n / sites.size()), n));
	}

}
