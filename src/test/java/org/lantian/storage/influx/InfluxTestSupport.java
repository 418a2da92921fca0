package org.lantian.storage.influx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.infra.InfluxdProcess;
import org.lantian.ingest.Rejections;

/**
 * Builds writers against a real influxd and reads its answers for assertions.
 */
final class InfluxTestSupport {

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

	/** See {@link InfluxdProcess#rows}. */
	static List<Map<String, Object>> rows(InfluxdProcess influxd, String database, String influxQl) {
		return influxd.rows(influxQl, database);
	}

	/**
	 * The sum of the {@code count} column of a {@code SELECT count(..)}, 0 without
	 * series.
	 */
	static long count(InfluxdProcess influxd, String database, String influxQl) {
		return influxd.count(influxQl, database);
	}

	/** The values of one column of every row, as text. */
	static List<String> column(InfluxdProcess influxd, String database, String influxQl, String column) {
		return rows(influxd, database, influxQl).stream().map((row) -> String.valueOf(row.get(column))).toList();
	}

}
