package org.lantian.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls Lantian's REST API as a device or a user would: over HTTP with an API key.
 */
final class ApiClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	Answer get(String path, String key) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET(), key);
	}

	Answer get(String path, String key, String accept) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", accept).GET(), key);
	}

	Answer post(String path, String key, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), key);
	}

	private Answer send(HttpRequest.Builder request, String key) {
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			return new Answer(response.statusCode(), contentType, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON: " + this.body, ex);
			}
		}

	}

}
