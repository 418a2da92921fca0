package org.lantian.rules.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * A deadman per site and key: active when nothing arrived for longer than {@code after}
 * (any flag counts as data: a flagged value is still a device talking). With no keys the
 * whole site is watched under the key {@code data}. A site is watched from its first
 * value (seen live or rebuilt from storage), never before, so that sites that never
 * reported do not alert. Cleared by the next value.
 */
public final class NoDataRule implements RuleEvaluator {

	/** The key of a whole-site condition. */
	public static final String ANY = "data";

	private final ConditionTracker tracker;

	private final Set<Measurand> keys;

	private final Duration after;

	private final Map<SubjectKey, Instant> lastSeen = new ConcurrentHashMap<>();

	public NoDataRule(RuleBasics basics, Set<Measurand> keys, Duration after) {
		this.tracker = new ConditionTracker(basics);
		this.keys = Set.copyOf(keys);
		this.after = Objects.requireNonNull(after, "after");
		if (after.isNegative() || after.isZero()) {
			throw new IllegalArgumentException("'after' must be positive: " + after);
		}
	}

	@Override
	public String ruleId() {
		return this.tracker.rule().id();
	}

	@Override
	public List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt) {
		List<RuleConditionChanged> changes = new ArrayList<>(1);
		String id = site.id().value();
		if (this.keys.isEmpty()) {
			seen(new SubjectKey(id, ANY), receivedAt, changes);
		}
		else {
			for (Measurand key : reading.values().keySet()) {
				if (this.keys.contains(key)) {
					seen(new SubjectKey(id, key.key()), receivedAt, changes);
				}
			}
		}
		return changes;
	}

	/**
	 * A value of the key (or of any key, for a whole-site rule) was stored at {@code at},
	 * e.g. found in storage at start.
	 */
	public void seen(Site site, Measurand key, Instant at) {
		String id = site.id().value();
		if (this.keys.isEmpty()) {
			this.lastSeen.merge(new SubjectKey(id, ANY), at, (a, b) -> a.isAfter(b) ? a : b);
		}
		else if (this.keys.contains(key)) {
			this.lastSeen.merge(new SubjectKey(id, key.key()), at, (a, b) -> a.isAfter(b) ? a : b);
		}
	}

	private void seen(SubjectKey subject, Instant at, List<RuleConditionChanged> changes) {
		this.lastSeen.merge(subject, at, (a, b) -> a.isAfter(b) ? a : b);
		this.tracker.clear(subject, at, null, null, () -> describe(subject) + " arriving again")
			.ifPresent(changes::add);
	}

	@Override
	public List<RuleConditionChanged> onTick(Instant now, Predicate<String> owns) {
		List<RuleConditionChanged> changes = new ArrayList<>();
		for (Map.Entry<SubjectKey, Instant> entry : this.lastSeen.entrySet()) {
			SubjectKey subject = entry.getKey();
			if (!owns.test(subject.subject())) {
				continue;
			}
			Instant last = entry.getValue();
			if (Duration.between(last, now).compareTo(this.after) > 0) {
				this.tracker
					.holds(subject, last.plus(this.after), null, null,
							() -> "no " + describe(subject) + " since " + last + " (more than " + this.after.toMinutes()
									+ " min)")
					.ifPresent(changes::add);
			}
		}
		return changes;
	}

	private static String describe(SubjectKey subject) {
		return ANY.equals(subject.key()) ? "data from " + subject.subject()
				: subject.key() + " from " + subject.subject();
	}

	@Override
	public void restore(String subject, Map<String, Severity> active, Instant now) {
		this.tracker.restore(subject, active);
	}

	@Override
	public List<RuleConditionChanged> retire(Instant now, Predicate<String> owns, String why) {
		return this.tracker.clearAll(now, owns, why);
	}

	@Override
	public int activeCount() {
		return this.tracker.size();
	}

}
