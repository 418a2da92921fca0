package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * A value above {@code above} for at least {@code duration}: every value flagged N since
 * the first one above was above (values not flagged N neither break nor extend the run).
 * Active once the run is long enough; cleared at or below the threshold minus the margin.
 */
public final class SustainedRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Measurand key;

	private final BigDecimal above;

	private final Duration duration;

	private final boolean corrected;

	private final OxygenCorrection correction;

	private final Map<String, Instant> aboveSince = new ConcurrentHashMap<>();

	public SustainedRule(RuleBasics basics, Measurand key, BigDecimal above, Duration duration, boolean corrected,
			OxygenCorrection correction) {
		this.tracker = new ConditionTracker(basics);
		this.key = Objects.requireNonNull(key, "key");
		this.above = Objects.requireNonNull(above, "above");
		this.duration = Objects.requireNonNull(duration, "duration");
		this.corrected = corrected;
		this.correction = correction;
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("duration must be positive: " + duration);
		}
	}

	@Override
	public String ruleId() {
		return this.tracker.rule().id();
	}

	@Override
	public List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt) {
		Optional<BigDecimal> judged = Values.judged(site, reading, this.key, this.corrected, this.correction);
		if (judged.isEmpty()) {
			return List.of();
		}
		BigDecimal value = judged.get();
		String id = site.id().value();
		SubjectKey subject = new SubjectKey(id, this.key.key());
		String unit = Values.unit(this.key, site);
		if (value.compareTo(this.above) > 0) {
			Instant since = this.aboveSince.merge(id, reading.time(), (a, b) -> a.isBefore(b) ? a : b);
			if (Duration.between(since, reading.time()).compareTo(this.duration) >= 0) {
				return this.tracker
					.holds(subject, reading.time(), Values.rounded(value), this.above,
							() -> this.key.key() + " above " + Values.show(this.above) + " " + unit + " since " + since
									+ " (" + Values.show(value) + " " + unit + " now)")
					.stream()
					.toList();
			}
			this.tracker.between(subject);
			return List.of();
		}
		this.aboveSince.remove(id);
		if (this.tracker.rule().clearing().allowsClearing(value, this.above)) {
			return this.tracker
				.clear(subject, reading.time(), Values.rounded(value), this.above,
						() -> this.key.key() + " back to " + Values.show(value) + " " + unit)
				.stream()
				.toList();
		}
		this.tracker.between(subject);
		return List.of();
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
