package org.lantian.ingest.mqtt;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code mqtt} component of {@code /actuator/health}: UP while the ingest client is
 * connected and subscribed.
 */
class MqttHealthIndicator implements HealthIndicator {

	private final MqttReadingSubscriber subscriber;

	MqttHealthIndicator(MqttReadingSubscriber subscriber) {
		this.subscriber = subscriber;
	}

	@Override
	public Health health() {
		MqttProperties properties = this.subscriber.properties();
		boolean connected = this.subscriber.isConnected();
		boolean subscribed = this.subscriber.isSubscribed();
		Health.Builder health = (connected && subscribed) ? Health.up() : Health.down();
		return health.withDetail("url", properties.url())
			.withDetail("clientId", properties.clientId())
			.withDetail("topic", properties.subscription())
			.withDetail("connected", connected)
			.withDetail("subscribed", subscribed)
			.build();
	}

}
