package org.lantian.e2e;

import java.util.List;
import java.util.Map;

import org.lantian.infra.InfluxdProcess;

/**
 * What is really in one InfluxDB database, straight from its /query answer, for
 * assertions.
 */
final class InfluxAnswers {

	private final InfluxdProcess influxd;

	private final String database;

	InfluxAnswers(InfluxdProcess influxd, String database) {
		this.influxd = influxd;
		this.database = database;
	}

	/** The number a {@code SELECT count(..)} answers, 0 when there is no series. */
	long count(String influxQl) {
		return this.influxd.count(influxQl, this.database);
	}

	/** Every row, column name → value, with the series' tags merged in. */
	List<Map<String, Object>> rows(String influxQl) {
		return this.influxd.rows(influxQl, this.database);
	}

}
