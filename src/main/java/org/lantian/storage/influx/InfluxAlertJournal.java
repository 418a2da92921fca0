package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.influxdb.dto.QueryResult;
import org.jspecify.annotations.Nullable;
import org.lantian.storage.AlertJournal;
import org.lantian.storage.AlertRecord;
import org.lantian.storage.StorageUnavailableException;

/**
 * The alert journal in InfluxDB: measurement {@code alert_event}, one point per change,
 * stamped with the change's time, tagged {@code alert} (id), {@code change},
 * {@code rule}, {@code site} (the subject) and {@code key}; fields {@code seq},
 * {@code status}, {@code severity}, {@code by}, {@code comment}, {@code raised_at} (epoch
 * ms), {@code value}, {@code threshold}, {@code message}, {@code city},
 * {@code enterprise}.
 * <p>
 * The series of a point is its alert and change, so two changes of one alert overwrite
 * each other only if they are of the same kind in the same millisecond; the lifecycle
 * never does that within a millisecond but an escalation could, and then the later one
 * (with the higher {@code seq}) wins, which is what a reader wants anyway.
 */
final class InfluxAlertJournal implements AlertJournal {

	static final String MEASUREMENT = "alert_event";

	/** Alert ids per query when fetching the changes of several alerts. */
	private static final int IDS_PER_QUERY = 100;

	private final InfluxHttp influx;

	InfluxAlertJournal(InfluxHttp influx) {
		this.influx = influx;
	}

	@Override
	public void append(List<AlertRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		StringBuilder lines = new StringBuilder(records.size() * 300);
		for (AlertRecord record : records) {
			lines.append(encode(record)).append('\n');
		}
		try {
			this.influx.write(lines.toString());
		}
		catch (InfluxWriteException ex) {
			throw new StorageUnavailableException("InfluxDB refused alert changes: " + ex.getMessage(), ex);
		}
	}

	static String encode(AlertRecord record) {
		StringBuilder line = new StringBuilder(300);
		line.append(LineProtocol.measurement(MEASUREMENT))
			.append(",alert=")
			.append(LineProtocol.key(record.alert()))
			.append(",change=")
			.append(LineProtocol.key(record.change()))
			.append(",key=")
			.append(LineProtocol.key(record.key()))
			.append(",rule=")
			.append(LineProtocol.key(record.rule()))
			.append(",site=")
			.append(LineProtocol.key(record.subject()))
			.append(" seq=")
			.append(record.seq())
			.append("i,status=")
			.append(text(record.status()))
			.append(",severity=")
			.append(text(record.severity()))
			.append(",by=")
			.append(text(record.by()))
			.append(",raised_at=")
			.append(record.raisedAt().toEpochMilli())
			.append("i,message=")
			.append(text(record.message()));
		optional(line, "comment", record.comment());
		optional(line, "city", record.city());
		optional(line, "enterprise", record.enterprise());
		number(line, "value", record.value());
		number(line, "threshold", record.threshold());
		return line.append(' ').append(record.at().toEpochMilli()).toString();
	}

	private static String text(String value) {
		// InfluxDB 1.x line protocol cannot carry a line break, even in a string field
		return LineProtocol.stringField(value.replace('\n', ' ').replace('\r', ' '));
	}

	private static void optional(StringBuilder line, String field, @Nullable String value) {
		if (value != null) {
			line.append(',').append(field).append('=').append(text(value));
		}
	}

	private static void number(StringBuilder line, String field, @Nullable BigDecimal value) {
		if (value != null) {
			line.append(',').append(field).append('=').append(value.toPlainString());
		}
	}

	@Override
	public List<AlertRecord> unresolved() {
		List<String> ids = new ArrayList<>();
		for (QueryRow row : rows(InfluxQl.alertStatuses(MEASUREMENT))) {
			String id = row.tag("alert");
			if (id != null && !"resolved".equals(row.text("status"))) {
				ids.add(id);
			}
		}
		List<AlertRecord> records = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			records.addAll(read(rows(InfluxQl.alertChanges(MEASUREMENT, chunk))));
		}
		return sorted(records);
	}

	@Override
	public List<AlertRecord> raisedBetween(Instant from, Instant to) {
		return sorted(read(rows(InfluxQl.alertsRaisedBetween(MEASUREMENT, from, to))));
	}

	@Override
	public List<AlertRecord> alert(String id) {
		return sorted(read(rows(InfluxQl.alertChanges(MEASUREMENT, List.of(id)))));
	}

	private List<QueryRow> rows(String query) {
		List<QueryResult.Result> results = this.influx.query(query);
		return results.isEmpty() ? List.of() : QueryRow.of(results.get(0));
	}

	private static List<AlertRecord> read(List<QueryRow> rows) {
		List<AlertRecord> records = new ArrayList<>(rows.size());
		for (QueryRow row : rows) {
			BigDecimal seq = row.decimal("seq");
			BigDecimal raisedAt = row.decimal("raised_at");
			if (seq == null || raisedAt == null) {
				continue;
			}
			records.add(new AlertRecord(required(row, "alert"), seq.intValueExact(), required(row, "change"),
					row.time(), required(row, "by"), row.text("comment"), required(row, "rule"), required(row, "site"),
					row.text("city"), row.text("enterprise"), required(row, "key"), required(row, "status"),
					required(row, "severity"), Instant.ofEpochMilli(raisedAt.longValueExact()), row.decimal("value"),
					row.decimal("threshold"), required(row, "message")));
		}
		return records;
	}

	private static String required(QueryRow row, String column) {
		String value = row.text(column);
		if (value == null) {
			throw new IllegalStateException("alert_event point without " + column + ": " + row.values());
		}
		return value;
	}

	private static List<AlertRecord> sorted(List<AlertRecord> records) {
		records.sort(Comparator.comparing(AlertRecord::alert).thenComparingInt(AlertRecord::seq));
		return records;
	}

}
