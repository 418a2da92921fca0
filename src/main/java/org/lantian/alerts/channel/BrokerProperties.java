package org.lantian.alerts.channel;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broker the ingest uses (INTERFACES §1, {@code lantian.mqtt.*}), which the MQTT
 * channel publishes to as well.
 */
@ConfigurationProperties("lantian.mqtt")
record BrokerProperties(@DefaultValue("tcp://127.0.0.1:1883") String url, @Nullable String username,
		@Nullable String password, @DefaultValue("lantian-ingest") String clientId) {

	@Override
	public String toString() {
		return "BrokerProperties[url=" + this.url + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "***" : null) + ", clientId=" + this.clientId + "]";
	}

}
