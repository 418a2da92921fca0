package org.lantian.alerts.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs JSON to a webhook: an alert change as the alert resource (header
 * {@code X-Lantian-Alert-Change}), a warning notice as the warning resource with
 * {@code "type": "warning"} (header {@code X-Lantian-Warning-Change}). Any answer but 2xx
 * is a failure (and is retried by the channel's worker).
 */
final class WebhookChannel {

	private final HttpClient http;

	private final Duration timeout;

	WebhookChannel(Duration timeout) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.timeout = timeout;
	}

	void post(String url, String change, byte[] json) throws IOException, InterruptedException {
		send(url, "X-Lantian-Alert-Change", change, json);
	}

	void postWarning(String url, String change, byte[] json) throws IOException, InterruptedException {
		send(url, "X-Lantian-Warning-Change", change, json);
	}

	private void send(String url, String header, String change, byte[] json) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header(header, change)
			.POST(HttpRequest.BodyPublishers.ofByteArray(json))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String body = response.body();
			throw new IOException("HTTP " + response.statusCode() + " from " + url + ": "
					+ ((body.length() > 200) ? body.substring(0, 200) + "…" : body));
		}
	}

}
