package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.storage.AlertRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert journal against a real influxd: what is appended reads back the same, and
 * only alerts whose latest change leaves them unresolved come back as unresolved.
 */
class InfluxAlertJournalIT {

	static final Instant T0 = Instant.parse("2026-01-15T08:00:00+08:00");

	InfluxHttp influx;

	InfluxAlertJournal journal;

	@BeforeEach
	void connect() {
		this.influx = new InfluxHttp(InfluxTestSupport.properties(LocalInfrastructure.shared().influxd().url(),
				LocalInfrastructure.newDatabaseName()));
		this.influx.createDatabase();
		this.journal = new InfluxAlertJournal(this.influx);
	}

	@AfterEach
	void close() {
		this.influx.close();
	}

	static AlertRecord record(String alert, int seq, String change, int minutes, String status, String comment) {
		return new AlertRecord(alert, seq, change, T0.plusSeconds(60L * minutes), (seq == 1) ? "rules" : "王工", comment,
				"stack-so2-hourly", "BT-STEEL-S1", "包头市", "BT-STEEL", "so2", status, "high", T0, new BigDecimal("57.3"),
				new BigDecimal("35"), "SO₂ 57.3 mg/m³, \"limit\" 35");
	}

	@Test
	void readsBackWhatItAppendedAndFindsTheUnresolvedAlerts() {
		AlertRecord raised = record("a1", 1, "raised", 0, "open", null);
		AlertRecord acknowledged = record("a1", 2, "acknowledged", 5, "acknowledged", "on it,\nreally");
		AlertRecord otherRaised = record("a2", 1, "raised", 1, "open", null);
		AlertRecord otherResolved = record("a2", 2, "resolved", 9, "resolved", "fixed");

		this.journal.append(List.of(raised, acknowledged, otherRaised, otherResolved));

		List<AlertRecord> unresolved = this.journal.unresolved();
		assertThat(unresolved).containsExactly(raised,
				record("a1", 2, "acknowledged", 5, "acknowledged", "on it, really"));
		assertThat(this.journal.alert("a2")).containsExactly(otherRaised, otherResolved);
		assertThat(this.journal.alert("a3")).isEmpty();
		assertThat(this.journal.raisedBetween(T0, T0.plusSeconds(1))).hasSize(4);
		assertThat(this.journal.raisedBetween(T0.plusSeconds(1), T0.plusSeconds(3600))).isEmpty();
	}

}
