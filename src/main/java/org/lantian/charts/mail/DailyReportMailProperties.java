package org.lantian.charts.mail;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily report by e-mail ({@code lantian.charts.daily-report}); off unless
 * {@code enabled}.
 *
 * @param cron when to send, in the reporting zone; the report is of the day before
 * @param recipients who gets which city's report
 */
@Validated
@ConfigurationProperties("lantian.charts.daily-report")
record DailyReportMailProperties(@DefaultValue("false") boolean enabled, @DefaultValue("0 30 9 * * *") String cron,
		@DefaultValue List<@Valid Recipient> recipients) {

	DailyReportMailProperties {
		recipients = List.copyOf(recipients);
	}

	/** A city and the addresses its report goes to. */
	record Recipient(@NotBlank String city, @NotEmpty List<@NotBlank String> emails) {

		Recipient {
			emails = List.copyOf(emails);
		}

	}

}
