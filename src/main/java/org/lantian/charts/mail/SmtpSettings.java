package org.lantian.charts.mail;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server of the alerts' e-mail channel, read from the same keys
 * ({@code lantian.alerts.email.*}; the password only from the environment,
 * {@code LANTIAN_ALERTS_EMAIL_PASSWORD}). Other keys under the prefix are ignored here.
 */
@ConfigurationProperties("lantian.alerts.email")
record SmtpSettings(@Nullable String host, @DefaultValue("25") int port, @DefaultValue("lantian@localhost") String from,
		@Nullable String username, @Nullable String password, @DefaultValue("false") boolean starttls,
		@DefaultValue("10s") Duration timeout) {

	@Override
	public String toString() {
		return "SmtpSettings[host=" + this.host + ", port=" + this.port + ", from=" + this.from + ", username="
				+ this.username + ", password=" + ((this.password != null) ? "***" : null) + "]";
	}

}
