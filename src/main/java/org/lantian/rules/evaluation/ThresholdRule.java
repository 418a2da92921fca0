package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * A measured or O₂-corrected value above a threshold, judged on every value flagged N:
 * active above {@code above} (critical above {@code criticalAbove}, if set), cleared at
 * or below the threshold minus the clear margin.
 */
public final class ThresholdRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Measurand key;

	private final BigDecimal above;

	private final @Nullable BigDecimal criticalAbove;

	private final boolean corrected;

	private final OxygenCorrection correction;

	public ThresholdRule(RuleBasics basics, Measurand key, BigDecimal above, @Nullable BigDecimal criticalAbove,
			boolean corrected, OxygenCorrection correction) {
		this.tracker = new ConditionTracker(basics);
		this.key = Objects.requireNonNull(key, "key");
		this.above = Objects.requireNonNull(above, "above");
		this.criticalAbove = criticalAbove;
		this.corrected = corrected;
		this.correction = correction;
		if (criticalAbove != null && criticalAbove.compareTo(above) <= 0) {
			throw new IllegalArgumentException("criticalAbove " + criticalAbove.toPlainString()
					+ " must be above 'above' " + above.toPlainString());
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
		Severity severity = (this.criticalAbove != null && value.compareTo(this.criticalAbove) > 0) ? Severity.CRITICAL
				: this.tracker.rule().severity();
		String unit = Values.unit(this.key, site);
		return this.tracker
			.judge(new SubjectKey(site.id().value(), this.key.key()), severity, reading.time(), Values.rounded(value),
					this.above,
					() -> what(site) + " " + Values.show(value) + " " + unit + " above " + Values.show(this.above) + " "
							+ unit,
					() -> what(site) + " back to " + Values.show(value) + " " + unit + " (threshold "
							+ Values.show(this.above) + " " + unit + ")")
			.stream()
			.toList();
	}

	private String what(Site site) {
		return this.key.key() + ((this.corrected && site.referenceO2() != null) ? " (O₂-corrected)" : "");
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
