package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;
import org.lantian.rules.Severity;

/**
 * A condition another module decides and announces for a period (a GB 3095 exceedance, a
 * heavy-pollution day): active on the announcement, unless the period ended more than
 * {@code ignoreOlderThan} before it arrived (a recomputation of the past); cleared by the
 * timer once {@code clearAfter} has passed since the end of the newest announced period
 * without a newer one.
 */
public final class EventRule implements RuleEvaluator {

	/**
	 * Added to the period's length for the default clearing: the next period's
	 * announcement comes after its end plus the publisher's grace (10 min for the AQI).
	 */
	public static final Duration DEFAULT_SLACK = Duration.ofHours(2);

	private final ConditionTracker tracker;

	private final Duration ignoreOlderThan;

	private final @Nullable Duration clearAfter;

	private final Set<String> keys;

	private final Map<SubjectKey, Instant> clearAt = new ConcurrentHashMap<>();

	/** Conditions restored at start whose clearing time is a guess. */
	private final Set<SubjectKey> provisional = ConcurrentHashMap.newKeySet();

	/**
	 * @param keys the keys (e.g. {@code pm25-daily}) or key prefixes before a dash
	 * ({@code pm25}) to act on; empty for all
	 * @param clearAfter null for the period's length plus {@link #DEFAULT_SLACK}
	 */
	public EventRule(RuleBasics basics, Set<String> keys, Duration ignoreOlderThan, @Nullable Duration clearAfter) {
		this.tracker = new ConditionTracker(basics);
		this.keys = Set.copyOf(keys);
		this.ignoreOlderThan = Objects.requireNonNull(ignoreOlderThan, "ignoreOlderThan");
		this.clearAfter = clearAfter;
		if ((clearAfter != null && clearAfter.isNegative()) || ignoreOlderThan.isNegative()) {
			throw new IllegalArgumentException("negative duration");
		}
	}

	@Override
	public String ruleId() {
		return this.tracker.rule().id();
	}

	@Override
	public List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt) {
		return List.of();
	}

	/**
	 * The announced condition for a subject (site id or city) and key over
	 * [{@code start}, {@code end}), received at {@code now}.
	 */
	public List<RuleConditionChanged> announced(String subject, String key, Instant start, Instant end,
			@Nullable BigDecimal value, @Nullable BigDecimal threshold, String message, Instant now) {
		if (end.plus(this.ignoreOlderThan).isBefore(now) || !accepts(key)) {
			return List.of();
		}
		SubjectKey sk = new SubjectKey(subject, key);
		Duration hold = (this.clearAfter != null) ? this.clearAfter : Duration.between(start, end).plus(DEFAULT_SLACK);
		if (this.provisional.remove(sk)) {
			this.clearAt.put(sk, end.plus(hold)); // the guess made at start gives way
		}
		else {
			this.clearAt.merge(sk, end.plus(hold), (a, b) -> a.isAfter(b) ? a : b);
		}
		return this.tracker.holds(sk, start, value, threshold, () -> message).stream().toList();
	}

	@Override
	public List<RuleConditionChanged> onTick(Instant now, Predicate<String> owns) {
		List<RuleConditionChanged> changes = new ArrayList<>();
		for (Map.Entry<SubjectKey, Instant> entry : this.clearAt.entrySet()) {
			SubjectKey subject = entry.getKey();
			Instant at = entry.getValue();
			if (owns.test(subject.subject()) && !at.isAfter(now)) {
				Optional<RuleConditionChanged> cleared = this.tracker.clear(subject, at, null, null,
						() -> "no new announcement for " + subject.subject() + " " + subject.key());
				cleared.ifPresent(changes::add);
				if (cleared.isPresent() || !this.tracker.isActive(subject)) {
					this.clearAt.remove(subject, at);
					this.provisional.remove(subject);
				}
			}
		}
		return changes;
	}

	private boolean accepts(String key) {
		if (this.keys.isEmpty() || this.keys.contains(key)) {
			return true;
		}
		int dash = key.indexOf('-');
		return dash > 0 && this.keys.contains(key.substring(0, dash));
	}

	/**
	 * The announced periods are not stored with the alert, so a restored condition clears
	 * one period plus the hold after the restart unless announced again: an hour for a
	 * {@code -hourly} key, otherwise a day (daily, daily maximum 8 h, heavy-pollution
	 * day); {@code clearAfter} when it is set.
	 */
	@Override
	public void restore(String subject, Map<String, Severity> active, Instant now) {
		this.tracker.restore(subject, active);
		for (String key : active.keySet()) {
			SubjectKey sk = new SubjectKey(subject, key);
			if (!this.clearAt.containsKey(sk)) {
				Duration period = key.endsWith("-hourly") ? Duration.ofHours(1) : Duration.ofDays(1);
				this.clearAt.put(sk,
						now.plus((this.clearAfter != null) ? this.clearAfter : period.plus(DEFAULT_SLACK)));
				this.provisional.add(sk);
			}
		}
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
