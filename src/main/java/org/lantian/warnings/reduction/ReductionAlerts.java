package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lantian.domain.Measurand;
import org.lantian.domain.warning.reduction.HourlyReduction;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionSummary;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;
import org.lantian.storage.AlertRecord;

/**
 * Which emergency-reduction conditions a round opens or clears (docs/warnings.md
 * "Non-compliance alerts"). One condition per warning and enterprise, keyed for the
 * alerts module by rule {@value #RULE}, the enterprise's first listed stack and key
 * {@value #KEY}: active when, in the enterprise's latest judged hour (the latest hour
 * judged for any of its pollutants), at least one pollutant is above its allowed rate;
 * cleared when a later judged hour has every pollutant judged in it within, or when the
 * warning no longer demands cuts. Only changes are returned; a condition seen for the
 * first time (e.g. after a restart) is returned either way, so an alert left open by an
 * earlier run is cleared too. Plain Java with state, not thread-safe: one round at a
 * time.
 */
final class ReductionAlerts {

	/** The rule id of the conditions. */
	static final String RULE = "emergency-reduction";

	/**
	 * The key of the conditions: one per warning and enterprise, whichever pollutants
	 * fail (free text for the alerts module, not a measurand).
	 */
	static final String KEY = "emission-cut";

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	/** Whether each condition is active, as last returned. */
	private final Map<Subject, Boolean> known = new HashMap<>();

	/** The non-compliant enterprise-hours already counted, per condition. */
	private final Map<Subject, Set<Instant>> counted = new HashMap<>();

