package org.lantian.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks that the harness's mosquitto and influxd behave as the other integration tests
 * assume.
 */
class LocalInfrastructureIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();

	@Test
	void mosquittoDeliversAQos1MessageToASubscriber() throws MqttException {
		String topic = newTopic();
		Inbox inbox = new Inbox();
		MqttClient subscriber = newClient("lantian-it-subscriber-" + LocalInfrastructure.randomHex(), inbox);
		try {
			subscriber.connect(options(true));
			subscriber.subscribe(topic, 1);

			this.infrastructure.mosquitto().publish(topic, "{\"site\":\"BT-KDL-01\"}");

			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(inbox.messages).containsExactly("{\"site\":\"BT-KDL-01\"}"));
		}
		finally {
			disconnectAndClose(subscriber);
		}
	}

	@Test
	void influxdAnswersAQueryWithAPointWrittenAsLineProtocol() {
		InfluxdProcess influxd = this.infrastructure.influxd();
		String database = LocalInfrastructure.newDatabaseName();
		influxd.createDatabase(database);
		try {
			// 2026-01-15T00:00:00Z in milliseconds
			influxd.write(database, "it_probe,site=BT-KDL-01 pm25=135.2 1768435200000");

			String answer = influxd.query("SELECT pm25 FROM it_probe WHERE site = 'BT-KDL-01'", database);

			assertThat(answer).contains("\"name\":\"it_probe\"")
				.contains("[\"2026-01-15T00:00:00Z\",135.2]")
				.doesNotContain("\"error\"");
		}
		finally {
			influxd.dropDatabase(database);
		}
	}

	@Test
	void brokerRestartKeepsAQos1MessageQueuedForAnOfflinePersistentSession() throws MqttException {
		String topic = newTopic();
		Inbox inbox = new Inbox();
		MqttClient subscriber = newClient("lantian-it-persistent-" + LocalInfrastructure.randomHex(), inbox);
		try {
			subscriber.connect(options(false));
			subscriber.subscribe(topic, 1);
			subscriber.disconnect();

			this.infrastructure.mosquitto().publish(topic, "queued while offline");
			this.infrastructure.mosquitto().restart();
			subscriber.connect(options(false));

			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(inbox.messages).containsExactly("queued while offline"));
		}
		finally {
			disconnectAndClose(subscriber);
		}
	}

	private String newTopic() {
		return "lantian/it/" + LocalInfrastructure.randomHex();
	}

	private MqttClient newClient(String clientId, MqttCallback callback) throws MqttException {
		MqttClient client = new MqttClient(this.infrastructure.mosquitto().url(), clientId, new MemoryPersistence());
		client.setCallback(callback);
		return client;
	}

	private static MqttConnectOptions options(boolean cleanSession) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(cleanSession);
		options.setAutomaticReconnect(false);
		return options;
	}

	private static void disconnectAndClose(MqttClient client) throws MqttException {
		if (client.isConnected()) {
			client.disconnect();
		}
		client.close();
	}

	private static final class Inbox implements MqttCallback {

		private final List<String> messages = new CopyOnWriteArrayList<>();

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			this.messages.add(new String(message.getPayload(), StandardCharsets.UTF_8));
		}

		@Override
		public void connectionLost(Throwable cause) {
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
		}

	}

}
