package org.lantian.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.lantian.infra.FreePort;
import org.lantian.infra.LantianProcess;
import org.lantian.infra.LocalInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost when Lantian is killed with SIGKILL in the middle of a stream (issue
 * 2): what it acknowledged is in InfluxDB or its spool, and what it had not acknowledged
 * the broker keeps in the persistent session and delivers again after the restart.
 */
class KilledServiceEndToEndIT {

	static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

	@Test
	void aServiceKilledMidStreamLosesNoAcknowledgedReading() throws Exception {
		LocalInfrastructure infrastructure = LocalInfrastructure.shared();
		String database = LocalInfrastructure.newDatabaseName();
		Map<String, String> properties = Map.of("lantian.mqtt.url", infrastructure.mosquitto().url(),
				"lantian.mqtt.client-id", "lantian-kill-" + LocalInfrastructure.randomHex(), "lantian.influx.url",
				infrastructure.influxd().url(), "lantian.influx.database", database, "lantian.spool.dir",
				infrastructure.newTempDirectory("spool-").toString(), "lantian.deadletters.dir",
				infrastructure.newTempDirectory("deadletters-").toString(), "lantian.hj212.port", "0");
		LantianProcess lantian = new LantianProcess(FreePort.find(), properties,
				Path.of("target", "it-logs", "lantian-killed-" + database + ".log"));
		InfluxAnswers influx = new InfluxAnswers(infrastructure.influxd(), database);
		List<String> sites = TestPayloads.AMBIENT_SITES;
		int total = 30_000;
		lantian.start();
		try (StreamPublisher publisher = new StreamPublisher(infrastructure.mosquitto().url(),
				"it-kill-" + LocalInfrastructure.randomHex())) {
			for (int n = 0; n < total; n++) {
				if (n == total / 3) {
					// some of the stream is stored, some still in flight: kill it now
					await().atMost(Duration.ofSeconds(60))
						.until(() -> influx.count(
								"SELECT count(pm25) FROM reading WHERE time >= '2026-03-01T00:00:00Z' AND time < '2026-03-02T00:00:00Z'") > 0);
					lantian.kill();
				}
				String site = sites.get(n % sites.size());
				publisher.publish("lantian/v1/readings/" + site,
						TestPayloads.ambient(site, BASE.plusSeconds(n / sites.size()), n));
			}
			publisher.drain();
			assertThat(publisher.acknowledged()).isEqualTo(total);
			// the rest of the stream waits in the broker for Lantian's persistent session
			lantian.start();
			await().atMost(Duration.ofSeconds(120))
				.untilAsserted(() -> assertThat(influx.count(
						"SELECT count(pm25) FROM reading WHERE time >= '2026-03-01T00:00:00Z' AND time < '2026-03-02T00:00:00Z'"))
					.isEqualTo(total));
		}
		finally {
			lantian.stop();
		}
	}

}
