package org.lantian.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.lantian.infra.LocalSmtp;

/**
 * The far ends of the webhook and e-mail channels, real and in the test's JVM: an HTTP
 * receiver that keeps every JSON body POSTed to {@code /hook}, and an SMTP server
 * (GreenMail). Both listen on free loopback ports from construction to {@link #stop}.
 */
final class AlertReceivers {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final GreenMail smtp = LocalSmtp.start();

	private final List<JsonNode> webhook = new CopyOnWriteArrayList<>();

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
				this.webhook.add(JSON.readTree(body));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	String webhookUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
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
