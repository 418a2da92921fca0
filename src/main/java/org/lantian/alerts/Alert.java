package org.lantian.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.rules.Severity;

/**
 * An alert: one rule's condition for one subject and key, from its raise to its
 * resolution, with its audit trail. Immutable; every change makes a new one.
 *
 * @param subject the site id, or a city's name for a city-wide condition
 * @param city the city of the site (or the city itself), if known
 * @param enterprise the enterprise a stack site belongs to, if any
 * @param value the value that raised or last escalated it
 * @param threshold the threshold it was judged against
 * @param history every change, oldest first; the last one is the alert's latest
 */
public record Alert(String id, String rule, String subject, @Nullable String city, @Nullable String enterprise,
		String key, Severity severity, AlertStatus status, Instant raisedAt, Instant updatedAt,
		@Nullable BigDecimal value, @Nullable BigDecimal threshold, String message, List<AlertChange> history) {

	public Alert {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(raisedAt, "raisedAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
		Objects.requireNonNull(message, "message");
		history = List.copyOf(history);
		if (history.isEmpty()) {
			throw new IllegalArgumentException("alert " + id + " has no history");
		}
	}

	/** The latest change. */
	public AlertChange lastChange() {
		return this.history.get(this.history.size() - 1);
	}

	/** The acknowledgement, if it has one. */
	public @Nullable AlertChange acknowledgement() {
		return find(ChangeType.ACKNOWLEDGED);
	}

	/** The resolution, if it is resolved. */
	public @Nullable AlertChange resolution() {
		return find(ChangeType.RESOLVED);
	}

	private @Nullable AlertChange find(ChangeType type) {
		for (int i = this.history.size() - 1; i >= 0; i--) {
			if (this.history.get(i).type() == type) {
				return this.history.get(i);
			}
		}
		return null;
	}

	/** Whether it is open or acknowledged. */
	public boolean isUnresolved() {
		return this.status != AlertStatus.RESOLVED;
	}

	/** The deduplication key: rule, subject and key. */
	public String conditionKey() {
		return conditionKey(this.rule, this.subject, this.key);
	}

	/** The deduplication key of a rule's condition for a subject and key. */
	public static String conditionKey(String rule, String subject, String key) {
		return rule + '\u0000' + subject + '\u0000' + key;
	}

}
