package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * A key flagged with one of {@code flags} (HJ 212-2017 表8: D fault, M maintenance, F
 * stopped …) on every value of at least {@code longerThan} (zero: at once), judged on the
 * values' own times. With {@code flowAbove} it holds only while the same reading shows a
 * flow flagged N above it (m³/h): "stopped" while the flue gas shows production; without
 * a usable flow value nothing changes. Cleared by a value of the key with another flag
 * (after the clear duration). Per site and key; {@code flow} itself is never judged when
 * {@code flowAbove} is set.
 */
public final class FlagRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Set<DataFlag> flags;

	private final Set<Measurand> keys;

	private final Duration longerThan;

	private final @Nullable BigDecimal flowAbove;

	private final Map<SubjectKey, Instant> flaggedSince = new ConcurrentHashMap<>();

	public FlagRule(RuleBasics basics, Set<DataFlag> flags, Set<Measurand> keys, Duration longerThan,
			@Nullable BigDecimal flowAbove) {
		this.tracker = new ConditionTracker(basics);
		this.flags = Set.copyOf(flags);
		this.keys = Set.copyOf(keys);
		this.longerThan = Objects.requireNonNull(longerThan, "longerThan");
		this.flowAbove = flowAbove;
		if (flags.isEmpty()) {
			throw new IllegalArgumentException("no flags");
		}
		if (flags.contains(DataFlag.N)) {
			throw new IllegalArgumentException("flag N is the normal state, not a condition");
		}
		if (longerThan.isNegative()) {
			throw new IllegalArgumentException("negative duration: " + longerThan);
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
		Boolean producing = producing(reading);
		for (Map.Entry<Measurand, Measurement> entry : reading.values().entrySet()) {
			Measurand key = entry.getKey();
			if ((!this.keys.isEmpty() && !this.keys.contains(key))
					|| (this.flowAbove != null && key == Measurand.FLOW)) {
				continue;
			}
			DataFlag flag = entry.getValue().flag();
			SubjectKey subject = new SubjectKey(id, key.key());
			boolean flagged = this.flags.contains(flag);
			if (flagged && this.flowAbove != null && producing == null) {
				continue;
			}
			if (flagged && (this.flowAbove == null || producing)) {
				Instant since = this.flaggedSince.merge(subject, reading.time(), (a, b) -> a.isBefore(b) ? a : b);
				if (Duration.between(since, reading.time()).compareTo(this.longerThan) >= 0) {
					String production = (this.flowAbove != null)
							? " while the flow " + Values.show(reading.values().get(Measurand.FLOW).value())
									+ " m³/h shows production (> " + Values.show(this.flowAbove) + " m³/h)"
							: "";
					this.tracker
						.holds(subject, reading.time(), entry.getValue().value(), this.flowAbove,
								() -> key.key() + " flagged " + flag + " (" + describe(flag) + ") since " + since
										+ production)
						.ifPresent(changes::add);
				}
				else {
					this.tracker.between(subject);
				}
			}
			else {
				this.flaggedSince.remove(subject);
				this.tracker
					.clear(subject, reading.time(), entry.getValue().value(), this.flowAbove,
							() -> key.key() + " flagged " + flag + " again")
					.ifPresent(changes::add);
			}
		}
		return changes;
	}

	/** Whether the reading shows production; null when it cannot tell. */
	private @Nullable Boolean producing(Reading reading) {
		if (this.flowAbove == null) {
			return Boolean.TRUE;
		}
		Measurement flow = reading.values().get(Measurand.FLOW);
		if (flow == null || !flow.flag().isNormal()) {
			return null;
		}
		return flow.value().compareTo(this.flowAbove) > 0;
	}

	private static String describe(DataFlag flag) {
		return switch (flag) {
			case N -> "normal";
			case F -> "stopped";
			case M -> "maintenance";
			case S -> "manual input";
			case D -> "fault";
			case C -> "calibration";
			case T -> "over range";
			case B -> "communication abnormal";
		};
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
