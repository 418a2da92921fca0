package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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

	private final Map<String, Deque<Point>> windows = new ConcurrentHashMap<>();

	public RollingMeanRule(RuleBasics basics, Measurand key, BigDecimal above, Duration window, int minSamples,
			boolean corrected, OxygenCorrection correction) {
		this.tracker = new ConditionTracker(basics);
		this.key = Objects.requireNonNull(key, "key");
		this.above = Objects.requireNonNull(above, "above");
		this.window = Objects.requireNonNull(window, "window");
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
		Deque<Point> points = this.windows.computeIfAbsent(id, (k) -> new ArrayDeque<>());
		Instant now = reading.time();
		Instant newest = points.isEmpty() ? now : (points.peekLast().at().isAfter(now) ? points.peekLast().at() : now);
		points.addLast(new Point(now, judged.get()));
		Instant start = newest.minus(this.window);
		points.removeIf((p) -> !p.at().isAfter(start));
		if (points.size() < this.minSamples) {
			return List.of();
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (Point point : points) {
			sum = sum.add(point.value());
		}
		BigDecimal mean = sum.divide(BigDecimal.valueOf(points.size()), MathContext.DECIMAL128);
		String unit = Values.unit(this.key, site);
		String span = this.window.toMinutes() + " min";
		return this.tracker
			.judge(new SubjectKey(id, this.key.key()), this.tracker.rule().severity(), now, Values.rounded(mean),
					this.above,
					this.key.key() + " " + span + " mean " + Values.show(mean) + " " + unit + " above "
							+ Values.show(this.above) + " " + unit + " (" + points.size() + " values)",
					this.key.key() + " " + span + " mean back to " + Values.show(mean) + " " + unit)
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

	private record Point(Instant at, BigDecimal value) {
	}

}
