package org.lantian.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lantian.infra.InfluxdProcess;

/**
 * Reads what is really in InfluxDB, straight from its /query answer, for assertions.
 */
final class InfluxAnswers {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final InfluxdProcess influxd;

	private final String database;

	InfluxAnswers(InfluxdProcess influxd, String database) {
		this.influxd = influxd;
		this.database = database;
	}

	/**
	 * The single number a {@code SELECT count(..)} answers, 0 when there is no series.
	 */
	long count(String influxQl) {
		List<Map<String, Object>> rows = rows(influxQl);
		if (rows.isEmpty()) {
			return 0;
		}
		return rows.stream().mapToLong((row) -> ((Number) row.get("count")).longValue()).sum();
	}

	/**
	 * Every row of every series, column name → value, with the series' tags merged in.
	 */
	List<Map<String, Object>> rows(String influxQl) {
		JsonNode answer;
		try {
			answer = JSON.readTree(this.influxd.query(influxQl, this.database));
		}
		catch (Exception ex) {
			throw new IllegalStateException("unreadable InfluxDB answer to " + influxQl, ex);
		}
		JsonNode result = answer.path("results").path(0);
		if (result.has("error")) {
			throw new IllegalStateException(influxQl + ": " + result.get("error").asText());
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (JsonNode series : result.path("series")) {
			List<String> columns = new ArrayList<>();
			series.path("columns").forEach((column) -> columns.add(column.asText()));
			for (JsonNode values : series.path("values")) {
				Map<String, Object> row = new LinkedHashMap<>();
				series.path("tags").fields().forEachRemaining((tag) -> row.put(tag.getKey(), tag.getValue().asText()));
				for (int i = 0; i < columns.size(); i++) {
					JsonNode value = values.get(i);
					row.put(columns.get(i),
							value.isNull() ? null : value.isNumber() ? value.numberValue() : value.asText());
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
