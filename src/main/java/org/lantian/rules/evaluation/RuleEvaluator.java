package org.lantian.rules.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * One configured rule with its state per subject and key. Calls for one subject come in
 * order from one thread at a time; calls for different subjects may run concurrently.
 */
public interface RuleEvaluator {

	/** The rule's id. */
	String ruleId();

	/**
	 * A reading of a site the rule applies to.
	 * @param receivedAt when the engine received it (for no-data rules; other rules use
	 * the reading's own time)
	 */
	List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt);

	/**
	 * Time has passed: timer-driven conditions (no data, hours of silent sites, event
	 * conditions) are decided for the subjects {@code owns} accepts.
	 */
	default List<RuleConditionChanged> onTick(Instant now, Predicate<String> owns) {
		return List.of();
	}

	/**
	 * The rule is removed or changed: every active condition of the subjects {@code owns}
	 * accepts is cleared.
	 */
	List<RuleConditionChanged> retire(Instant now, Predicate<String> owns, String why);

	/**
	 * After a restart, once the stored readings were replayed: the conditions of
	 * {@code subject} active now are exactly {@code active} (key → severity), those the
	 * alert journal has open. Nothing is published; a condition restored here is cleared
	 * (and published) as soon as the rule's own clearing says so.
	 */
	void restore(String subject, Map<String, Severity> active, Instant now);

	/** How many conditions are active now. */
	int activeCount();

}
