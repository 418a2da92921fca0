package org.lantian.rules.evaluation;

import java.util.Objects;

import org.lantian.rules.Severity;

/**
 * What every rule has: its id in the rules file, its severity and its clearing
 * hysteresis.
 */
public record RuleBasics(String id, Severity severity, Clearing clearing) {

	public RuleBasics {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(clearing, "clearing");
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a rule needs an id");
		}
	}

}
