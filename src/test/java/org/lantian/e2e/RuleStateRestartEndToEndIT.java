package org.lantian.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.lantian.LantianApplication;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;

import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rule condition survives a restart: the bundled {@code nh3-slip} rule (SEEDS-BRIEF:
 * NH₃ slip ≤ 8 mg/m³) is raised by a first Lantian; a second one on the same InfluxDB
 * database, replaying no readings ({@code rebuild-lookback} 1 s, so that only the alert
 * journal can tell), does not raise it again on 9.5 mg/m³ and publishes CLEARED on 5
 * mg/m³ (≤ 8 × 0.95), which resolves the alert.
 */
class RuleStateRestartEndToEndIT {

	static final String SITE = "BT-STEEL-S1";

	final String database = LocalInfrastructure.newDatabaseName();

	@Test
	void anActiveConditionIsNotRaisedAgainAfterARestartAndClearsLater() throws Exception {
		InfluxAnswers influx = new InfluxAnswers(LocalInfrastructure.shared().influxd(), this.database);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(180);
		List<RuleConditionChanged> first = new CopyOnWriteArrayList<>();
		try (ConfigurableApplicationContext lantian = lantian(first, "2h"); MqttClient client = client()) {
			publish(client, start, "9.0");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(
						() -> assertThat(first).extracting(RuleConditionChanged::rule, RuleConditionChanged::state)
							.contains(org.assertj.core.groups.Tuple.tuple("nh3-slip", State.ACTIVE)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> influx.count("SELECT count(\"seq\") FROM \"alert_event\" WHERE \"rule\" = 'nh3-slip'"),
						(count) -> count == 1);
			client.disconnect();
		}

		List<RuleConditionChanged> second = new CopyOnWriteArrayList<>();
		try (ConfigurableApplicationContext lantian = lantian(second, "1s"); MqttClient client = client()) {
			publish(client, start.plusSeconds(60), "9.5");
			publish(client, start.plusSeconds(120), "5.0");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(second).filteredOn((c) -> c.rule().equals("nh3-slip")).isNotEmpty());
			assertThat(second).filteredOn((c) -> c.rule().equals("nh3-slip")).singleElement().satisfies((cleared) -> {
				assertThat(cleared.state()).isEqualTo(State.CLEARED);
				assertThat(cleared.subject()).isEqualTo(SITE);
				assertThat(cleared.value()).isEqualByComparingTo("5.0");
			});
			// one alert: raised by the first Lantian, resolved by the rules in the second
			await().atMost(Duration.ofSeconds(30))
				.until(() -> influx.count("SELECT count(\"seq\") FROM \"alert_event\" WHERE \"rule\" = 'nh3-slip'"),
						(count) -> count == 2);
			assertThat(influx.rows("SELECT \"change\", \"status\" FROM \"alert_event\" WHERE \"rule\" = 'nh3-slip'"))
				.extracting((row) -> row.get("change"), (row) -> row.get("status"))
				.containsExactly(org.assertj.core.groups.Tuple.tuple("raised", "open"),
						org.assertj.core.groups.Tuple.tuple("resolved", "resolved"));
			client.disconnect();
		}
	}

	private ConfigurableApplicationContext lantian(List<RuleConditionChanged> captured, String lookback) {
		LocalInfrastructure infrastructure = LocalInfrastructure.shared();
		ApplicationListener<ApplicationEvent> capture = (event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof RuleConditionChanged condition) {
				captured.add(condition);
			}
		};
		// command-line arguments: default properties would lose to application.yaml
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LantianApplication.class)
			.listeners(capture)
			.run("--server.port=0", "--lantian.mqtt.url=" + infrastructure.mosquitto().url(),
					"--lantian.mqtt.client-id=lantian-it-" + LocalInfrastructure.randomHex(),
					"--lantian.influx.url=" + infrastructure.influxd().url(),
					"--lantian.influx.database=" + this.database,
					"--lantian.spool.dir=" + infrastructure.newTempDirectory("spool-"),
					"--lantian.deadletters.dir=" + infrastructure.newTempDirectory("deadletters-"),
					"--lantian.hj212.port=0", "--lantian.alerts.mqtt.enabled=false",
					"--lantian.rules.rebuild-lookback=" + lookback);
		HealthEndpoint health = context.getBean(HealthEndpoint.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.UP));
		return context;
	}

	private static MqttClient client() throws Exception {
		MqttClient client = new MqttClient(LocalInfrastructure.shared().mosquitto().url(),
				"it-restart-" + LocalInfrastructure.randomHex(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		client.connect(options);
		return client;
	}

	private static void publish(MqttClient client, Instant at, String nh3) throws Exception {
		String json = "{\"site\":\"" + SITE + "\",\"time\":\"" + at + "\",\"values\":{\"nh3\":" + nh3
				+ ",\"so2\":20,\"nox\":30,\"pm\":5,\"o2\":16}}";
		MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish("lantian/v1/readings/" + SITE, message);
	}

}
