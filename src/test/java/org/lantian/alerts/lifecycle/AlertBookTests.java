package org.lantian.alerts.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertChanged;
import org.lantian.alerts.AlertNotFoundException;
import org.lantian.alerts.AlertStateException;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AlertBookTests {

	static final Instant T0 = Instant.parse("2026-01-15T08:00:00+08:00");

	final AtomicInteger next = new AtomicInteger();

	final AlertBook book = new AlertBook(() -> "A" + this.next.incrementAndGet(), 100);

	static RuleConditionChanged active(Severity severity, int minutes, String value) {
		return new RuleConditionChanged("stack-so2-hourly", "BT-STEEL-S1", "so2", State.ACTIVE, severity,
				T0.plusSeconds(60L * minutes), new BigDecimal(value), new BigDecimal("35"),
				"SO₂ hourly mean " + value + " mg/m³ above the limit 35 mg/m³");
	}

	static RuleConditionChanged cleared(int minutes) {
		return new RuleConditionChanged("stack-so2-hourly", "BT-STEEL-S1", "so2", State.CLEARED, Severity.HIGH,
				T0.plusSeconds(60L * minutes), new BigDecimal("20"), new BigDecimal("35"), "SO₂ back below 35 mg/m³");
	}

	AlertChanged apply(RuleConditionChanged condition) {
		return this.book.apply(condition, "包头市", "BT-STEEL").orElseThrow();
	}

	@Test
	void anActiveConditionRaisesAnOpenAlertWithTheConditionsFigures() {
		AlertChanged raised = apply(active(Severity.HIGH, 0, "57.3"));

		Alert alert = raised.alert();
		assertThat(raised.change().type()).isEqualTo(ChangeType.RAISED);
		assertThat(alert.id()).isEqualTo("A1");
		assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
		assertThat(alert.severity()).isEqualTo(Severity.HIGH);
		assertThat(alert.raisedAt()).isEqualTo(T0);
		assertThat(alert.updatedAt()).isEqualTo(T0);
		assertThat(alert.value()).isEqualByComparingTo("57.3");
		assertThat(alert.threshold()).isEqualByComparingTo("35");
		assertThat(alert.city()).isEqualTo("包头市");
		assertThat(alert.enterprise()).isEqualTo("BT-STEEL");
		assertThat(alert.history()).extracting(AlertChange::type).containsExactly(ChangeType.RAISED);
		assertThat(alert.lastChange().by()).isEqualTo(AlertChange.RULES);
	}

	@Test
	void aRepeatedActiveConditionAtTheSameOrLowerSeverityIsDeduplicated() {
		apply(active(Severity.HIGH, 0, "57.3"));

		assertThat(this.book.apply(active(Severity.HIGH, 60, "60.1"), "包头市", "BT-STEEL")).isEmpty();
		assertThat(this.book.apply(active(Severity.MEDIUM, 120, "40"), "包头市", "BT-STEEL")).isEmpty();
		assertThat(this.book.alerts()).hasSize(1);
		assertThat(this.book.unresolvedCount()).isEqualTo(1);
		assertThat(this.book.find("A1").orElseThrow().history()).hasSize(1);
	}

	@Test
	void anotherKeyOrSubjectIsAnotherAlert() {
		apply(active(Severity.HIGH, 0, "57.3"));
		this.book.apply(new RuleConditionChanged("stack-so2-hourly", "BT-STEEL-S1", "nox", State.ACTIVE, Severity.HIGH,
				T0, null, null, "NOx"), null, null);
		this.book.apply(new RuleConditionChanged("stack-so2-hourly", "BT-STEEL-S2", "so2", State.ACTIVE, Severity.HIGH,
				T0, null, null, "SO₂"), null, null);

		assertThat(this.book.unresolvedCount()).isEqualTo(3);
	}

	@Test
	void aMoreSevereActiveConditionEscalatesTheOpenAlert() {
		apply(active(Severity.MEDIUM, 0, "40"));

		AlertChanged escalated = apply(active(Severity.CRITICAL, 5, "90"));

		assertThat(escalated.change().type()).isEqualTo(ChangeType.ESCALATED);
		assertThat(escalated.alert().id()).isEqualTo("A1");
		assertThat(escalated.alert().severity()).isEqualTo(Severity.CRITICAL);
		assertThat(escalated.alert().value()).isEqualByComparingTo("90");
		assertThat(escalated.alert().raisedAt()).isEqualTo(T0);
		assertThat(escalated.alert().updatedAt()).isEqualTo(T0.plusSeconds(300));
		assertThat(this.book.unresolvedCount()).isEqualTo(1);
	}

	@Test
	void anOpenAlertNotAcknowledgedInTimeIsEscalatedOneStepAtATime() {
		apply(active(Severity.MEDIUM, 0, "40"));
		Duration delay = Duration.ofMinutes(30);

		assertThat(this.book.escalateOverdue(T0.plus(Duration.ofMinutes(29)), delay)).isEmpty();
		List<AlertChanged> first = this.book.escalateOverdue(T0.plus(Duration.ofMinutes(30)), delay);
		assertThat(first).singleElement().satisfies((change) -> {
			assertThat(change.change().type()).isEqualTo(ChangeType.ESCALATED);
			assertThat(change.change().by()).isEqualTo(AlertChange.ESCALATION);
			assertThat(change.alert().severity()).isEqualTo(Severity.HIGH);
		});
		// the clock restarts at the escalation: 59 minutes is not yet 30 after it
		assertThat(this.book.escalateOverdue(T0.plus(Duration.ofMinutes(59)), delay)).isEmpty();
		assertThat(this.book.escalateOverdue(T0.plus(Duration.ofMinutes(60)), delay)).singleElement()
			.satisfies((change) -> assertThat(change.alert().severity()).isEqualTo(Severity.CRITICAL));
		// critical is the top
		assertThat(this.book.escalateOverdue(T0.plus(Duration.ofHours(5)), delay)).isEmpty();
		assertThat(this.book.escalateOverdue(T0.plus(Duration.ofHours(5)), Duration.ZERO)).isEmpty();
	}

	@Test
	void anAlertFromBackFilledDataWaitsFromWhenItWasReceivedNotFromItsDataTime() {
		// the condition is about T0, but a logger re-sent that hour three hours later
		Instant received = T0.plus(Duration.ofHours(3));
		this.book.apply(active(Severity.MEDIUM, 0, "40"), "包头市", "BT-STEEL", received);
		Duration delay = Duration.ofMinutes(30);

		assertThat(this.book.escalateOverdue(received.plus(Duration.ofMinutes(29)), delay)).isEmpty();
		assertThat(this.book.escalateOverdue(received.plus(Duration.ofMinutes(30)), delay)).singleElement()
			.satisfies((change) -> assertThat(change.alert().severity()).isEqualTo(Severity.HIGH));
	}

	@Test
	void anAcknowledgedAlertIsNotEscalatedByTheTimer() {
		apply(active(Severity.MEDIUM, 0, "40"));
		this.book.acknowledge("A1", "王工", "checking the desulphuriser", T0.plusSeconds(60));

		assertThat(this.book.escalateOverdue(T0.plus(Duration.ofHours(3)), Duration.ofMinutes(30))).isEmpty();
	}

	@Test
	void acknowledgingRecordsWhoWhenAndWhy() {
		apply(active(Severity.HIGH, 0, "57.3"));

		AlertChanged ack = this.book.acknowledge("A1", "王工", "checking the desulphuriser", T0.plusSeconds(120));

		assertThat(ack.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(ack.change()).isEqualTo(new AlertChange(2, ChangeType.ACKNOWLEDGED, T0.plusSeconds(120), "王工",
				"checking the desulphuriser", AlertStatus.ACKNOWLEDGED, Severity.HIGH));
		assertThat(ack.alert().acknowledgement()).isEqualTo(ack.change());
		assertThatExceptionOfType(AlertStateException.class)
			.isThrownBy(() -> this.book.acknowledge("A1", "李工", null, T0.plusSeconds(180)));
		assertThatExceptionOfType(AlertNotFoundException.class)
			.isThrownBy(() -> this.book.acknowledge("A9", "李工", null, T0.plusSeconds(180)));
	}

	@Test
	void aMoreSevereConditionReopensAnAcknowledgedAlert() {
		apply(active(Severity.MEDIUM, 0, "40"));
		this.book.acknowledge("A1", "王工", null, T0.plusSeconds(60));

		AlertChanged escalated = apply(active(Severity.HIGH, 10, "70"));

		assertThat(escalated.alert().status()).isEqualTo(AlertStatus.OPEN);
		assertThat(escalated.alert().severity()).isEqualTo(Severity.HIGH);
		assertThat(escalated.alert().acknowledgement()).isNotNull();
	}

	@Test
	void aClearedConditionResolvesTheOpenAlert() {
		apply(active(Severity.HIGH, 0, "57.3"));

		AlertChanged resolved = apply(cleared(90));

		assertThat(resolved.change().type()).isEqualTo(ChangeType.RESOLVED);
		assertThat(resolved.change().by()).isEqualTo(AlertChange.RULES);
		assertThat(resolved.change().comment()).isEqualTo("SO₂ back below 35 mg/m³");
		assertThat(resolved.alert().status()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(resolved.alert().updatedAt()).isEqualTo(T0.plusSeconds(5400));
		assertThat(this.book.unresolvedCount()).isZero();
		assertThat(this.book.apply(cleared(100), null, null)).isEmpty();
	}

	@Test
	void aClearedConditionResolvesAnAcknowledgedAlertToo() {
		apply(active(Severity.HIGH, 0, "57.3"));
		this.book.acknowledge("A1", "王工", null, T0.plusSeconds(60));

		AlertChanged resolved = apply(cleared(90));

		assertThat(resolved.alert().status()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(resolved.alert().history()).extracting(AlertChange::type)
			.containsExactly(ChangeType.RAISED, ChangeType.ACKNOWLEDGED, ChangeType.RESOLVED);
	}

	@Test
	void someoneResolvesByHandWithACommentAndThenTheConditionClearingChangesNothing() {
		apply(active(Severity.HIGH, 0, "57.3"));

		AlertChanged resolved = this.book.resolve("A1", "局监察科 张科长", "false alarm: analyser calibration",
				T0.plusSeconds(600));

		assertThat(resolved.alert().status()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(resolved.alert().resolution().by()).isEqualTo("局监察科 张科长");
		assertThat(resolved.alert().resolution().comment()).isEqualTo("false alarm: analyser calibration");
		assertThat(this.book.apply(cleared(20), null, null)).isEmpty();
		assertThatExceptionOfType(AlertStateException.class)
			.isThrownBy(() -> this.book.resolve("A1", "x", null, T0.plusSeconds(700)));
	}

	@Test
	void aNewActiveConditionAfterResolutionOpensANewAlert() {
		apply(active(Severity.HIGH, 0, "57.3"));
		apply(cleared(90));

		AlertChanged again = apply(active(Severity.HIGH, 180, "61"));

		assertThat(again.change().type()).isEqualTo(ChangeType.RAISED);
		assertThat(again.alert().id()).isEqualTo("A2");
		assertThat(this.book.find("A1").orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(this.book.unresolvedCount()).isEqualTo(1);
	}

	@Test
	void theAuditTrailHasEveryChangeInOrderWithItsSequenceNumber() {
		apply(active(Severity.MEDIUM, 0, "40"));
		apply(active(Severity.HIGH, 5, "60"));
		this.book.acknowledge("A1", "王工", "on it", T0.plusSeconds(600));
		apply(cleared(90));

		Alert alert = this.book.find("A1").orElseThrow();
		assertThat(alert.history()).extracting(AlertChange::seq).containsExactly(1, 2, 3, 4);
		assertThat(alert.history()).extracting(AlertChange::type)
			.containsExactly(ChangeType.RAISED, ChangeType.ESCALATED, ChangeType.ACKNOWLEDGED, ChangeType.RESOLVED);
		assertThat(alert.history()).extracting(AlertChange::by).containsExactly("rules", "rules", "王工", "rules");
		assertThat(alert.history()).extracting(AlertChange::at)
			.containsExactly(T0, T0.plusSeconds(300), T0.plusSeconds(600), T0.plusSeconds(5400));
	}

	@Test
	void aLateConditionNeverMovesAnAlertBackInTime() {
		apply(active(Severity.MEDIUM, 30, "40"));

		AlertChanged resolved = apply(cleared(10));

		assertThat(resolved.change().at()).isEqualTo(T0.plusSeconds(1800));
	}

	@Test
	void restoredAlertsAreDeduplicatedAgainstNewConditions() {
		apply(active(Severity.HIGH, 0, "57.3"));
		this.book.acknowledge("A1", "王工", null, T0.plusSeconds(60));
		List<Alert> stored = List.copyOf(this.book.alerts());

		AlertBook restarted = new AlertBook(() -> "B" + this.next.incrementAndGet(), 100);
		stored.forEach(restarted::restore);

		assertThat(restarted.unresolvedCount()).isEqualTo(1);
		assertThat(restarted.apply(active(Severity.HIGH, 120, "58"), "包头市", "BT-STEEL")).isEmpty();
		assertThat(restarted.find("A1").orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(restarted.apply(cleared(180), null, null).orElseThrow().alert().id()).isEqualTo("A1");
	}

	@Test
	void onlyTheConfiguredNumberOfResolvedAlertsStaysInMemory() {
		AlertBook small = new AlertBook(() -> "C" + this.next.incrementAndGet(), 2);
		for (int i = 0; i < 5; i++) {
			small.apply(active(Severity.LOW, 10 * i, "40"), null, null);
			small.apply(cleared(10 * i + 5), null, null);
		}

		assertThat(small.alerts()).extracting(Alert::id).containsExactly("C4", "C5");
	}

}
