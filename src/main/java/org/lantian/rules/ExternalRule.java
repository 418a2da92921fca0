package org.lantian.rules;

import java.util.Objects;

/**
 * A rule id whose {@link RuleConditionChanged} another module publishes, not a rule of
 * the rules file (e.g. the warnings module's {@code emergency-reduction}). Declared as a
 * bean, it tells the rule engine to leave that rule's open alerts alone at start, where
 * it otherwise clears the open conditions of every rule no longer in its file.
 *
 * @param id the rule id the other module publishes under
 */
public record ExternalRule(String id) {

	public ExternalRule {
		Objects.requireNonNull(id, "id");
	}

}