	ReductionAlerts(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * One round.
	 * @param verified the verifications of warnings that demand cuts now
	 * @param demanding the ids of every warning that demands cuts now (verified or not:
	 * one whose data could not be read keeps its conditions)
	 * @param now when conditions of warnings no longer demanding cuts are cleared
	 */
	Round next(List<EpisodeVerification> verified, Set<String> demanding, Instant now) {
		List<RuleConditionChanged> changes = new ArrayList<>();
		int nonCompliant = 0;
		for (EpisodeVerification verification : verified) {
			String warningId = verification.episode().id();
			for (EpisodeVerification.EnterpriseVerification enterprise : verification.enterprises()) {
				Subject subject = new Subject(warningId, enterprise.entry().enterpriseId(),
						firstStack(enterprise.entry()));
				nonCompliant += countNew(subject, enterprise);
				List<HourlyReduction.Judged> latest = latestJudged(enterprise);
				if (latest.isEmpty()) {
					continue;
				}
				boolean active = latest.stream().anyMatch((h) -> !h.compliant());
				Boolean before = this.known.put(subject, active);
				if (before == null || before != active) {
					changes.add(condition(verification, enterprise, latest, active));
				}
			}
		}
		for (Iterator<Map.Entry<Subject, Boolean>> it = this.known.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Subject, Boolean> entry = it.next();
			Subject subject = entry.getKey();
			if (demanding.contains(subject.warningId())) {
				continue;
			}
			if (entry.getValue()) {
				changes.add(released(subject, now));
			}
			it.remove();
		}
		this.counted.keySet().removeIf((subject) -> !demanding.contains(subject.warningId()));
		return new Round(changes, nonCompliant);
	}

	/**
	 * Counts the enterprise's hours with at least one pollutant above its allowed rate
	 * not counted before (an hour whose failing pollutant is judged late is counted
	 * then).
	 */
	private int countNew(Subject subject, EpisodeVerification.EnterpriseVerification enterprise) {
		Set<Instant> seen = this.counted.computeIfAbsent(subject, (s) -> new HashSet<>());
		int count = 0;
		for (ReductionSummary summary : enterprise.summaries().values()) {
			for (HourlyReduction.Judged hour : summary.nonCompliantHours()) {
				if (seen.add(hour.hourStart())) {
					count++;
				}
			}
		}
		return count;
	}

	/**
	 * The verdicts of the enterprise's latest judged hour, one per pollutant judged in it
	 * (in the order the pollutants are listed); empty if no hour is judged yet.
	 */
	private static List<HourlyReduction.Judged> latestJudged(EpisodeVerification.EnterpriseVerification enterprise) {
		Instant latest = null;
		for (ReductionSummary summary : enterprise.summaries().values()) {
			for (HourlyReduction hour : summary.hours()) {
				if (hour instanceof HourlyReduction.Judged && (latest == null || hour.hourStart().isAfter(latest))) {
					latest = hour.hourStart();
				}
			}
		}
		List<HourlyReduction.Judged> verdicts = new ArrayList<>();
		for (ReductionSummary summary : enterprise.summaries().values()) {
			for (HourlyReduction hour : summary.hours()) {
				if (hour instanceof HourlyReduction.Judged judged && hour.hourStart().equals(latest)) {
					verdicts.add(judged);
				}
			}
		}
		return verdicts;
	}

	private RuleConditionChanged condition(EpisodeVerification verification,
			EpisodeVerification.EnterpriseVerification enterprise, List<HourlyReduction.Judged> hour, boolean active) {
		ReductionEntry entry = enterprise.entry();
		Instant start = hour.get(0).hourStart();
		Instant end = start.plusSeconds(3600);
		String when = HOUR.format(start.atZone(this.zone)) + "–"
				+ DateTimeFormatter.ofPattern("HH:mm").format(end.atZone(this.zone));
		EpisodeVerification.CutPeriod period = enterprise.cuts()
			.stream()
			.filter((c) -> c.hours().contains(start))
			.findFirst()
			.orElseThrow();
		BigDecimal required = period.cut().percent().map(ComplianceReports::plain).orElse(BigDecimal.ZERO);
		HourlyReduction.Judged worst = hour.stream()
			.min(Comparator.comparing(HourlyReduction.Judged::achievedPercent))
			.orElseThrow();
		List<String> pollutants = new ArrayList<>();
		for (HourlyReduction.Judged judged : hour) {
			if (active != judged.compliant()) {
				pollutants.add(label(judged.pollutant()) + " " + kg(judged.measured()) + " kg/h " + (active ? ">" : "≤")
						+ " allowed " + kg(judged.allowed()) + " (achieved " + judged.achievedPercent().toPlainString()
						+ " %)");
			}
		}
		String message = entry.name() + " (" + entry.enterpriseId() + ") " + (active ? "above" : "within")
				+ " the allowed rate in " + when + ", " + period.level().chinese() + " (" + period.level().key()
				+ ", warning " + verification.episode().id() + "): achieved " + worst.achievedPercent().toPlainString()
				+ " % of the required " + required.toPlainString() + " % cut; " + String.join("; ", pollutants);
		return new RuleConditionChanged(RULE, firstStack(entry), KEY,
				active ? RuleConditionChanged.State.ACTIVE : RuleConditionChanged.State.CLEARED, Severity.HIGH, end,
				worst.achievedPercent(), required, message);
	}

	private static RuleConditionChanged released(Subject subject, Instant now) {
		return new RuleConditionChanged(RULE, subject.stack(), KEY, RuleConditionChanged.State.CLEARED, Severity.HIGH,
				now, null, null,
				subject.enterpriseId() + ": warning " + subject.warningId() + " released or no longer demands cuts");
	}

	/**
	 * The open emergency-reduction alerts found in the journal at start whose enterprise
	 * no warning demanding cuts covers now, as CLEARED conditions: their warning was
	 * released (or stopped demanding cuts) while Lantian was down. An enterprise still
	 * covered keeps its alert; the round judges it.
	 * @param unresolved the journal's records of unresolved alerts
	 * @param covered the alert subjects (first listed stacks) of the enterprises listed
	 * in the cities of the warnings that demand cuts now
	 * @param now when they are cleared
	 */
	List<RuleConditionChanged> orphans(List<AlertRecord> unresolved, Set<String> covered, Instant now) {
		Map<String, Severity> orphans = new LinkedHashMap<>();
		for (AlertRecord record : unresolved) {
			if (record.rule().equals(RULE) && record.key().equals(KEY) && !covered.contains(record.subject())) {
				orphans.put(record.subject(), Severity.fromKey(record.severity()));
			}
		}
		List<RuleConditionChanged> cleared = new ArrayList<>();
		orphans.forEach((stack, severity) -> cleared.add(new RuleConditionChanged(RULE, stack, KEY,
				RuleConditionChanged.State.CLEARED, severity, now, null, null,
				"no warning demands emergency cuts of this enterprise any more (released while Lantian was down)")));
		return cleared;
	}

	private static String firstStack(ReductionEntry entry) {
		return entry.stacks().get(0).site().value();
	}

	private static String kg(BigDecimal value) {
		return ComplianceReports.plain(value).toPlainString();
	}

	private static String label(Measurand pollutant) {
		return pollutant.key().toUpperCase(Locale.ROOT);
	}

	/** One condition: a warning and an enterprise (alerted on its first listed stack). */
	record Subject(String warningId, String enterpriseId, String stack) {
	}

	/**
	 * What a round returns: the condition changes to publish and how many judged
	 * enterprise-hours with at least one pollutant above the allowed rate it saw for the
	 * first time.
	 */
	record Round(List<RuleConditionChanged> changes, int nonCompliantHours) {
	}

}
