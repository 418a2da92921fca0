package org.lantian.charts.mail;

import java.time.Clock;
import java.time.ZoneId;

import org.lantian.charts.Charts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily report e-mail, when {@code lantian.charts.daily-report.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lantian.charts.daily-report.enabled", havingValue = "true")
class DailyReportMailConfiguration {

	@Bean
	DailyReportMailer dailyReportMailer(Charts charts, DailyReportMailProperties properties, SmtpSettings smtp,
			Clock clock, ZoneId zone) {
		if (smtp.host() == null || smtp.host().isBlank()) {
			throw new IllegalStateException(
					"lantian.charts.daily-report.enabled=true needs an SMTP server: set lantian.alerts.email.host");
		}
		DailyReportMailer mailer = new DailyReportMailer(charts, properties, smtp, clock, zone);
		mailer.start();
		return mailer;
	}

}
