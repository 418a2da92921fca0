package org.lantian.rules.config;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.lantian.rules.Severity;
import org.lantian.rules.evaluation.Clearing;
import org.lantian.rules.evaluation.RuleBasics;

/**
 * One entry of the rules file, validated. Two definitions are equal when every field and
 * parameter is: a reload keeps the state of rules whose definition did not change.
 *
 * @param parameters the type's parameters as written (validated by {@link RuleType})
 */
public record RuleDefinition(String id, RuleType type, Severity severity, String description, SiteSelector appliesTo,
		Clearing clearing, Map<String, JsonNode> parameters) {

	public RuleDefinition {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(appliesTo, "appliesTo");
		Objects.requireNonNull(clearing, "clearing");
		parameters = Map.copyOf(parameters);
	}

	public RuleBasics basics() {
		return new RuleBasics(this.id, this.severity, this.clearing);
	}

}
