package org.lantian.charts.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.TimeZone;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lantian.charts.Charts;
import org.lantian.storage.StorageUnavailableException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Sends yesterday's daily report of each configured city as a PNG attachment, on the
 * configured cron in the reporting zone. A failure is logged once per city and day; the
 * next day's run is not affected.
 */
final class DailyReportMailer implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(DailyReportMailer.class);

	private final Charts charts;

	private final DailyReportMailProperties properties;

	private final SmtpSettings smtp;

	private final Session session;

	private final Clock clock;

	private final ZoneId zone;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	DailyReportMailer(Charts charts, DailyReportMailProperties properties, SmtpSettings smtp, Clock clock,
			ZoneId zone) {
		this.charts = charts;
		this.properties = properties;
		this.smtp = smtp;
		this.clock = clock;
		this.zone = zone;
		Properties mail = new Properties();
		mail.put("mail.smtp.host", (smtp.host() != null) ? smtp.host() : "localhost");
		mail.put("mail.smtp.port", String.valueOf(smtp.port()));
		mail.put("mail.smtp.connectiontimeout", String.valueOf(smtp.timeout().toMillis()));
		mail.put("mail.smtp.timeout", String.valueOf(smtp.timeout().toMillis()));
		mail.put("mail.smtp.writetimeout", String.valueOf(smtp.timeout().toMillis()));
		mail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
		mail.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
		this.session = Session.getInstance(mail);
	}

	/** Starts the schedule. */
	void start() {
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix("daily-report-mail-");
		this.scheduler.initialize();
		this.scheduler.schedule(() -> sendFor(LocalDate.now(this.clock.withZone(this.zone)).minusDays(1)),
				new CronTrigger(this.properties.cron(), TimeZone.getTimeZone(this.zone)));
		LOG.info("Daily report e-mail scheduled '{}' ({}) for {} cities via {}", this.properties.cron(), this.zone,
				this.properties.recipients().size(), this.smtp.host());
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

	/**
	 * Sends the report of a date to every recipient; returns how many e-mails went out.
	 */
	int sendFor(LocalDate date) {
		int sent = 0;
		for (DailyReportMailProperties.Recipient recipient : this.properties.recipients()) {
			try {
				send(recipient, date);
				sent++;
			}
			catch (MessagingException | StorageUnavailableException | IllegalArgumentException ex) {
				LOG.warn("Daily report of {} for {} not sent to {}: {}", recipient.city(), date, recipient.emails(),
						ex.toString());
			}
		}
		return sent;
	}

	private void send(DailyReportMailProperties.Recipient recipient, LocalDate date) throws MessagingException {
		byte[] png = this.charts.dailyReport(recipient.city(), date, 1240);
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress(this.smtp.from()));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", recipient.emails())));
		message.setSubject("[Lantian] 空气质量日报 / daily report " + recipient.city() + " " + date,
				StandardCharsets.UTF_8.name());
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Daily air quality report of " + recipient.city() + " for " + date
				+ " (AQI, categories, primary pollutants, GB 3095 exceedances, alerts): see the attached PNG.\n",
				StandardCharsets.UTF_8.name());
		MimeBodyPart image = new MimeBodyPart();
		image.setDataHandler(new DataHandler(new ByteArrayDataSource(png, "image/png")));
		image.setFileName("daily-report-" + date + ".png");
		message.setContent(new MimeMultipart(text, image));
		if (this.smtp.username() != null) {
			Transport.send(message, this.smtp.username(), (this.smtp.password() != null) ? this.smtp.password() : "");
		}
		else {
			Transport.send(message);
		}
	}

}
