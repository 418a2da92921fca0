package org.lantian.charts.mail;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.charts.Charts;
import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.infra.LocalSmtp;
import org.lantian.storage.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report goes out as a PNG attachment over a real SMTP server (GreenMail, in
 * process), one e-mail per configured city; a city that cannot be drawn does not stop the
 * others.
 */
class DailyReportMailerTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3 };

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	GreenMail smtp;

	@BeforeEach
	void start() {
		this.smtp = LocalSmtp.start();
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void sendsEachCitysReportAsAPngAttachment() throws Exception {
		DailyReportMailProperties properties = new DailyReportMailProperties(true, "0 30 9 * * *",
				List.of(new DailyReportMailProperties.Recipient("包头市",
						List.of("duty@baotou.test", "chief@baotou.test")),
						new DailyReportMailProperties.Recipient("Atlantis", List.of("nobody@atlantis.test"))));
		SmtpSettings settings = new SmtpSettings("127.0.0.1", this.smtp.getSmtp().getPort(), "lantian@bureau.test",
				null, null, false, Duration.ofSeconds(5));
		DailyReportMailer mailer = new DailyReportMailer(new OneCityCharts(), properties, settings,
				Clock.fixed(Instant.parse("2026-03-11T01:30:00Z"), ZONE), ZONE);

		int sent = mailer.sendFor(LocalDate.of(2026, 3, 10));

		assertThat(sent).isEqualTo(1);
		MimeMessage[] received = this.smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("[Lantian] 空气质量日报 / daily report 包头市 2026-03-10");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("lantian@bureau.test");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("daily-report-2026-03-10.png");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("image/png");
		ByteArrayOutputStream attachment = new ByteArrayOutputStream();
		parts.getBodyPart(1).getDataHandler().writeTo(attachment);
		assertThat(attachment.toByteArray()).isEqualTo(PNG);
	}

	/** Draws a report for 包头市 only; any other city is unknown. */
	static final class OneCityCharts implements Charts {

		@Override
		public byte[] dailyReport(String city, LocalDate date, int width) {
			if (!city.equals("包头市")) {
				throw new IllegalArgumentException("no city " + city);
			}
			return PNG;
		}

		@Override
		public byte[] siteSeries(Site site, Measurand key, Instant from, Instant to, Step step, int width, int height) {
			throw new UnsupportedOperationException();
		}

		@Override
		public byte[] aqiCalendar(String city, int year, int width, int height) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean chineseLabels() {
			return false;
		}

	}

}
