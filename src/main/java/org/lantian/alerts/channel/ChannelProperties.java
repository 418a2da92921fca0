package org.lantian.alerts.channel;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notification channels and routes ({@code lantian.alerts.routes},
 * {@code lantian.alerts.mqtt}, {@code lantian.alerts.webhook},
 * {@code lantian.alerts.email}).
 */
@Validated
@ConfigurationProperties("lantian.alerts")
record ChannelProperties(@DefaultValue List<@Valid RouteProperties> routes, @DefaultValue @Valid Mqtt mqtt,
		@DefaultValue @Valid Webhook webhook, @DefaultValue @Valid Email email) {

	/**
	 * One route: who gets which alerts and warning notices, and where.
	 *
	 * @param name a label for logs
	 * @param role bureau, enterprise, emergency or admin
	 * @param enterprise for the enterprise role: the enterprise whose sites' alerts it
	 * gets (and no others)
	 * @param cities only alerts of these cities (all if empty)
	 * @param minSeverity only alerts at least this severe (low, medium, high, critical)
	 * @param changes only these changes (raised, escalated, acknowledged, resolved; all
	 * if empty)
	 * @param webhooks URLs that get a JSON POST of the alert
	 * @param emails addresses that get an e-mail
	 * @param warnings whether the route also takes heavy-pollution warning notices
	 * (raised, upgraded, downgraded, released) of its cities; an enterprise route only of
	 * the cities whose emergency reduction list names its enterprise. Severity and
	 * changes do not filter them.
	 */
	record RouteProperties(@Nullable String name, @NotBlank String role, @Nullable String enterprise,
			@DefaultValue List<String> cities, @DefaultValue("low") String minSeverity,
			@DefaultValue List<String> changes, @DefaultValue List<String> webhooks, @DefaultValue List<String> emails,
			@DefaultValue("true") boolean warnings) {
	}

	/**
	 * Retries and queue of one channel.
	 *
	 * @param capacity notifications waiting at most; more are dropped and counted
	 * @param attempts tries per notification
	 * @param backoff the pause after the first failed try, doubled after each further one
	 * up to {@code maxBackoff}
	 */
	record Delivery(@DefaultValue("1000") @Min(1) int capacity, @DefaultValue("4") @Min(1) int attempts,
			@DefaultValue("1s") @NotNull Duration backoff, @DefaultValue("30s") @NotNull Duration maxBackoff) {
	}

	/**
	 * @param clientId the MQTT client id; by default the ingest's
	 * ({@code lantian.mqtt.client-id}) with {@code -alerts} appended
	 * @param topicPrefix alerts go to {@code <topicPrefix>/<siteId>}
	 * @param warningTopicPrefix heavy-pollution warning notices go to
	 * {@code <warningTopicPrefix>/<city>} (INTERFACES §3.3)
	 */
	record Mqtt(@DefaultValue("true") boolean enabled, @Nullable String clientId,
			@DefaultValue("lantian/v1/alerts") @NotBlank String topicPrefix,
			@DefaultValue("lantian/v1/warnings") @NotBlank String warningTopicPrefix,
			@DefaultValue @Valid Delivery delivery) {
	}

	/**
	 * @param timeout for connecting and for the answer
	 */
	record Webhook(@DefaultValue("10s") @NotNull Duration timeout, @DefaultValue @Valid Delivery delivery) {
	}

	/**
	 * SMTP; off unless {@code host} is set. The password comes from the environment only
	 * ({@code LANTIAN_ALERTS_EMAIL_PASSWORD}).
	 */
	record Email(@Nullable String host, @DefaultValue("25") int port, @DefaultValue("lantian@localhost") String from,
			@Nullable String username, @Nullable String password, @DefaultValue("false") boolean starttls,
			@DefaultValue("10s") @NotNull Duration timeout, @DefaultValue @Valid Delivery delivery) {

		boolean isEnabled() {
			return this.host != null && !this.host.isBlank();
		}

		@Override
		public String toString() {
			return "Email[host=" + this.host + ", port=" + this.port + ", from=" + this.from + ", username="
					+ this.username + ", password=" + ((this.password != null) ? "***" : null) + "]";
		}

	}

}
