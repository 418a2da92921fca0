package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.emission.EmissionLimit;
import org.lantian.domain.emission.HourlyJudgement;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.domain.emission.StackExceedance;
import org.lantian.domain.validity.Averages;
import org.lantian.domain.validity.Observation;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * The valid hourly mean of a stack, O₂-corrected to the site's reference O₂, above the
 * limit of its limit profile (STANDARDS §5.5, judged by
 * {@link StackExceedance#judgeMeasured}): samples and minute values flagged N are
 * gathered per clock hour (in the reporting zone); an hour is judged when it closes,
 * which is the first reading of a later hour, or for a silent site the timer once
 * {@code closeAfter} has passed since the hour's end and since its last reading was
 * received (a logger re-sending an old hour is not cut off). Readings of an hour already
 * judged are late and ignored. A device-reported hourly value is used only for an hour
 * without any sample or minute value ({@link Averages#hourly(Instant, List, Optional)}).
 * <p>
 * Active on an exceeding hour (critical when the exceedance ratio is at least
 * {@code criticalRatio}); again only when the severity changes; cleared by a judged hour
 * at or below the limit minus the clear margin. An hour not judged (fewer than 45 valid
 * minutes, no O₂, correction refused, no limit) changes nothing.
 */
public final class HourlyExceedanceRule implements RuleEvaluator {

	private static final Duration HOUR = Duration.ofHours(1);

	private final ConditionTracker tracker;

	private final Set<Measurand> keys;

	private final @Nullable BigDecimal criticalRatio;

	private final Duration closeAfter;

	private final ZoneId zone;

	private final OxygenCorrection correction;

	private final Map<String, SiteHours> sites = new ConcurrentHashMap<>();

	public HourlyExceedanceRule(RuleBasics basics, Set<Measurand> keys, @Nullable BigDecimal criticalRatio,
			Duration closeAfter, ZoneId zone, OxygenCorrection correction) {
		this.tracker = new ConditionTracker(basics);
		this.keys = Set.copyOf(keys);
		this.criticalRatio = criticalRatio;
		this.closeAfter = Objects.requireNonNull(closeAfter, "closeAfter");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.correction = Objects.requireNonNull(correction, "correction");
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no keys");
		}
		for (Measurand key : keys) {
			if (!key.isConcentration()) {
				throw new IllegalArgumentException("not a concentration: " + key.key());
			}
		}
		if (criticalRatio != null && criticalRatio.signum() <= 0) {
			throw new IllegalArgumentException("criticalRatio must be positive: " + criticalRatio.toPlainString());
		}
		if (closeAfter.isNegative()) {
			throw new IllegalArgumentException("negative closeAfter: " + closeAfter);
		}
	}

	@Override
	public String ruleId() {
		return this.tracker.rule().id();
	}

	@Override
	public List<RuleConditionChanged> onReading(Site site, Reading reading, Instant receivedAt) {
		if (site.limitProfile() == null || reading.period() == ReadingPeriod.DAY) {
			return List.of();
		}
		SiteHours hours = this.sites.computeIfAbsent(site.id().value(), (k) -> new SiteHours(site));
		hours.site = site;
		Instant hourStart = hourStart(reading.time());
		List<RuleConditionChanged> changes = new ArrayList<>();
		// the first reading of a later hour closes the hours before it
		while (!hours.open.isEmpty() && hours.open.firstKey().isBefore(hourStart)) {
			close(hours, hours.open.firstKey(), changes);
		}
		if (hours.lastClosed != null && !hourStart.isAfter(hours.lastClosed)) {
			return changes;
		}
		Hour hour = hours.open.computeIfAbsent(hourStart, (k) -> new Hour());
		hour.lastReceived = receivedAt;
		for (Map.Entry<Measurand, Measurement> entry : reading.values().entrySet()) {
			Measurand key = entry.getKey();
			if (key != Measurand.O2 && !this.keys.contains(key)) {
				continue;
			}
			Observation observation = new Observation(reading.time(), entry.getValue().value(),
					entry.getValue().flag());
			if (reading.period() == ReadingPeriod.HOUR) {
				hour.reported.put(key, observation);
			}
			else {
				hour.samples.computeIfAbsent(key, (k) -> new ArrayList<>()).add(observation);
			}
		}
		return changes;
	}

	@Override
	public List<RuleConditionChanged> onTick(Instant now, Predicate<String> owns) {
		List<RuleConditionChanged> changes = new ArrayList<>();
		for (Map.Entry<String, SiteHours> entry : this.sites.entrySet()) {
			if (!owns.test(entry.getKey())) {
				continue;
			}
			SiteHours hours = entry.getValue();
			// a silent site's hour closes closeAfter after its end, and after its last
			// reading:
			// a logger re-sending an old hour (补传) is not cut off after its first minutes
			while (!hours.open.isEmpty() && !hours.open.firstKey().plus(HOUR).plus(this.closeAfter).isAfter(now)
					&& !hours.open.firstEntry().getValue().lastReceived.plus(this.closeAfter).isAfter(now)) {
				close(hours, hours.open.firstKey(), changes);
			}
		}
		return changes;
	}

	private void close(SiteHours hours, Instant hourStart, List<RuleConditionChanged> changes) {
		Hour hour = hours.open.remove(hourStart);
		hours.lastClosed = hourStart;
		Site site = hours.site;
		String profile = Objects.requireNonNull(site.limitProfile());
		List<Observation> o2Samples = hour.samples.getOrDefault(Measurand.O2, List.of());
		for (Measurand key : this.keys) {
			List<Observation> samples = hour.samples.getOrDefault(key, List.of());
			Optional<Observation> reported = Optional.ofNullable(hour.reported.get(key));
			if (samples.isEmpty() && reported.isEmpty()) {
				continue;
			}
			HourlyJudgement judgement = StackExceedance.judgeMeasured(profile, key, hourStart, this.zone,
					Averages.hourly(hourStart, samples, reported),
					Averages.hourly(hourStart, o2Samples, Optional.ofNullable(hour.reported.get(Measurand.O2))),
					site.referenceO2(), this.correction);
			judge(site, key, judgement).ifPresent(changes::add);
		}
	}

	private Optional<RuleConditionChanged> judge(Site site, Measurand key, HourlyJudgement judgement) {
		SubjectKey subject = new SubjectKey(site.id().value(), key.key());
		Instant hourStart = judgement.hourStart();
		if (judgement instanceof HourlyJudgement.Exceeding exceeding) {
			StackExceedance exceedance = exceeding.exceedance();
			Severity severity = (this.criticalRatio != null && exceedance.ratio().compareTo(this.criticalRatio) >= 0)
					? Severity.CRITICAL : this.tracker.rule().severity();
			EmissionLimit limit = exceedance.limit();
			return this.tracker.holds(subject, severity, hourStart, Values.rounded(exceedance.value()), limit.value(),
					() -> key.key() + " hourly mean" + basis(limit) + " " + Values.show(exceedance.value())
							+ " mg/m³ above the limit " + Values.show(limit.value()) + " mg/m³ (" + limit.profile()
							+ "), exceedance ratio " + Values.show(exceedance.ratio()) + ", hour "
							+ hourLabel(hourStart));
		}
		if (judgement instanceof HourlyJudgement.Compliant compliant) {
			EmissionLimit limit = compliant.limit();
			if (this.tracker.rule().clearing().allowsClearing(compliant.value(), limit.value())) {
				return this.tracker.clear(subject, hourStart, Values.rounded(compliant.value()), limit.value(),
						() -> key.key() + " hourly mean" + basis(limit) + " " + Values.show(compliant.value())
								+ " mg/m³ within the limit " + Values.show(limit.value()) + " mg/m³ (" + limit.profile()
								+ "), hour " + hourLabel(hourStart));
			}
			this.tracker.between(subject);
		}
		return Optional.empty();
	}

	private static String basis(EmissionLimit limit) {
		return (limit.referenceO2() != null)
				? " (O₂-corrected to " + limit.referenceO2().stripTrailingZeros().toPlainString() + " %)" : "";
	}

	private String hourLabel(Instant hourStart) {
		return hourStart.atZone(this.zone).toLocalDateTime() + "–"
				+ hourStart.plus(HOUR).atZone(this.zone).toLocalTime();
	}

	private Instant hourStart(Instant time) {
		return time.atZone(this.zone).truncatedTo(ChronoUnit.HOURS).toInstant();
	}

	/** The hours of one site not judged yet. */
	public int openHours(String site) {
		SiteHours hours = this.sites.get(site);
		return (hours != null) ? hours.open.size() : 0;
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

	private static final class SiteHours {

		private Site site;

		private final TreeMap<Instant, Hour> open = new TreeMap<>();

		private @Nullable Instant lastClosed;

		SiteHours(Site site) {
			this.site = site;
		}

	}

	private static final class Hour {

		private final Map<Measurand, List<Observation>> samples = new EnumMap<>(Measurand.class);

		private final Map<Measurand, Observation> reported = new EnumMap<>(Measurand.class);

		/** When the last reading of the hour was received (not taken). */
		private Instant lastReceived = Instant.MIN;

	}

}
