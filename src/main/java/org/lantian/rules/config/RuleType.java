package org.lantian.rules.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lantian.domain.Measurand;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.evaluation.EventRule;
import org.lantian.rules.evaluation.FlagRule;
import org.lantian.rules.evaluation.FlatLineRule;
import org.lantian.rules.evaluation.HourlyExceedanceRule;
import org.lantian.rules.evaluation.NoDataRule;
import org.lantian.rules.evaluation.RateOfChangeRule;
import org.lantian.rules.evaluation.RollingMeanRule;
import org.lantian.rules.evaluation.RuleEvaluator;
import org.lantian.rules.evaluation.SustainedRule;
import org.lantian.rules.evaluation.ThresholdRule;

/**
 * The rule types of the rules file, by their {@code type:} key, each reading its own
 * parameters (docs/rules.md).
 */
public enum RuleType {

	THRESHOLD("threshold"), HOURLY_EXCEEDANCE("hourly-exceedance"), SUSTAINED("sustained"),
	ROLLING_MEAN("rolling-mean"), RATE_OF_CHANGE("rate-of-change"), NO_DATA("no-data"), FLAT_LINE("flat-line"),
	FLAG("flag"),
	/** GB 3095 exceedances announced by the air-quality module. */
	AMBIENT_LIMIT("ambient-limit"),
	/** Heavy-pollution days (daily AQI > 200) announced by the air-quality module. */
	HEAVY_POLLUTION_DAY("heavy-pollution-day");

	/** The stack pollutants an hourly-exceedance rule judges unless told otherwise. */
	static final Set<Measurand> STACK_POLLUTANTS = EnumSet.of(Measurand.PM, Measurand.SO2, Measurand.NOX,
			Measurand.NMHC);

	/**
	 * The share of a stack's design flow above which a flag rule that watches production
	 * takes it to be producing, unless the rule says otherwise: a sample value, not a
	 * standard's.
	 */
	public static final BigDecimal DEFAULT_FLOW_SHARE = new BigDecimal("0.1");

	private final String key;

	RuleType(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	/** Whether the type is fed the air-quality module's events rather than readings. */
	public boolean isEventDriven() {
		return this == AMBIENT_LIMIT || this == HEAVY_POLLUTION_DAY;
	}

	static RuleType fromKey(String key) {
		for (RuleType type : values()) {
			if (type.key.equals(key)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown type '" + key + "' (one of "
				+ Stream.of(values()).map(RuleType::key).collect(Collectors.joining(", ")) + ")");
	}

	/**
	 * The evaluator of a definition of this type.
	 * @throws IllegalArgumentException naming the parameter that is missing or wrong
	 */
	public RuleEvaluator create(RuleDefinition rule, ZoneId zone, OxygenCorrection correction) {
		Parameters p = new Parameters(rule.parameters());
		RuleEvaluator evaluator = switch (this) {
			case THRESHOLD -> new ThresholdRule(rule.basics(), p.measurand("key"), p.requiredDecimal("above"),
					p.decimal("criticalAbove"), p.bool("corrected", false), correction);
			case HOURLY_EXCEEDANCE -> new HourlyExceedanceRule(rule.basics(), p.measurands("keys", STACK_POLLUTANTS),
					p.decimal("criticalRatio"), p.duration("closeAfter", Duration.ofMinutes(15)), zone, correction);
			case SUSTAINED -> new SustainedRule(rule.basics(), p.measurand("key"), p.requiredDecimal("above"),
					p.requiredDuration("for"), p.bool("corrected", false), correction);
			case ROLLING_MEAN -> new RollingMeanRule(rule.basics(), p.measurand("key"), p.requiredDecimal("above"),
					p.requiredDuration("window"), p.integer("minSamples", 1), p.bool("corrected", false), correction);
			case RATE_OF_CHANGE ->
				new RateOfChangeRule(rule.basics(), p.measurand("key"), p.requiredDuration("window"), p.decimal("drop"),
						p.decimal("rise"), orZero(p.decimal("minLevel")), p.bool("corrected", false), correction);
			case NO_DATA -> new NoDataRule(rule.basics(), p.measurands("keys", Set.of()), p.requiredDuration("after"));
			case FLAT_LINE -> new FlatLineRule(rule.basics(), p.measurand("key"), p.integer("samples", 0),
					orZero(p.decimal("tolerance")));
			case FLAG -> flag(rule, p);
			case AMBIENT_LIMIT -> new EventRule(rule.basics(), p.strings("keys"),
					p.duration("ignoreOlderThan", Duration.ofHours(48)), p.duration("clearAfter"));
			case HEAVY_POLLUTION_DAY -> new EventRule(rule.basics(), Set.of(),
					p.duration("ignoreOlderThan", Duration.ofHours(48)), p.duration("clearAfter"));
		};
		p.requireNoOthers();
		return evaluator;
	}

	/**
	 * A flag rule. It watches production when {@code whileProducing} is true or a
	 * threshold is given: {@code flowAbove} (m³/h) for every site, else {@code flowShare}
	 * (default {@link #DEFAULT_FLOW_SHARE}) of each site's design flow.
	 */
	private static FlagRule flag(RuleDefinition rule, Parameters p) {
		BigDecimal flowAbove = p.decimal("flowAbove");
		BigDecimal flowShare = p.decimal("flowShare");
		Boolean whileProducing = p.bool("whileProducing");
		if (flowAbove != null && flowAbove.signum() < 0) {
			throw new Parameters.ParameterException("flowAbove",
					"must not be negative, was " + flowAbove.toPlainString() + " (m³/h)");
		}
		if (flowShare != null && (flowShare.signum() <= 0 || flowShare.compareTo(BigDecimal.ONE) > 0)) {
			throw new Parameters.ParameterException("flowShare", "must be a fraction in (0, 1] of the site's"
					+ " designFlow (0.1 = 10 %), was " + flowShare.toPlainString());
		}
		if (Boolean.FALSE.equals(whileProducing) && (flowAbove != null || flowShare != null)) {
			throw new Parameters.ParameterException("whileProducing",
					"false contradicts " + ((flowAbove != null) ? "flowAbove" : "flowShare")
							+ ", which only apply while watching production");
		}
		if (Boolean.TRUE.equals(whileProducing) && flowAbove == null && flowShare == null) {
			flowShare = DEFAULT_FLOW_SHARE;
		}
		return new FlagRule(rule.basics(), p.flags("flags"), p.measurands("keys", Set.of()),
				p.duration("longerThan", Duration.ZERO), flowAbove, flowShare);
	}

	private static java.math.BigDecimal orZero(java.math.@org.jspecify.annotations.Nullable BigDecimal value) {
		return (value != null) ? value : java.math.BigDecimal.ZERO;
	}

	@Override
	public String toString() {
		return this.key.toLowerCase(Locale.ROOT);
	}

}
