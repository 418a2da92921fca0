package org.lantian.alerts.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lantian.alerts.ChannelStatus;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

class AlertChannelsHealthTests {

	static final Instant T = Instant.parse("2026-01-15T04:00:00Z");

	@Test
	void aChannelNotConfiguredIsUnknown() {
		Health health = AlertChannelsHealth.health(status("email", false, 0, null, null));

		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "not configured").containsEntry("enabled", false);
	}

	@Test
	void anMqttChannelNotConnectedIsDegraded() {
		Health health = AlertChannelsHealth.health(status("mqtt", true, 0, null, false));

		assertThat(health.getStatus()).isEqualTo(AlertChannelsHealth.DEGRADED);
		assertThat(health.getDetails()).containsEntry("connected", false)
			.containsEntry("reason", "not connected to the broker");
	}

	@Test
	void aConnectedMqttChannelIsUp() {
		Health health = AlertChannelsHealth.health(status("mqtt", true, 0, null, true));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("connected", true).containsEntry("delivered", 7L);
	}

	@Test
	void aWebhookFailingInARowIsDegradedWithItsLastError() {
		Health health = AlertChannelsHealth
			.health(status("webhook", true, 2, "raised a1 to http://127.0.0.1:9/hook: connection refused", null));

		assertThat(health.getStatus()).isEqualTo(AlertChannelsHealth.DEGRADED);
		assertThat(health.getDetails()).containsEntry("consecutiveFailures", 2L)
			.containsEntry("reason", "2 notification(s) in a row not delivered")
			.containsEntry("lastError", "raised a1 to http://127.0.0.1:9/hook: connection refused")
			.containsEntry("lastErrorAt", T.toString())
			.doesNotContainKey("connected");
	}

	@Test
	void aWebhookThatFailedOnceButDeliveredSinceIsUpAndStillShowsTheError() {
		Health health = AlertChannelsHealth.health(status("webhook", true, 0, "timeout", null));

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("lastError", "timeout");
	}

	@Test
	void oneComponentPerChannelAndADisconnectedMqttIsAskedToConnect() {
		AtomicInteger reconnects = new AtomicInteger();
		AlertChannelsHealth channels = new AlertChannelsHealth(
				() -> List.of(status("mqtt", true, 0, null, false), status("webhook", false, 0, null, null)),
				reconnects::incrementAndGet);

		List<String> names = new ArrayList<>();
		for (NamedContributor<?> contributor : channels) {
			names.add(contributor.getName());
		}
		assertThat(names).containsExactly("mqtt", "webhook");
		assertThat(((HealthIndicator) channels.getContributor("mqtt")).health().getStatus())
			.isEqualTo(AlertChannelsHealth.DEGRADED);
		assertThat(reconnects).hasValue(1);
		assertThat(((HealthIndicator) channels.getContributor("webhook")).health().getStatus())
			.isEqualTo(Status.UNKNOWN);
		assertThat(reconnects).hasValue(1);
		assertThat(channels.getContributor("sms")).isNull();
	}

	private static ChannelStatus status(String channel, boolean enabled, long inARow, String lastError,
			Boolean connected) {
		return new ChannelStatus(channel, enabled, 7, inARow, 0, 0, lastError, (lastError != null) ? T : null, inARow,
				connected);
	}

}
