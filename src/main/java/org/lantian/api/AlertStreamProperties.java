package org.lantian.api;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The alert stream's settings ({@code lantian.alerts.stream.*}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * and a dead client is noticed
 * @param queue alert changes waiting for one subscriber at most; a subscriber that falls
 * further behind is dropped (it may reconnect)
 * @param timeout how long one stream lasts before the server closes it (clients
 * reconnect, as SSE clients do)
 * @param maxSubscribers streams open at once at most; more are refused with 503
 */
@Validated
@ConfigurationProperties("lantian.alerts.stream")
record AlertStreamProperties(@DefaultValue("15s") @NotNull Duration heartbeat, @DefaultValue("256") @Min(1) int queue,
		@DefaultValue("1h") @NotNull Duration timeout, @DefaultValue("100") @Min(1) int maxSubscribers) {
}
