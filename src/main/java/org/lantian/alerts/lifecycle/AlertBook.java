package org.lantian.alerts.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertChanged;
import org.lantian.alerts.AlertNotFoundException;
import org.lantian.alerts.AlertStateException;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * The alerts in memory and the rules of their lifecycle, without I/O, clock or threads:
 * every method gets the time it acts at and returns the changes it made, which the caller
 * journals and publishes. Not thread-safe.
 * <ul>
 * <li>At most one unresolved alert per rule, subject and key: an active condition with no
 * unresolved alert raises one; one that is no more severe than the alert changes nothing
 * (deduplicated).</li>
 * <li>A more severe active condition escalates the alert to that severity, and an
 * acknowledged alert becomes open again: the new severity needs a new
 * acknowledgement.</li>
 * <li>An open alert not acknowledged within the escalation delay since its raise or last
 * escalation is escalated one step (up to critical).</li>
 * <li>A cleared condition resolves its open or acknowledged alert (by
 * {@value AlertChange#RULES}); bureau and admin users may resolve one by hand. A later
 * active condition raises a new alert.</li>
 * </ul>
 * Resolved alerts stay here, newest first out, up to {@code keepResolved}; the journal
 * keeps them all.
 */
final class AlertBook {

	/**
	 * When each open alert's wait for an acknowledgement began, on the service's clock
	 * (its raise, escalation or reopening was received).
	 */
	private final Map<String, Instant> waitingSince = new HashMap<>();

	private final Map<String, Alert> unresolved = new HashMap<>();

	private final Map<String, Alert> byId = new LinkedHashMap<>();

	private final ArrayDeque<String> resolvedIds = new ArrayDeque<>();

	private final Supplier<String> ids;

	private final int keepResolved;

	AlertBook(Supplier<String> ids, int keepResolved) {
		if (keepResolved < 0) {
			throw new IllegalArgumentException("keepResolved must not be negative: " + keepResolved);
		}
		this.ids = ids;
		this.keepResolved = keepResolved;
	}

	/**
	 * Applies a rule's condition change.
	 * @param city the city of the subject, if known
	 * @param enterprise the enterprise of the subject, if any
	 * @return the change it made, or empty if it changed nothing
	 */
	Optional<AlertChanged> apply(RuleConditionChanged condition, @Nullable String city, @Nullable String enterprise) {
		return apply(condition, city, enterprise, condition.at());
	}

	/**
	 * As {@link #apply(RuleConditionChanged, String, String)}, noting when the change was
	 * received: an alert waits for its acknowledgement from then, not from the time of
	 * the data behind it — an alert raised from back-filled data is not overdue at once.
	 */
	Optional<AlertChanged> apply(RuleConditionChanged condition, @Nullable String city, @Nullable String enterprise,
			Instant received) {
		Optional<AlertChanged> change = applyCondition(condition, city, enterprise);
		change.filter((c) -> c.alert().status() == AlertStatus.OPEN)
			.ifPresent((c) -> this.waitingSince.put(c.alert().id(), received));
		return change;
	}

	private Optional<AlertChanged> applyCondition(RuleConditionChanged condition, @Nullable String city,
			@Nullable String enterprise) {
		String conditionKey = Alert.conditionKey(condition.rule(), condition.subject(), condition.key());
		Alert current = this.unresolved.get(conditionKey);
		if (!condition.isActive()) {
			if (current == null) {
				return Optional.empty();
			}
			return Optional.of(change(current, ChangeType.RESOLVED, later(current, condition.at()), AlertChange.RULES,
					condition.message(), AlertStatus.RESOLVED, current.severity(), current.value(), current.threshold(),
					current.message()));
		}
		if (current == null) {
			AlertChange raise = new AlertChange(1, ChangeType.RAISED, condition.at(), AlertChange.RULES, null,
					AlertStatus.OPEN, condition.severity());
			Alert alert = new Alert(this.ids.get(), condition.rule(), condition.subject(), city, enterprise,
					condition.key(), condition.severity(), AlertStatus.OPEN, condition.at(), condition.at(),
					condition.value(), condition.threshold(), condition.message(), List.of(raise));
			put(alert);
			return Optional.of(new AlertChanged(alert, raise));
		}
		if (condition.severity().compareTo(current.severity()) <= 0) {
			return Optional.empty();
		}
		return Optional.of(change(current, ChangeType.ESCALATED, later(current, condition.at()), AlertChange.RULES,
				condition.message(), AlertStatus.OPEN, condition.severity(), condition.value(), condition.threshold(),
				condition.message()));
	}

	/**
	 * Acknowledges an open alert.
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlertStateException if it is not open
	 */
	AlertChanged acknowledge(String id, String by, @Nullable String comment, Instant at) {
		Alert alert = require(id);
		if (alert.status() != AlertStatus.OPEN) {
			throw new AlertStateException("alert " + id + " is " + alert.status().key() + ", not open");
		}
		return change(alert, ChangeType.ACKNOWLEDGED, later(alert, at), by, comment, AlertStatus.ACKNOWLEDGED,
				alert.severity(), alert.value(), alert.threshold(), alert.message());
	}

	/**
	 * Resolves an open or acknowledged alert by hand.
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlertStateException if it is resolved already
	 */
	AlertChanged resolve(String id, String by, @Nullable String comment, Instant at) {
		Alert alert = require(id);
		if (!alert.isUnresolved()) {
			throw new AlertStateException("alert " + id + " is resolved already");
		}
		return change(alert, ChangeType.RESOLVED, later(alert, at), by, comment, AlertStatus.RESOLVED, alert.severity(),
				alert.value(), alert.threshold(), alert.message());
	}

	/**
	 * Escalates one step every open alert that has waited {@code delay} or longer since
	 * its raise or last escalation without an acknowledgement; critical alerts stay.
	 */
	List<AlertChanged> escalateOverdue(Instant now, Duration delay) {
		if (delay.isZero() || delay.isNegative()) {
			return List.of();
		}
		List<Alert> overdue = new ArrayList<>();
		this.waitingSince.keySet().retainAll(this.unresolved.values().stream().map(Alert::id).toList());
		for (Alert alert : this.unresolved.values()) {
			Instant since = alert.updatedAt();
			Instant received = this.waitingSince.get(alert.id());
			if (received != null && received.isAfter(since)) {
				since = received;
			}
			if (alert.status() == AlertStatus.OPEN && alert.severity() != Severity.CRITICAL
					&& !since.plus(delay).isAfter(now)) {
				overdue.add(alert);
			}
		}
		overdue.sort((a, b) -> a.raisedAt().compareTo(b.raisedAt()));
		List<AlertChanged> changes = new ArrayList<>();
		for (Alert alert : overdue) {
			this.waitingSince.put(alert.id(), now);
			Severity next = Severity.values()[alert.severity().ordinal() + 1];
			changes.add(change(alert, ChangeType.ESCALATED, later(alert, now), AlertChange.ESCALATION,
					"not acknowledged within " + delay, AlertStatus.OPEN, next, alert.value(), alert.threshold(),
					alert.message()));
		}
		return changes;
	}

	/**
	 * Puts back an alert read from the journal (on start). An unresolved alert replaces
	 * any other unresolved one of the same condition that was raised earlier.
	 */
	void restore(Alert alert) {
		Alert other = this.unresolved.get(alert.conditionKey());
		if (alert.isUnresolved() && other != null && other.raisedAt().isAfter(alert.raisedAt())) {
			return;
		}
		put(alert);
	}

	Optional<Alert> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/** Every alert kept, unresolved and recently resolved. */
	Collection<Alert> alerts() {
		return List.copyOf(this.byId.values());
	}

	int unresolvedCount() {
		return this.unresolved.size();
	}

	private Alert require(String id) {
		Alert alert = this.byId.get(id);
		if (alert == null) {
			throw new AlertNotFoundException(id);
		}
		return alert;
	}

	private AlertChanged change(Alert alert, ChangeType type, Instant at, String by, @Nullable String comment,
			AlertStatus status, Severity severity, @Nullable BigDecimal value, @Nullable BigDecimal threshold,
			String message) {
		AlertChange change = new AlertChange(alert.history().size() + 1, type, at, by, comment, status, severity);
		List<AlertChange> history = new ArrayList<>(alert.history());
		history.add(change);
		Alert changed = new Alert(alert.id(), alert.rule(), alert.subject(), alert.city(), alert.enterprise(),
				alert.key(), severity, status, alert.raisedAt(), at, value, threshold, message, history);
		put(changed);
		return new AlertChanged(changed, change);
	}

	private void put(Alert alert) {
		Alert previous = this.byId.put(alert.id(), alert);
		if (alert.isUnresolved()) {
			Alert replaced = this.unresolved.put(alert.conditionKey(), alert);
			if (replaced != null && !replaced.id().equals(alert.id())) {
				// a duplicate read back from the journal: keep only the newest
				this.byId.remove(replaced.id());
			}
			return;
		}
		Alert stored = this.unresolved.get(alert.conditionKey());
		if (stored != null && stored.id().equals(alert.id())) {
			this.unresolved.remove(alert.conditionKey());
		}
		if (previous != null && !previous.isUnresolved()) {
			return;
		}
		this.resolvedIds.addLast(alert.id());
		while (this.resolvedIds.size() > this.keepResolved) {
			String oldest = this.resolvedIds.removeFirst();
			Alert kept = this.byId.get(oldest);
			if (kept != null && !kept.isUnresolved()) {
				this.byId.remove(oldest);
			}
		}
	}

	/** Changes never go back in time, even if a condition arrives late. */
	private static Instant later(Alert alert, Instant at) {
		return at.isBefore(alert.updatedAt()) ? alert.updatedAt() : at;
	}

}
