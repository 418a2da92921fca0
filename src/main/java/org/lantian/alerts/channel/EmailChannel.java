package org.lantian.alerts.channel;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.lantian.alerts.AlertView;

/**
 * Sends an alert change as a plain-text e-mail over SMTP (Jakarta Mail, Angus).
 */
final class EmailChannel {

	private final Session session;

	private final ChannelProperties.Email settings;

	EmailChannel(ChannelProperties.Email settings) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", settings.host());
		properties.put("mail.smtp.port", String.valueOf(settings.port()));
		properties.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeout().toMillis()));
		properties.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
		properties.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
		properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
		properties.put("mail.smtp.auth", String.valueOf(settings.username() != null));
		this.session = Session.getInstance(properties);
		this.settings = settings;
	}

	void send(String to, AlertView alert) throws MessagingException {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress(this.settings.from()));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
		message.setSubject(subject(alert), StandardCharsets.UTF_8.name());
		message.setText(body(alert), StandardCharsets.UTF_8.name());
		if (this.settings.username() != null) {
			Transport.send(message, this.settings.username(),
					(this.settings.password() != null) ? this.settings.password() : "");
		}
		else {
			Transport.send(message);
		}
	}

	static String subject(AlertView alert) {
		return "[Lantian] " + alert.severity().toUpperCase(java.util.Locale.ROOT) + " alert " + alert.change() + ": "
				+ alert.rule() + " at " + alert.site() + " (" + alert.key() + ")";
	}

	static String body(AlertView alert) {
		StringBuilder body = new StringBuilder(512);
		body.append(alert.message()).append("\n\n");
		line(body, "Alert", alert.id());
		line(body, "Change", alert.change());
		line(body, "Status", alert.status());
		line(body, "Severity", alert.severity());
		line(body, "Rule", alert.rule());
		line(body, "Site", alert.site());
		line(body, "City", alert.city());
		line(body, "Key", alert.key());
		line(body, "Value", (alert.value() != null) ? alert.value().toPlainString() : null);
		line(body, "Threshold", (alert.threshold() != null) ? alert.threshold().toPlainString() : null);
		line(body, "Raised at", alert.raisedAt().toString());
		line(body, "Updated at", alert.updatedAt().toString());
		line(body, "Acknowledged by", alert.acknowledgedBy());
		line(body, "Resolved by", alert.resolvedBy());
		AlertView.Entry last = alert.history().get(alert.history().size() - 1);
		line(body, "Comment", last.comment());
		return body.toString();
	}

	private static void line(StringBuilder body, String label, @org.jspecify.annotations.Nullable String value) {
		if (value != null) {
			body.append(label).append(": ").append(value).append('\n');
		}
	}

}
