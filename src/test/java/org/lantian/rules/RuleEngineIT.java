package org.lantian.rules;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rule engine in the running service: readings published over MQTT to the real
 * broker, stored in the real InfluxDB, handed to the engine once durable; the bundled
 * {@code nh3-slip} rule (SEEDS-BRIEF: NH₃ slip ≤ 8 mg/m³) becomes active on 9 mg/m³ and
 * clears on 5 mg/m³ (at or below 8 × (1 − 0.05)).
 */
@SpringBootTest(properties = { "lantian.rules.tick=1s",
		"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import({ LocalInfrastructureConfiguration.class, RuleEngineIT.Captured.class })
@DirtiesContext
class RuleEngineIT {

	static final String SITE = "BT-STEEL-S1";

	@Autowired
	HealthEndpoint health;

	@Autowired
	Captured captured;

	@BeforeEach
	void ready() {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.health.health().getStatus().equals(Status.UP));
	}

	@Test
	void anAmmoniaSlipAboveEightRaisesTheConditionAndBelowTheMarginClearsIt() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
		try (MqttClient client = new MqttClient(LocalInfrastructure.shared().mosquitto().url(),
				"it-rules-" + LocalInfrastructure.randomHex(), new MemoryPersistence())) {
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(true);
			client.connect(options);
			publish(client, start, "9.0");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.captured.of("nh3-slip")).extracting(RuleConditionChanged::state)
					.containsExactly(RuleConditionChanged.State.ACTIVE));
			RuleConditionChanged raised = this.captured.of("nh3-slip").get(0);
			assertThat(raised.subject()).isEqualTo(SITE);
			assertThat(raised.key()).isEqualTo("nh3");
			assertThat(raised.severity()).isEqualTo(Severity.HIGH);
			assertThat(raised.value()).isEqualByComparingTo("9.0");
			assertThat(raised.threshold()).isEqualByComparingTo("8");

			publish(client, start.plusSeconds(60), "5.0");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.captured.of("nh3-slip")).extracting(RuleConditionChanged::state)
					.containsExactly(RuleConditionChanged.State.ACTIVE, RuleConditionChanged.State.CLEARED));
			client.disconnect();
		}
	}

	private static void publish(MqttClient client, Instant at, String nh3) throws Exception {
		String json = "{\"site\":\"" + SITE + "\",\"time\":\"" + at + "\",\"values\":{\"nh3\":" + nh3
				+ ",\"so2\":20,\"nox\":30,\"pm\":5,\"o2\":16}}";
		MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish("lantian/v1/readings/" + SITE, message);
	}

	/** Keeps every condition the engine publishes. */
	@TestConfiguration
	static class Captured {

		private final List<RuleConditionChanged> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RuleConditionChanged event) {
			this.events.add(event);
		}

		List<RuleConditionChanged> of(String rule) {
			return this.events.stream().filter((e) -> e.rule().equals(rule)).toList();
		}

	}

}
