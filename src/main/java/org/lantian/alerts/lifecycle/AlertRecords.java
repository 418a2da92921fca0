package org.lantian.alerts.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.Severity;
import org.lantian.storage.AlertRecord;

/**
 * Alerts to journal records and back.
 */
final class AlertRecords {

	private AlertRecords() {
	}

	/** The record of an alert's change (the alert as it is after the change). */
	static AlertRecord of(Alert alert, AlertChange change) {
		return new AlertRecord(alert.id(), change.seq(), change.type().key(), change.at(), change.by(),
				change.comment(), alert.rule(), alert.subject(), alert.city(), alert.enterprise(), alert.key(),
				change.status().key(), change.severity().key(), alert.raisedAt(), alert.value(), alert.threshold(),
				alert.message());
	}

	/**
	 * The alerts the records describe, one per alert id, in the order of their first
	 * record; each as its last record (by seq) leaves it.
	 */
	static List<Alert> alerts(List<AlertRecord> records) {
		Map<String, List<AlertRecord>> byAlert = new LinkedHashMap<>();
		for (AlertRecord record : records) {
			byAlert.computeIfAbsent(record.alert(), (id) -> new ArrayList<>()).add(record);
		}
		List<Alert> alerts = new ArrayList<>(byAlert.size());
		for (List<AlertRecord> changes : byAlert.values()) {
			changes.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
			List<AlertChange> history = new ArrayList<>(changes.size());
			for (AlertRecord record : changes) {
				history.add(new AlertChange(record.seq(), ChangeType.fromKey(record.change()), record.at(), record.by(),
						record.comment(), AlertStatus.fromKey(record.status()), Severity.fromKey(record.severity())));
			}
			AlertRecord last = changes.get(changes.size() - 1);
			alerts.add(new Alert(last.alert(), last.rule(), last.subject(), last.city(), last.enterprise(), last.key(),
					Severity.fromKey(last.severity()), AlertStatus.fromKey(last.status()), last.raisedAt(), last.at(),
					last.value(), last.threshold(), last.message(), history));
		}
		return alerts;
	}

}
