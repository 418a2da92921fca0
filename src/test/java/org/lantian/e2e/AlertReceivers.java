package org.lantian.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.lantian.infra.LocalSmtp;

/**
 * The far ends of the webhook and e-mail channels, real and in the test's JVM: an HTTP
 * receiver that keeps every JSON body POSTed to {@code /hook} (or to a path under it, to
 * tell several routes apart), and an SMTP server (GreenMail). Both listen on free
 * loopback ports from construction to {@link #stop}.
 */
final class AlertReceivers {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final GreenMail smtp = LocalSmtp.start();

	private final List<JsonNode> webhook = new CopyOnWriteArrayList<>();

	private final Map<String, List<JsonNode>> byPath = new ConcurrentHashMap<>();

	private final HttpServer receiver;

	AlertReceivers() {
		try {
			this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.receiver.createContext("/hook", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				JsonNode json = JSON.readTree(body);
				this.webhook.add(json);
				this.byPath.computeIfAbsent(exchange.getRequestURI().getPath(), (path) -> new CopyOnWriteArrayList<>())
					.add(json);
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	String webhookUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
	}

	/** The URL of {@code /hook/<name>}. */
	String webhookUrl(String name) {
		return webhookUrl() + "/" + name;
	}

	/** The bodies POSTed so far to {@code /hook/<name>}, in arrival order. */
	List<JsonNode> webhook(String name) {
		return this.byPath.getOrDefault("/hook/" + name, List.of());
	}

	/** The e-mails received so far addressed to {@code to}, in arrival order. */
	List<MimeMessage> mailsTo(String to) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage mail : mails()) {
			try {
				for (Address address : mail.getAllRecipients()) {
					if (address.toString().equals(to)) {
						found.add(mail);
					}
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	int smtpPort() {
		return this.smtp.getSmtp().getPort();
	}

	/** The bodies POSTed so far, in arrival order. */
	List<JsonNode> webhook() {
		return this.webhook;
	}

	/** The e-mails received so far, in arrival order. */
	MimeMessage[] mails() {
		return this.smtp.getReceivedMessages();
	}

	void stop() {
		this.smtp.stop();
		this.receiver.stop(0);
	}

}
