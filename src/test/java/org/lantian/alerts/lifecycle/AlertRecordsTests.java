package org.lantian.alerts.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertChanged;
import org.lantian.rules.Severity;
import org.lantian.storage.AlertRecord;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRecordsTests {

	@Test
	void theJournalRecordsOfAnAlertGiveTheSameAlertBack() {
		AtomicInteger next = new AtomicInteger();
		AlertBook book = new AlertBook(() -> "A" + next.incrementAndGet(), 10);
		List<AlertRecord> records = new ArrayList<>();
		List<AlertChanged> changes = new ArrayList<>();
		changes.add(book.apply(AlertBookTests.active(Severity.MEDIUM, 0, "40"), "包头市", "BT-STEEL").orElseThrow());
		changes.add(book.apply(AlertBookTests.active(Severity.HIGH, 5, "60.25"), "包头市", "BT-STEEL").orElseThrow());
		changes.add(book.acknowledge("A1", "王工", "on it, \"quoted\"", AlertBookTests.T0.plusSeconds(600)));
		changes.forEach((change) -> records.add(AlertRecords.of(change.alert(), change.change())));
		// the journal may answer in any order
		List<AlertRecord> shuffled = List.of(records.get(2), records.get(0), records.get(1));

		List<Alert> alerts = AlertRecords.alerts(new ArrayList<>(shuffled));

		assertThat(alerts).containsExactly(book.find("A1").orElseThrow());
		assertThat(alerts.get(0).history()).extracting(AlertChange::seq).containsExactly(1, 2, 3);
		assertThat(records.get(1).severity()).isEqualTo("high");
		assertThat(records.get(2).status()).isEqualTo("acknowledged");
	}

}
