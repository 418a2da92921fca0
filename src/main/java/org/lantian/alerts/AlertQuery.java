package org.lantian.alerts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which alerts to list: by status (any if null), subject (any if null) and raised in
 * [{@code from}, {@code to}).
 *
 * @param unresolvedOfAnyAge whether open and acknowledged alerts raised before
 * {@code from} are included too
 */
public record AlertQuery(@Nullable AlertStatus status, @Nullable String subject, Instant from, Instant to,
		boolean unresolvedOfAnyAge) {

	public AlertQuery {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("'from' must be before 'to'");
		}
	}

	public boolean matches(Alert alert) {
		return (this.status == null || alert.status() == this.status)
				&& (this.subject == null || alert.subject().equals(this.subject))
				&& (!alert.raisedAt().isBefore(this.from) || (this.unresolvedOfAnyAge && alert.isUnresolved()))
				&& alert.raisedAt().isBefore(this.to);
	}

}
