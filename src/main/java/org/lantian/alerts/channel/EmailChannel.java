package org.lantian.alerts.channel;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.lantian.alerts.AlertView;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.warnings.WarningView;

/**
 * Sends an alert change or a heavy-pollution warning notice as a plain-text e-mail over
 * SMTP (Jakarta Mail, Angus); warning notices in Chinese and English.
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
		send(to, subject(alert), body(alert));
	}

	void sendWarning(String to, WarningView warning) throws MessagingException {
		send(to, warningSubject(warning), warningBody(warning));
	}

	private void send(String to, String subject, String text) throws MessagingException {
		MimeMessage message = new MimeMessage(this.session);
		message.setFrom(new InternetAddress(this.settings.from()));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
		message.setSubject(subject, StandardCharsets.UTF_8.name());
		message.setText(text, StandardCharsets.UTF_8.name());
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

	/**
	 * {@code [Lantian] 包头市 橙色预警 raised (orange)}; an upgrade, downgrade or release names
	 * both levels ({@code (orange → none)}), a release the level released.
	 */
	static String warningSubject(WarningView warning) {
		String change = (warning.change() != null) ? warning.change() : "changed";
		String previous = warning.previousLevel();
		String levels = (previous == null || previous.equals("none")) ? warning.level()
				: previous + " → " + warning.level();
		return "[Lantian] " + warning.city() + " " + named(warning) + " " + change + " (" + levels + ")";
	}

	/** The level a notice is about: the new one, or for a release the one released. */
	private static String named(WarningView warning) {
		String previous = warning.previousLevel();
		return ("released".equals(warning.change()) && previous != null) ? WarningLevel.fromKey(previous).chinese()
				: warning.levelName();
	}

	/**
	 * The notice in Chinese and English: the level, the change, since when, the rule and
	 * the data that set it, and whether listed enterprises must cut now.
	 */
	static String warningBody(WarningView warning) {
		StringBuilder body = new StringBuilder(1024);
		String change = (warning.change() != null) ? warning.change() : "changed";
		body.append(warning.city())
			.append(' ')
			.append(named(warning))
			.append(' ')
			.append(changeInChinese(change))
			.append(" / ")
			.append(warning.city())
			.append(" heavy-pollution warning ")
			.append(change)
			.append(", level ")
			.append(warning.level())
			.append("\n\n");
		line(body, "预警 Warning", warning.id());
		line(body, "级别 Level", warning.levelName() + " (" + warning.level() + ")");
		String previous = warning.previousLevel();
		line(body, "变化 Change",
				changeInChinese(change) + " " + change
						+ ((previous != null) ? " (" + WarningLevel.fromKey(previous).chinese() + " " + previous + " → "
								+ warning.levelName() + " " + warning.level() + ")" : ""));
		line(body, "变化时间 Changed at", (warning.changedAt() != null) ? warning.changedAt().toString() : null);
		line(body, "起始 Since", (warning.since() != null) ? warning.since().toString() : null);
		line(body, "过程开始 Episode start", (warning.episodeStart() != null) ? warning.episodeStart().toString() : null);
		line(body, "方案 Scheme", warning.scheme());
		line(body, "规则 Rule", warning.rule());
		if (!warning.data().isEmpty()) {
			body.append("数据 Data:\n");
			for (WarningView.Day day : warning.data()) {
				body.append("  ")
					.append(day.date())
					.append(" AQI ")
					.append(day.aqi())
					.append(" (")
					.append("forecast".equals(day.source()) ? "预报" : "observed".equals(day.source()) ? "实况" : "")
					.append(' ')
					.append(day.source())
					.append((day.driver() != null) ? ", " + day.driver() : "")
					.append(")\n");
			}
		}
		line(body, "驱动 Driver", warning.driver());
		line(body, "应急减排 Emergency reduction demanded", warning.emergencyReduction() ? "是 yes" : "否 no");
		if (warning.jointZone() != null) {
			line(body, "联防联控 Joint zone",
					warning.jointZone().zone() + " (牵头 led by " + warning.jointZone().leader() + ")");
		}
		line(body, "预报发布 Forecast issued",
				(warning.forecastIssued() != null) ? warning.forecastIssued().toString() : null);
		line(body, "说明 Reason", warning.reason());
		return body.toString();
	}

	private static String changeInChinese(String change) {
		return switch (change) {
			case "raised" -> "发布";
			case "upgraded" -> "升级";
			case "downgraded" -> "降级";
			case "released" -> "解除";
			default -> "变化";
		};
	}

	private static void line(StringBuilder body, String label, @Nullable String value) {
		if (value != null) {
			body.append(label).append(": ").append(value).append('\n');
		}
	}

}
