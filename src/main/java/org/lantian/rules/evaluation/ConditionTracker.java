package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;

/**
 * The active conditions of one rule, by subject and key: raises once, again only when the
 * severity changes, and clears after the rule's clearing duration.
 */
final class ConditionTracker {

	private final RuleBasics rule;

	private final Map<SubjectKey, Active> active = new ConcurrentHashMap<>();

	ConditionTracker(RuleBasics rule) {
		this.rule = rule;
	}

	/** The condition holds at {@code at} with the given severity. */
	Optional<RuleConditionChanged> holds(SubjectKey subject, Severity severity, Instant at, @Nullable BigDecimal value,
			@Nullable BigDecimal threshold, Supplier<String> message) {
		Active previous = this.active.get(subject);
		if (previous != null && previous.severity == severity) {
			previous.clearingSince = null;
			return Optional.empty();
		}
		this.active.put(subject, new Active(severity));
		return Optional.of(new RuleConditionChanged(this.rule.id(), subject.subject(), subject.key(), State.ACTIVE,
				severity, at, value, threshold, message.get()));
	}

	/** The condition holds with the rule's own severity. */
	Optional<RuleConditionChanged> holds(SubjectKey subject, Instant at, @Nullable BigDecimal value,
			@Nullable BigDecimal threshold, Supplier<String> message) {
		return holds(subject, this.rule.severity(), at, value, threshold, message);
	}

	/**
	 * The condition does not hold but is not low enough to clear (inside the hysteresis
	 * band): a clearing under way starts again.
	 */
	void between(SubjectKey subject) {
		Active previous = this.active.get(subject);
		if (previous != null) {
			previous.clearingSince = null;
		}
	}

	/**
	 * The condition is clear at {@code at}; it clears once the clearing duration passed.
	 */
	Optional<RuleConditionChanged> clear(SubjectKey subject, Instant at, @Nullable BigDecimal value,
			@Nullable BigDecimal threshold, Supplier<String> message) {
		Active previous = this.active.get(subject);
		if (previous == null) {
			return Optional.empty();
		}
		Duration wait = this.rule.clearing().duration();
		if (!wait.isZero()) {
			if (previous.clearingSince == null || at.isBefore(previous.clearingSince)) {
				previous.clearingSince = at;
			}
			if (Duration.between(previous.clearingSince, at).compareTo(wait) < 0) {
				return Optional.empty();
			}
		}
		this.active.remove(subject);
		return Optional.of(new RuleConditionChanged(this.rule.id(), subject.subject(), subject.key(), State.CLEARED,
				previous.severity, at, value, threshold, message.get()));
	}

	/**
	 * A value against an upper threshold: holds above it, clears at or below it minus the
	 * margin, in between otherwise.
	 */
	Optional<RuleConditionChanged> judge(SubjectKey subject, Severity severity, Instant at, BigDecimal value,
			BigDecimal threshold, Supplier<String> holdMessage, Supplier<String> clearMessage) {
		if (value.compareTo(threshold) > 0) {
			return holds(subject, severity, at, value, threshold, holdMessage);
		}
		if (this.rule.clearing().allowsClearing(value, threshold)) {
			return clear(subject, at, value, threshold, clearMessage);
		}
		between(subject);
		return Optional.empty();
	}

	boolean isActive(SubjectKey subject) {
		return this.active.containsKey(subject);
	}

	/** Clears every active condition of the accepted subjects at once. */
	List<RuleConditionChanged> clearAll(Instant at, Predicate<String> owns, String message) {
		List<RuleConditionChanged> cleared = new ArrayList<>();
		for (Map.Entry<SubjectKey, Active> entry : this.active.entrySet()) {
			SubjectKey subject = entry.getKey();
			if (owns.test(subject.subject()) && this.active.remove(subject, entry.getValue())) {
				cleared.add(new RuleConditionChanged(this.rule.id(), subject.subject(), subject.key(), State.CLEARED,
						entry.getValue().severity, at, null, null, message));
			}
		}
		return cleared;
	}

	/**
	 * After a restart: the active conditions of {@code subject} become exactly
	 * {@code active} (key → severity); one that stays active keeps its clearing under
	 * way. Nothing is published.
	 */
	void restore(String subject, Map<String, Severity> active) {
		this.active.keySet().removeIf((sk) -> sk.subject().equals(subject) && !active.containsKey(sk.key()));
		active.forEach((key, severity) -> {
			SubjectKey sk = new SubjectKey(subject, key);
			Active previous = this.active.get(sk);
			if (previous == null || previous.severity != severity) {
				this.active.put(sk, new Active(severity));
			}
		});
	}

	int size() {
		return this.active.size();
	}

	RuleBasics rule() {
		return this.rule;
	}

	private static final class Active {

		private final Severity severity;

		private @Nullable Instant clearingSince;

		Active(Severity severity) {
			this.severity = severity;
		}

	}

}
