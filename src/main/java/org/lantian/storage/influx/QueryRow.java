package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.influxdb.dto.QueryResult;
import org.jspecify.annotations.Nullable;

/**
 * One row of an InfluxQL result, by column name, with the tags of its series (for
 * {@code GROUP BY} tag queries); times are epoch milliseconds (every query asks for
 * them).
 */
record QueryRow(Map<String, String> tags, List<String> columns, List<Object> values) {

	/** Every row of every series of a statement's result, in order. */
	static List<QueryRow> of(QueryResult.Result result) {
		if (result.getSeries() == null) {
			return List.of();
		}
		List<QueryRow> rows = new ArrayList<>();
		for (QueryResult.Series series : result.getSeries()) {
			if (series.getValues() == null) {
				continue;
			}
			Map<String, String> tags = (series.getTags() != null) ? series.getTags() : Map.of();
			for (List<Object> values : series.getValues()) {
				rows.add(new QueryRow(tags, series.getColumns(), values));
			}
		}
		return rows;
	}

	Instant time() {
		Object time = get("time");
		if (!(time instanceof Number number)) {
			throw new IllegalStateException("InfluxDB row without a numeric time: " + this.values);
		}
		return Instant.ofEpochMilli(number.longValue());
	}

	@Nullable BigDecimal decimal(String column) {
		Object value = get(column);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number)) {
			throw new IllegalStateException("InfluxDB column " + column + " is not a number: " + value);
		}
		return decimal(number.doubleValue());
	}

	@Nullable String text(String column) {
		Object value = get(column);
		return (value != null) ? value.toString() : null;
	}

	boolean isTrue(String column) {
		return Boolean.TRUE.equals(get(column));
	}

	@Nullable String tag(String key) {
		return this.tags.get(key);
	}

	private @Nullable Object get(String column) {
		int index = this.columns.indexOf(column);
		return (index >= 0 && index < this.values.size()) ? this.values.get(index) : null;
	}

	// The shortest decimal that reads back to the same double: what was written, for
	// values InfluxDB keeps exactly in a float64.
	private static BigDecimal decimal(double value) {
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		return (decimal.scale() < 0) ? decimal.setScale(0) : decimal;
	}

}
