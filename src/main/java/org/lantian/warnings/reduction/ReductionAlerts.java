package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lantian.domain.Measurand;
import org.lantian.domain.warning.reduction.HourlyReduction;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionSummary;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.Severity;

/**
 * Which emergency-reduction conditions a round opens or clears (docs/warnings.md
 * "Non-compliance alerts"). One condition per warning, enterprise and pollutant, keyed
 * for the alerts module by rule {@value #RULE}, the enterprise's first listed stack and
 * the pollutant: active when the latest judged hour is above the allowed rate, cleared
 * when a later judged hour is within it or when the warning no longer demands cuts. Only
 * changes are returned; a condition seen for the first time (e.g. after a restart) is
 * returned either way, so an alert left open by an earlier run is cleared too. Plain Java
 * with state, not thread-safe: one round at a time.
 */
final class ReductionAlerts {

	/** The rule id of the conditions. */
	static final String RULE = "emergency-reduction";

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	/** Whether each condition is active, as last returned. */
	private final Map<Subject, Boolean> known = new HashMap<>();

	/** The latest judged hour already counted, per condition. */
	private final Map<Subject, Instant> counted = new HashMap<>();

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
				for (ReductionSummary summary : enterprise.summaries().values()) {
					Subject subject = new Subject(warningId, enterprise.entry().enterpriseId(),
							firstStack(enterprise.entry()), summary.pollutant());
					Optional<HourlyReduction.Judged> latest = latestJudged(summary);
					if (latest.isEmpty()) {
						continue;
					}
					nonCompliant += countNew(subject, summary, latest.get().hourStart());
					boolean active = !latest.get().compliant();
					Boolean before = this.known.put(subject, active);
					if (before == null || before != active) {
						changes.add(condition(verification, enterprise, latest.get(), active));
					}
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
			this.counted.remove(subject);
		}
		return new Round(changes, nonCompliant);
	}

	private int countNew(Subject subject, ReductionSummary summary, Instant latest) {
		Instant before = this.counted.get(subject);
		int count = 0;
		for (HourlyReduction.Judged hour : summary.nonCompliantHours()) {
			if (before == null || hour.hourStart().isAfter(before)) {
				count++;
			}
		}
		this.counted.put(subject, latest);
		return count;
	}

	private static Optional<HourlyReduction.Judged> latestJudged(ReductionSummary summary) {
		List<HourlyReduction> hours = summary.hours();
		for (int i = hours.size() - 1; i >= 0; i--) {
			if (hours.get(i) instanceof HourlyReduction.Judged judged) {
				return Optional.of(judged);
			}
		}
		return Optional.empty();
	}

	private RuleConditionChanged condition(EpisodeVerification verification,
			EpisodeVerification.EnterpriseVerification enterprise, HourlyReduction.Judged hour, boolean active) {
		ReductionEntry entry = enterprise.entry();
		Instant end = hour.hourStart().plusSeconds(3600);
		String when = HOUR.format(hour.hourStart().atZone(this.zone)) + "–"
				+ DateTimeFormatter.ofPattern("HH:mm").format(end.atZone(this.zone));
		EpisodeVerification.CutPeriod period = enterprise.cuts()
			.stream()
			.filter((c) -> c.hours().contains(hour.hourStart()))
			.findFirst()
			.orElseThrow();
		String pollutant = label(hour.pollutant());
		String cut = period.cut().percent().map(ComplianceReports::plain).map(BigDecimal::toPlainString).orElse("0");
		String message = entry.name() + " (" + entry.enterpriseId() + ") " + pollutant + " " + kg(hour.measured())
				+ " kg/h " + (active ? "above" : "within") + " the allowed " + kg(hour.allowed()) + " kg/h in " + when
				+ ": " + period.level().chinese() + " (" + period.level().key() + ", warning "
				+ verification.episode().id() + ") requires a " + cut + " % cut of the " + kg(hour.baseline())
				+ " kg/h baseline, achieved " + hour.achievedPercent().toPlainString() + " %";
		return new RuleConditionChanged(RULE, firstStack(entry), hour.pollutant().key(),
				active ? RuleConditionChanged.State.ACTIVE : RuleConditionChanged.State.CLEARED, Severity.HIGH, end,
				hour.measured(), hour.allowed(), message);
	}

	private static RuleConditionChanged released(Subject subject, Instant now) {
		return new RuleConditionChanged(RULE, subject.stack(), subject.pollutant().key(),
				RuleConditionChanged.State.CLEARED, Severity.HIGH, now, null, null,
				subject.enterpriseId() + " " + label(subject.pollutant()) + ": warning " + subject.warningId()
						+ " released or no longer demands cuts");
	}

	private static String firstStack(ReductionEntry entry) {
		return entry.stacks().get(0).site().value();
	}

	private static String kg(BigDecimal value) {
		return ComplianceReports.plain(value).toPlainString();
	}

	private static String label(Measurand pollutant) {
		return pollutant.key().toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * One condition: a warning, an enterprise (alerted on its first listed stack), a
	 * pollutant.
	 */
	record Subject(String warningId, String enterpriseId, String stack, Measurand pollutant) {
	}

	/**
	 * What a round returns: the condition changes to publish and how many judged
	 * non-compliant hours it saw for the first time.
	 */
	record Round(List<RuleConditionChanged> changes, int nonCompliantHours) {
	}

}
