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
 * values' own times.
 * <p>
 * With a production threshold it holds only while the same reading shows a flow flagged N
 * above it (m³/h, dry standard state): "stopped" while the flue gas shows production. The
 * threshold is {@code flowAbove} when the rule gives one, for every site; otherwise
 * {@code flowShare} of the site's {@link Site#designFlow() design flow}. A site with
 * neither is not judged at all, and without a usable flow value nothing changes. Cleared
 * by a value of the key with another flag (after the clear duration). Per site and key;
 * {@code flow} itself is never judged when the rule watches production.
 */
public final class FlagRule implements RuleEvaluator {

	private final ConditionTracker tracker;

	private final Set<DataFlag> flags;

	private final Set<Measurand> keys;

	private final Duration longerThan;

	private final @Nullable BigDecimal flowAbove;

	private final @Nullable BigDecimal flowShare;

	private final Map<SubjectKey, Instant> flaggedSince = new ConcurrentHashMap<>();

	/** A rule that either ignores the flow or applies one threshold to every site. */
	public FlagRule(RuleBasics basics, Set<DataFlag> flags, Set<Measurand> keys, Duration longerThan,
			@Nullable BigDecimal flowAbove) {
		this(basics, flags, keys, longerThan, flowAbove, null);
	}

	/**
	 * @param flowAbove the production threshold in m³/h for every site; wins over
	 * {@code flowShare}
	 * @param flowShare the production threshold as a fraction in (0, 1] of each site's
	 * design flow; the rule ignores the flow when both are null
	 */
	public FlagRule(RuleBasics basics, Set<DataFlag> flags, Set<Measurand> keys, Duration longerThan,
			@Nullable BigDecimal flowAbove, @Nullable BigDecimal flowShare) {
		this.tracker = new ConditionTracker(basics);
		this.flags = Set.copyOf(flags);
		this.keys = Set.copyOf(keys);
		this.longerThan = Objects.requireNonNull(longerThan, "longerThan");
		this.flowAbove = flowAbove;
		this.flowShare = flowShare;
		if (flowAbove != null && flowAbove.signum() < 0) {
			throw new IllegalArgumentException("negative flowAbove: " + flowAbove.toPlainString() + " m³/h");
		}
		if (flowShare != null && (flowShare.signum() <= 0 || flowShare.compareTo(BigDecimal.ONE) > 0)) {
			throw new IllegalArgumentException(
					"flowShare must be a fraction in (0, 1] of the design flow, was " + flowShare.toPlainString());
		}
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

	/** Whether the rule judges flags only while the flow shows production. */
	public boolean watchesProduction() {
		return this.flowAbove != null || this.flowShare != null;
	}

	/**
	 * The flow (m³/h) above which the site is producing: {@code flowAbove}, else
	 * {@code flowShare} × its design flow; empty when the rule ignores the flow or the
	 * site has no design flow.
	 */
	public Optional<BigDecimal> productionThreshold(Site site) {
		if (this.flowAbove != null) {
			return Optional.of(this.flowAbove);
		}
		if (this.flowShare == null || site.designFlow() == null) {
			return Optional.empty();
		}
		return Optional.of(site.designFlow().multiply(this.flowShare));
	}

	@Override
	public List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt) {
		boolean watchesProduction = watchesProduction();
		BigDecimal threshold = productionThreshold(site).orElse(null);
		if (watchesProduction && threshold == null) {
			// no design flow to take a share of: the site cannot be judged (start-up
			// WARN)
			return List.of();
		}
		List<RuleConditionChanged> changes = new ArrayList<>(1);
		String id = site.id().value();
		Boolean producing = producing(reading, threshold);
		for (Map.Entry<Measurand, Measurement> entry : reading.values().entrySet()) {
			Measurand key = entry.getKey();
			if ((!this.keys.isEmpty() && !this.keys.contains(key)) || (watchesProduction && key == Measurand.FLOW)) {
				continue;
			}
			DataFlag flag = entry.getValue().flag();
			SubjectKey subject = new SubjectKey(id, key.key());
			boolean flagged = this.flags.contains(flag);
			if (flagged && producing == null) {
				continue;
			}
			if (flagged && producing) {
				Instant since = this.flaggedSince.merge(subject, reading.time(), (a, b) -> a.isBefore(b) ? a : b);
				if (Duration.between(since, reading.time()).compareTo(this.longerThan) >= 0) {
					String production = (threshold != null) ? " while the flow "
							+ Values.show(reading.values().get(Measurand.FLOW).value()) + " m³/h shows production (> "
							+ Values.show(threshold) + " m³/h" + basis(site) + ")" : "";
					this.tracker
						.holds(subject, reading.time(), entry.getValue().value(), threshold,
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
					.clear(subject, reading.time(), entry.getValue().value(), threshold,
							() -> key.key() + " flagged " + flag + " again")
					.ifPresent(changes::add);
			}
		}
		return changes;
	}

	/** Where a share-of-design threshold came from, for the message. */
	private String basis(Site site) {
		if (this.flowAbove != null || this.flowShare == null || site.designFlow() == null) {
			return "";
		}
		return ", " + this.flowShare.movePointRight(2).stripTrailingZeros().toPlainString() + " % of the design flow "
				+ Values.show(site.designFlow());
	}

	/**
	 * Whether the reading shows production: always when there is no threshold; null when
	 * it cannot tell.
	 */
	private static @Nullable Boolean producing(Reading reading, @Nullable BigDecimal threshold) {
		if (threshold == null) {
			return Boolean.TRUE;
		}
		Measurement flow = reading.values().get(Measurand.FLOW);
		if (flow == null || !flow.flag().isNormal()) {
			return null;
		}
		return flow.value().compareTo(threshold) > 0;
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
