package org.lantian.alerts.channel;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.lantian.alerts.ChannelStatus;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

/**
 * The notification channels in {@code /actuator/health}: component {@code alertChannels}
 * with one indicator per channel ({@code mqtt}, {@code webhook}, {@code email}).
 * <ul>
 * <li>UNKNOWN: not configured (MQTT disabled, no route with a webhook, no SMTP
 * host).</li>
 * <li>DEGRADED: MQTT not connected to the broker, or notifications given up on (after
 * their retries) or dropped since the last one delivered; the details carry the last
 * error.</li>
 * <li>UP otherwise.</li>
 * </ul>
 * A failing channel never makes the service DOWN: alerts are still raised, kept and shown
 * (API, SSE), only not pushed. The default status order of {@code /actuator/health}
 * leaves DEGRADED out, so the service stays UP; the {@code alerts} health group
 * ({@code /actuator/health/alerts}) orders it before UP and answers 503
 * (application.yaml).
 */
final class AlertChannelsHealth implements CompositeHealthContributor {

	static final Status DEGRADED = new Status("DEGRADED", "alerts are kept but this channel does not deliver them");

	private final Supplier<List<ChannelStatus>> statuses;

	private final Runnable reconnect;

	/**
	 * @param reconnect asked to connect again when MQTT is found disconnected (queued on
	 * the channel's thread, never waited for)
	 */
	AlertChannelsHealth(Supplier<List<ChannelStatus>> statuses, Runnable reconnect) {
		this.statuses = statuses;
		this.reconnect = reconnect;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return indicators().get(name);
	}

	@Override
	public Iterator<NamedContributor<HealthContributor>> iterator() {
		return indicators().entrySet()
			.stream()
			.map((entry) -> NamedContributor.of(entry.getKey(), entry.getValue()))
			.iterator();
	}

	private Map<String, HealthContributor> indicators() {
		Map<String, HealthContributor> indicators = new LinkedHashMap<>();
		for (ChannelStatus status : this.statuses.get()) {
			String name = status.channel();
			indicators.put(name, (HealthIndicator) () -> health(current(name)));
		}
		return indicators;
	}

	private ChannelStatus current(String name) {
		ChannelStatus status = this.statuses.get()
			.stream()
			.filter((s) -> s.channel().equals(name))
			.findFirst()
			.orElseThrow();
		if (Boolean.FALSE.equals(status.connected()) && status.enabled()) {
			this.reconnect.run();
		}
		return status;
	}

	/** A channel's health from its status. */
	static Health health(ChannelStatus status) {
		Health.Builder health;
		if (!status.enabled()) {
			health = Health.unknown().withDetail("reason", "not configured");
		}
		else if (Boolean.FALSE.equals(status.connected())) {
			health = Health.status(DEGRADED).withDetail("reason", "not connected to the broker");
		}
		else if (status.consecutiveFailures() > 0) {
			health = Health.status(DEGRADED)
				.withDetail("reason", status.consecutiveFailures() + " notification(s) in a row not delivered");
		}
		else {
			health = Health.up();
		}
		health.withDetail("enabled", status.enabled())
			.withDetail("delivered", status.delivered())
			.withDetail("failed", status.failed())
			.withDetail("dropped", status.dropped())
			.withDetail("queued", status.queued())
			.withDetail("consecutiveFailures", status.consecutiveFailures());
		if (status.connected() != null) {
			health.withDetail("connected", status.connected());
		}
		if (status.lastError() != null) {
			health.withDetail("lastError", status.lastError());
			health.withDetail("lastErrorAt", String.valueOf(status.lastErrorAt()));
		}
		return health.build();
	}

}
