package org.lantian.e2e;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/**
 * Waits until the context's subscriber has subscribed. The service starts without waiting
 * for the broker, and a message published before the first subscription of a new client
 * id reaches nobody: the broker has no session to queue it for.
 */
final class MqttReady {

	private MqttReady() {
	}

	static void await(HealthEndpoint health) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			HealthComponent mqtt = health.healthForPath("mqtt");
			return mqtt != null && Status.UP.equals(mqtt.getStatus());
		});
	}

}
