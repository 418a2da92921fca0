package org.lantian.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A rule's condition for one subject and key became active, changed severity while
 * active, or cleared (after the rule's hysteresis). The rule engine publishes it; the
 * alerts module keeps at most one open alert per rule, subject and key, escalates it when
 * the severity rises and resolves it when the condition clears.
 *
 * @param rule the rule's id from the rules configuration, e.g. {@code stack-so2-hourly}
 * @param subject the site id, or for a city-wide condition (a heavy-pollution day of a
 * city) the city's name
 * @param key the measurand key ({@code so2}, {@code pm25}) or another key naming what is
 * judged ({@code aqi}, {@code data})
 * @param state active or cleared
 * @param severity how urgent, while active (the last one when cleared)
 * @param at the time of the reading or period that changed the condition
 * @param value the value that triggered or cleared it, where there is one
 * @param threshold the threshold it was judged against, where there is one
 * @param message a sentence for people, e.g. "SO₂ hourly mean (O₂-corrected) 57.3 mg/m³
 * above the limit 35 mg/m³ (ultra-low-coal-power)"
 */
public record RuleConditionChanged(String rule, String subject, String key, State state, Severity severity, Instant at,
		@Nullable BigDecimal value, @Nullable BigDecimal threshold, String message) {

	public RuleConditionChanged {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(message, "message");
		if (rule == null || rule.isBlank() || subject == null || subject.isBlank() || key == null || key.isBlank()) {
			throw new IllegalArgumentException("a condition needs a rule, a subject and a key");
		}
	}

	/** Whether the condition holds (an alert should be open). */
	public boolean isActive() {
		return this.state == State.ACTIVE;
	}

	/** Active or cleared. */
	public enum State {

		ACTIVE, CLEARED

	}

}
