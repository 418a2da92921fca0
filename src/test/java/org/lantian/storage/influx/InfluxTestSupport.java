package org.lantian.storage.influx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.infra.InfluxdProcess;
import org.lantian.ingest.Rejections;

/**
 * Builds writers against a real influxd and reads its answers for assertions.
 */
final class InfluxTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	private InfluxTestSupport() {
	}

	/** Production defaults, but a short backoff so that tests see replays soon. */
	static InfluxProperties properties(String url, String database) {
		return new InfluxProperties(url, database, null, null, 5000, Duration.ofMillis(50), 200_000,
				Duration.ofSeconds(2), new InfluxProperties.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
				Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	static Spool spool(Path dir) {
		try {
			return Spool.open(dir, Long.MAX_VALUE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A started writer; the caller closes it. */
	static BatchingWriter startWriter(InfluxProperties properties, InfluxHttp influx, Spool spool,
			Rejections rejections, MeterRegistry meters) {
		BatchingWriter writer = new BatchingWriter(properties, influx, spool, StorageTestData.catalogue(), rejections,
				meters, Clock.systemUTC());
		writer.start();
		return writer;
	}

	/**
	 * Every row of the first statement's series, column → value (numbers as BigDecimal),
	 * tags merged in.
	 */
	static List<Map<String, Object>> rows(InfluxdProcess influxd, String database, String influxQl) {
		JsonNode answer;
		try {
			answer = JSON.readTree(influxd.query(influxQl, database));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
					row.put(columns.get(i), value(values.path(i)));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * The sum of the {@code count} column of a {@code SELECT count(..)}, 0 without
	 * series.
	 */
	static long count(InfluxdProcess influxd, String database, String influxQl) {
		return rows(influxd, database, influxQl).stream()
			.mapToLong((row) -> ((BigDecimal) row.get("count")).longValueExact())
			.sum();
	}

	/** The values of one column of every row, as text. */
	static List<String> column(InfluxdProcess influxd, String database, String influxQl, String column) {
		return rows(influxd, database, influxQl).stream().map((row) -> String.valueOf(row.get(column))).toList();
	}

	private static Object value(JsonNode node) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isNumber()) {
			return new BigDecimal(node.asText());
		}
		return node.asText();
	}

}
