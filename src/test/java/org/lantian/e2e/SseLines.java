package org.lantian.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a Server-Sent Events stream of Lantian's API on a daemon thread, as a dashboard
 * would, keeping every line it receives.
 */
final class SseLines {

	private SseLines() {
	}

	/** Starts reading {@code url} with the API key; lines go to {@code lines}. */
	static Thread read(String url, String key, List<String> lines) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + key)
			.header("Accept", "text/event-stream")
			.build();
		Thread thread = new Thread(() -> {
			try {
				HttpResponse<InputStream> response = HttpClient.newHttpClient()
					.send(request, HttpResponse.BodyHandlers.ofInputStream());
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					for (String line = reader.readLine(); line != null; line = reader.readLine()) {
						lines.add(line);
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				// the test is over
			}
		}, "sse-reader");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
