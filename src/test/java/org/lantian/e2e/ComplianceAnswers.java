package org.lantian.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the answers of the emergency-reduction end-to-end tests: an enterprise and a
 * pollutant of a compliance report, and the emergency-reduction alerts.
 */
final class ComplianceAnswers {

	private ComplianceAnswers() {
	}

	/** The report's entry of an enterprise. */
	static JsonNode enterprise(JsonNode report, String id) {
		for (JsonNode enterprise : report.path("enterprises")) {
			if (enterprise.path("enterprise").asText().equals(id)) {
				return enterprise;
			}
		}
		throw new AssertionError("no enterprise " + id + " in " + report);
	}

	/** An enterprise entry's pollutant. */
	static JsonNode pollutant(JsonNode enterprise, String key) {
		for (JsonNode pollutant : enterprise.path("pollutants")) {
			if (pollutant.path("pollutant").asText().equals(key)) {
				return pollutant;
			}
		}
		throw new AssertionError("no pollutant " + key + " in " + enterprise);
	}

	/**
	 * The {@code emergency-reduction} alerts of {@code GET /api/v1/alerts} with the given
	 * query ({@code ""} or e.g. {@code "?status=open"}).
	 */
	static List<JsonNode> reductionAlerts(ApiClient api, String key, String query) {
		List<JsonNode> found = new ArrayList<>();
		api.get("/api/v1/alerts" + query, key).json().forEach((alert) -> {
			if (alert.path("rule").asText().equals("emergency-reduction")) {
				found.add(alert);
			}
		});
		return found;
	}

}
