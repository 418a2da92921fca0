package org.lantian.alerts;

import java.util.Objects;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lantian.rules.Severity;

/**
 * One entry of an alert's audit trail: what changed, who changed it, when and why, and
 * the status and severity it left.
 *
 * @param seq the entry's number within its alert, from 1 (the raise)
 * @param by {@link #RULES} for the rule engine, {@link #ESCALATION} for the timer, or the
 * name a person gave
 */
public record AlertChange(int seq, ChangeType type, Instant at, String by, @Nullable String comment, AlertStatus status,
		Severity severity) {

	/** Who changed an alert when the rule engine did. */
	public static final String RULES = "rules";

	/** Who changed an alert when it was escalated for being unacknowledged too long. */
	public static final String ESCALATION = "escalation";

	public AlertChange {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(severity, "severity");
		if (by == null || by.isBlank()) {
			throw new IllegalArgumentException("an alert change needs who made it");
		}
		if (seq < 1) {
			throw new IllegalArgumentException("seq must be at least 1, not " + seq);
		}
	}

}
