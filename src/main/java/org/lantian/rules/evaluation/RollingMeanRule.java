package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
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
 * The mean of the values flagged N in the window ({@code window} ending at the newest
 * value, start excluded) above {@code above}, once it holds at least {@code minSamples}
 * values. Cleared at or below the threshold minus the margin.
 */
public final class RollingMeanRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Measurand key;

	private final BigDecimal above;

	private final Duration window;

	private final int minSamples;

	private final boolean corrected;

	private final OxygenCorrection correction;

	/** The window as people read it, e.g. "60 min". */
	private final String span;

	private final Map<String, SlidingWindow> windows = new ConcurrentHashMap<>();

	public RollingMeanRule(RuleBasics basics, Measurand key, BigDecimal above, Duration window, int minSamples,
			boolean corrected, OxygenCorrection correction) {
		this.tracker = new ConditionTracker(basics);
		this.key = Objects.requireNonNull(key, "key");
		this.above = Objects.requireNonNull(above, "above");
		this.window = Objects.requireNonNull(window, "window");
		this.span = window.toMinutes() + " min";
		this.minSamples = minSamples;
		this.corrected = corrected;
		this.correction = correction;
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive: " + window);
		}
		if (minSamples < 1) {
			throw new IllegalArgumentException("minSamples must be at least 1: " + minSamples);
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
		String id = site.id().value();
		SlidingWindow points = this.windows.computeIfAbsent(id, (k) -> new SlidingWindow());
		Instant now = reading.time();
		Instant newest = points.isEmpty() || now.isAfter(points.newest()) ? now : points.newest();
		points.add(now, judged.get());
		points.dropUntil(newest.minus(this.window), true);
		if (points.size() < this.minSamples) {
			return List.of();
		}
		int count = points.size();
		BigDecimal mean = points.sum().divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
		return this.tracker
			.judge(new SubjectKey(id, this.key.key()), this.tracker.rule().severity(), now, Values.rounded(mean),
					this.above,
					() -> this.key.key() + " " + this.span + " mean " + Values.show(mean) + " "
							+ Values.unit(this.key, site) + " above " + Values.show(this.above) + " "
							+ Values.unit(this.key, site) + " (" + count + " values)",
					() -> this.key.key() + " " + this.span + " mean back to " + Values.show(mean) + " "
							+ Values.unit(this.key, site))
			.stream()
			.toList();
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
