package org.lantian.simulator.link;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.MosquittoProcess;
import org.lantian.simulator.Link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator's MQTT connection against a real mosquitto: a stop reports what is still
 * unacknowledged after its wait (not what was in flight before it), and a restart with
 * the same client id and journal sends again what the last run had not had acknowledged.
 */
class MqttConnectionIT {

	private final MosquittoProcess broker = LocalInfrastructure.shared().mosquitto();

	private final String prefix = "it-" + LocalInfrastructure.randomHex() + "/lantian/v1";

	@Test
	void aStopCountsOnlyWhatIsStillUnacknowledgedAfterItsWait() throws Exception {
		LinkCounters counters = new LinkCounters();
		MqttConnection connection = new MqttConnection(this.broker.url(), "sim-it-" + LocalInfrastructure.randomHex(),
				null, this.prefix, counters);
		connection.connect();
		int messages = 3_000; // more than the in-flight window of 1000
		for (int i = 0; i < messages; i++) {
			connection.publish(connection.readingsTopic("SITE-" + (i % 50)), "{\"n\":" + i + "}");
			counters.of(Link.MQTT_JSON).published();
		}

		int left = connection.close(Duration.ofSeconds(30));

		assertThat(left).isZero();
		assertThat(counters.of(Link.MQTT_JSON).acked()).isEqualTo(messages);
	}

	@Test
	void aRestartWithTheSameClientIdSendsAgainWhatTheLastRunHadNotHadAcknowledged() throws Exception {
		String clientId = "sim-it-" + LocalInfrastructure.randomHex();
		Path state = LocalInfrastructure.shared().newTempDirectory("sim-journal");
		String topic = this.prefix + "/readings/SITE-1";
		// what a run killed before the broker's PUBACK leaves behind: the QoS 1 PUBLISH
		// as Paho stores it under "s-<message id>"
		JournalFilePersistence killedRun = new JournalFilePersistence(state);
		killedRun.open(clientId, this.broker.url());
		MqttMessage unacknowledged = new MqttMessage("{\"site\":\"SITE-1\"}".getBytes(StandardCharsets.UTF_8));
		unacknowledged.setQos(1);
		MqttPublish publish = new MqttPublish(topic, unacknowledged);
		publish.setMessageId(42);
		killedRun.put("s-42", publish);

		List<String> received = new CopyOnWriteArrayList<>();
		try (MqttClient subscriber = new MqttClient(this.broker.url(), "it-sub-" + LocalInfrastructure.randomHex(),
				new MemoryPersistence())) {
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(true);
			subscriber.connect(options);
			subscriber.subscribe(topic, 1,
					(arrived, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

			LinkCounters counters = new LinkCounters();
			MqttConnection restarted = new MqttConnection(this.broker.url(), clientId, state, this.prefix, counters);
			restarted.connect();
			await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
			assertThat(restarted.close(Duration.ofSeconds(10))).isZero();
			assertThat(received).containsExactly("{\"site\":\"SITE-1\"}");
			assertThat(counters.of(Link.MQTT_JSON).acked()).isEqualTo(1);
			subscriber.disconnect();
		}
		assertThat(state.resolve(JournalFilePersistence.fileName(clientId, this.broker.url()))).doesNotExist();
	}

}
