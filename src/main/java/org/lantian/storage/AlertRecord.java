package org.lantian.storage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One stored change of an alert, as the alerts module's journal keeps it: what changed,
 * who changed it, when and why, with the alert's state after the change. The alerts
 * module rebuilds its alerts by replaying these in {@code seq} order.
 *
 * @param alert the alert's id
 * @param seq the change's number within its alert, from 1 (the raise)
 * @param change what happened: {@code raised}, {@code escalated}, {@code acknowledged},
 * {@code resolved}
 * @param at when it happened
 * @param by who did it ({@code rules} for the rule engine, {@code escalation} for the
 * timer, otherwise the person's name)
 * @param status the alert's status after the change
 * @param severity the alert's severity after the change
 * @param raisedAt when the alert was raised
 */
public record AlertRecord(String alert, int seq, String change, Instant at, String by, @Nullable String comment,
		String rule, String subject, @Nullable String city, @Nullable String enterprise, String key, String status,
		String severity, Instant raisedAt, @Nullable BigDecimal value, @Nullable BigDecimal threshold, String message) {

	public AlertRecord {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(raisedAt, "raisedAt");
		for (String text : new String[] { alert, change, by, rule, subject, key, status, severity, message }) {
			if (text == null || text.isBlank()) {
				throw new IllegalArgumentException("alert record " + alert + "#" + seq + " lacks a required text");
			}
		}
		if (seq < 1) {
			throw new IllegalArgumentException("alert record " + alert + ": seq must be at least 1, not " + seq);
		}
	}

}
