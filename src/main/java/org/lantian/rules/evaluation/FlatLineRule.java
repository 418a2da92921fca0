package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * A value unchanged for {@code samples} consecutive values flagged N (largest minus
 * smallest at most {@code tolerance}): a stuck analyser or a replayed, tampered series
 * (SEEDS-BRIEF anti-fraud). Cleared by the first value that breaks the line (after the
 * clear duration).
 */
public final class FlatLineRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Measurand key;

	private final int samples;

	private final BigDecimal tolerance;

	private final Map<String, SlidingWindow> last = new ConcurrentHashMap<>();

	public FlatLineRule(RuleBasics basics, Measurand key, int samples, BigDecimal tolerance) {
		this.tracker = new ConditionTracker(basics);
		this.key = Objects.requireNonNull(key, "key");
		this.samples = samples;
		this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
		if (samples < 2) {
			throw new IllegalArgumentException("samples must be at least 2: " + samples);
		}
		if (tolerance.signum() < 0) {
			throw new IllegalArgumentException("negative tolerance: " + tolerance.toPlainString());
		}
	}

	@Override
	public String ruleId() {
		return this.tracker.rule().id();
	}

	@Override
	public List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt) {
		Measurement measurement = reading.values().get(this.key);
		if (measurement == null || !measurement.flag().isNormal()) {
			return List.of();
		}
		String id = site.id().value();
		SlidingWindow values = this.last.computeIfAbsent(id, (k) -> new SlidingWindow());
		values.add(reading.time(), measurement.value());
		while (values.size() > this.samples) {
			values.dropOldest();
		}
		BigDecimal min = values.min();
		BigDecimal max = values.max();
		SubjectKey subject = new SubjectKey(id, this.key.key());
		String unit = Values.unit(this.key, site);
		if (values.size() == this.samples && max.subtract(min).compareTo(this.tolerance) <= 0) {
			return this.tracker
				.holds(subject, reading.time(), measurement.value(), null,
						() -> this.key.key() + " unchanged at " + Values.show(measurement.value()) + " " + unit
								+ " for " + this.samples + " values: stuck analyser or tampering?")
				.stream()
				.toList();
		}
		if (values.size() < this.samples && this.tracker.isActive(subject)
				&& max.subtract(min).compareTo(this.tolerance) <= 0) {
			return List.of();
		}
		return this.tracker
			.clear(subject, reading.time(), measurement.value(), null,
					() -> this.key.key() + " varies again (" + Values.show(measurement.value()) + " " + unit + ")")
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
