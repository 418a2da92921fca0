package org.lantian.ingest.mqtt;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MQTT ingest connection (INTERFACES §1, §3). The password comes from the environment
 * only ({@code LANTIAN_MQTT_PASSWORD}); never put it in a file.
 *
 * @param url the broker, {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId fixed, so that the broker keeps our persistent session across restarts;
 * unique per instance
 * @param sharedGroup when set, subscribe through the shared subscription
 * {@code $share/<group>/...}, so that several instances share the readings
 * @param topicPrefix readings arrive on {@code <topicPrefix>/readings/<siteId>}, HJ 212
 * frames on {@code <topicPrefix>/hj212/<MN>}
 * @param enabled whether to subscribe at all
 * @param reconnectBackoffMax the longest wait between two connection attempts
 * @param maxInflight Paho's limit of our own unacknowledged outgoing messages; only the
 * HJ 212 replies (INTERFACES §3.2) count
 * @param keepAlive the MQTT keep-alive interval
 * @param drainTimeout how long a shutdown waits for readings in flight to become durable
 * and be acknowledged
 */
@Validated
@ConfigurationProperties("lantian.mqtt")
record MqttProperties(@DefaultValue("tcp://127.0.0.1:1883") @NotBlank String url, @Nullable String username,
		@Nullable String password, @DefaultValue("lantian-ingest") @NotBlank String clientId,
		@Nullable @Pattern(regexp = "[^/+#]+", message = "must not contain '/', '+' or '#'") String sharedGroup,
		@DefaultValue("lantian/v1") @NotBlank @Pattern(regexp = "[^+#]*[^/+#]",
				message = "must not contain '+' or '#' nor end with '/'") String topicPrefix,
		@DefaultValue("true") boolean enabled, @DefaultValue("60s") @NotNull Duration reconnectBackoffMax,
		@DefaultValue("1000") @Min(1) @Max(65535) int maxInflight, @DefaultValue("30s") @NotNull Duration keepAlive,
		@DefaultValue("10s") @NotNull Duration drainTimeout) {

	/** The topic filter we subscribe to: {@code [$share/<group>/]<prefix>/readings/+}. */
	String subscription() {
		return shared(readingsTopicPrefix() + "+");
	}

	/**
	 * The topic filter of HJ 212 frames: {@code [$share/<group>/]<prefix>/hj212/+}; the
	 * {@code +} matches one level only, so never the replies on
	 * {@code <prefix>/hj212/<MN>/reply}.
	 */
	String hj212Subscription() {
		return shared(hj212TopicPrefix() + "+");
	}

	/** Every HJ 212 topic starts with this: {@code <prefix>/hj212/}. */
	String hj212TopicPrefix() {
		return this.topicPrefix + "/hj212/";
	}

	private String shared(String filter) {
		return (this.sharedGroup != null && !this.sharedGroup.isBlank()) ? "$share/" + this.sharedGroup + "/" + filter
				: filter;
	}

	/** Every readings topic starts with this: {@code <prefix>/readings/}. */
	String readingsTopicPrefix() {
		return this.topicPrefix + "/readings/";
	}

	@Override
	public String toString() {
		return "MqttProperties[url=" + this.url + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "***" : null) + ", clientId=" + this.clientId + ", sharedGroup="
				+ this.sharedGroup + ", topicPrefix=" + this.topicPrefix + ", enabled=" + this.enabled + "]";
	}

}
