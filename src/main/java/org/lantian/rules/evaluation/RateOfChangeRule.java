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

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * A sudden change against the values flagged N of the last {@code window}: a drop holds
 * when the value is at or below (1 − drop) × the window's maximum and that maximum is at
 * least {@code minLevel} (a sudden drop around an inspection, SEEDS-BRIEF); a rise holds
 * when the value is at or above (1 + rise) × the window's minimum and the value is at
 * least {@code minLevel}. It clears at the first value for which neither holds (after the
 * clear duration); the clear margin does not apply.
 */
public final class RateOfChangeRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Measurand key;

	private final Duration window;

	private final @Nullable BigDecimal drop;

	private final @Nullable BigDecimal rise;

	private final BigDecimal minLevel;

	private final boolean corrected;

	private final OxygenCorrection correction;

	/** The window as people read it, e.g. "60 min". */
	private final String span;

	private final Map<String, SlidingWindow> windows = new ConcurrentHashMap<>();

	public RateOfChangeRule(RuleBasics basics, Measurand key, Duration window, @Nullable BigDecimal drop,
			@Nullable BigDecimal rise, BigDecimal minLevel, boolean corrected, OxygenCorrection correction) {
		this.tracker = new ConditionTracker(basics);
		this.key = Objects.requireNonNull(key, "key");
		this.window = Objects.requireNonNull(window, "window");
		this.span = window.toMinutes() + " min";
		this.drop = drop;
		this.rise = rise;
		this.minLevel = Objects.requireNonNull(minLevel, "minLevel");
		this.corrected = corrected;
		this.correction = correction;
		if (drop == null && rise == null) {
			throw new IllegalArgumentException("needs 'drop' or 'rise'");
		}
		if (drop != null && (drop.signum() <= 0 || drop.compareTo(BigDecimal.ONE) >= 0)) {
			throw new IllegalArgumentException("drop must be a fraction in (0, 1): " + drop.toPlainString());
		}
		if (rise != null && rise.signum() <= 0) {
			throw new IllegalArgumentException("rise must be positive: " + rise.toPlainString());
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive: " + window);
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
		Instant now = reading.time();
		String id = site.id().value();
		SlidingWindow points = this.windows.computeIfAbsent(id, (k) -> new SlidingWindow());
		points.dropUntil(now.minus(this.window), false);
		BigDecimal max = points.max();
		BigDecimal min = points.min();
		points.add(now, value);
		SubjectKey subject = new SubjectKey(id, this.key.key());
		if (this.drop != null && max != null && max.compareTo(this.minLevel) >= 0) {
			BigDecimal level = max.multiply(BigDecimal.ONE.subtract(this.drop));
			if (value.compareTo(level) <= 0) {
				return this.tracker.holds(subject, now, Values.rounded(value), Values.rounded(level),
						() -> this.key.key() + " dropped from " + Values.show(max) + " to " + Values.show(value) + " "
								+ Values.unit(this.key, site) + " (" + percent(value, max) + ") within " + this.span)
					.stream()
					.toList();
			}
		}
		if (this.rise != null && min != null && value.compareTo(this.minLevel) >= 0) {
			BigDecimal level = min.multiply(BigDecimal.ONE.add(this.rise));
			if (value.compareTo(level) >= 0) {
				return this.tracker.holds(subject, now, Values.rounded(value), Values.rounded(level),
						() -> this.key.key() + " rose from " + Values.show(min) + " to " + Values.show(value) + " "
								+ Values.unit(this.key, site) + " (" + percent(value, min) + ") within " + this.span)
					.stream()
					.toList();
			}
		}
		return this.tracker
			.clear(subject, now, Values.rounded(value), null,
					() -> this.key.key() + " steady again at " + Values.show(value) + " " + Values.unit(this.key, site))
			.stream()
			.toList();
	}

	private static String percent(BigDecimal value, BigDecimal reference) {
		if (reference.signum() == 0) {
			return "from zero";
		}
		BigDecimal change = value.subtract(reference)
			.multiply(BigDecimal.valueOf(100))
			.divide(reference, MathContext.DECIMAL64);
		return ((change.signum() > 0) ? "+" : "") + Values.show(change) + " %";
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
