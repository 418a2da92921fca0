package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Gbt8170;
import org.lantian.domain.Measurand;
import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.reduction.HourlyReduction;
import org.lantian.domain.warning.reduction.PerformanceGrade;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionSummary;
import org.lantian.domain.warning.reduction.RequiredCut;
import org.lantian.domain.warning.reduction.StackBaseline;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.warnings.ComplianceReport;
import org.lantian.warnings.WarningEpisode;

/**
 * Turns an {@link EpisodeVerification} into the {@link ComplianceReport} of the API, in
 * the reporting zone. Rates are shown exactly, without trailing zeros.
 */
final class ComplianceReports {

	private ComplianceReports() {
	}

	static ComplianceReport of(EpisodeVerification v, ZoneId zone) {
		WarningEpisode episode = v.episode();
		WarningState now = episode.current();
		List<Instant> hours = v.hourStarts();
		Instant periodStart = hours.isEmpty() ? v.end() : hours.get(0);
		Instant periodEnd = hours.isEmpty() ? v.end() : hours.get(hours.size() - 1).plusSeconds(3600);
		List<ComplianceReport.LevelPeriod> levels = new ArrayList<>();
		List<ComplianceReport.EnterpriseCompliance> enterprises = new ArrayList<>();
		for (EpisodeVerification.EnterpriseVerification e : v.enterprises()) {
			enterprises.add(enterprise(e, now.level().key(), zone));
		}
		for (Instant hour : hours) {
			Optional<WarningState> state = episode.stateAt(hour);
			if (state.isEmpty()) {
				continue;
			}
			String level = state.get().level().key();
			String driver = state.get().basis().orElseThrow().driver().key();
			ComplianceReport.LevelPeriod last = levels.isEmpty() ? null : levels.get(levels.size() - 1);
			if (last != null && last.level().equals(level) && last.driver().equals(driver)
					&& last.end().toInstant().equals(hour)) {
				levels.set(levels.size() - 1, new ComplianceReport.LevelPeriod(level, last.levelName(), driver,
						last.start(), at(hour.plusSeconds(3600), zone)));
			}
			else {
				levels.add(new ComplianceReport.LevelPeriod(level, state.get().level().chinese(), driver,
						at(hour, zone), at(hour.plusSeconds(3600), zone)));
			}
		}
		return new ComplianceReport(episode.id(), episode.city(), now.level().key(), now.level().chinese(),
				now.basis().map((b) -> b.driver().key()).orElse(null), now.demandsEmergencyReduction(),
				at(episode.start(), zone), episode.released().map((r) -> at(r, zone)).orElse(null),
				new ComplianceReport.Period(at(periodStart, zone), at(periodEnd, zone), hours.size()), levels,
				enterprises);
	}

	private static ComplianceReport.EnterpriseCompliance enterprise(EpisodeVerification.EnterpriseVerification e,
			String levelNow, ZoneId zone) {
		ReductionEntry entry = e.entry();
		List<ComplianceReport.Cut> cuts = e.cuts()
			.stream()
			.map((c) -> cut(c.level().key(), c.cut(), at(c.start(), zone), at(c.end(), zone)))
			.toList();
		Map<String, BigDecimal> baselines = new LinkedHashMap<>();
		List<ComplianceReport.PollutantCompliance> pollutants = new ArrayList<>();
		Boolean compliant = null;
		for (Map.Entry<Measurand, ReductionSummary> s : e.summaries().entrySet()) {
			BigDecimal baseline = baseline(entry, s.getKey());
			baselines.put(s.getKey().key(), plain(baseline));
			ComplianceReport.PollutantCompliance pollutant = pollutant(e, s.getValue(), baseline, zone);
			pollutants.add(pollutant);
			if (pollutant.compliant() != null) {
				compliant = (compliant == null) ? pollutant.compliant() : (compliant && pollutant.compliant());
			}
		}
		return new ComplianceReport.EnterpriseCompliance(entry.enterpriseId(), entry.name(), gradeKey(entry.grade()),
				entry.sample(), entry.stacks().stream().map((s) -> s.site().value()).toList(), cuts,
				cut(levelNow, e.requiredNow(), null, null), baselines, compliant, pollutants);
	}

	/**
	 * {@code A}…{@code D}, {@code leading}, {@code ungraded} (as in the reductions file).
	 */
	static String gradeKey(PerformanceGrade grade) {
		String name = grade.name();
		return (name.length() == 1) ? name : name.toLowerCase(Locale.ROOT);
	}

	private static ComplianceReport.PollutantCompliance pollutant(EpisodeVerification.EnterpriseVerification e,
			ReductionSummary summary, BigDecimal baseline, ZoneId zone) {
		Map<Instant, HourlyReduction> verdicts = new LinkedHashMap<>();
		summary.hours().forEach((h) -> verdicts.put(h.hourStart(), h));
		List<ComplianceReport.Hour> hours = new ArrayList<>();
		int withoutCut = 0;
		for (EpisodeVerification.CutPeriod period : e.cuts()) {
			for (Instant start : period.hours()) {
				HourlyReduction verdict = verdicts.get(start);
				List<ComplianceReport.StackValue> stacks = stacks(e, summary.pollutant(), start);
				BigDecimal required = period.cut().percent().map(ComplianceReports::plain).orElse(null);
				String level = period.level().key();
				if (verdict instanceof HourlyReduction.Judged j) {
					hours.add(new ComplianceReport.Hour(at(start, zone), at(start.plusSeconds(3600), zone), level,
							required, true, j.compliant(), plain(j.baseline()), plain(j.allowed()), plain(j.measured()),
							j.achievedPercent(), null, stacks));
				}
				else {
					String reason;
					if (verdict instanceof HourlyReduction.NotJudged n) {
						reason = n.reason();
					}
					else {
						withoutCut++;
						reason = "no cut owed: " + period.cut().basis();
					}
					hours.add(new ComplianceReport.Hour(at(start, zone), at(start.plusSeconds(3600), zone), level,
							required, false, null, null, null, null, null, reason, stacks));
				}
			}
		}
		Boolean compliant = (summary.hoursJudged() > 0) ? summary.isCompliant() : null;
		return new ComplianceReport.PollutantCompliance(summary.pollutant().key(), plain(baseline),
				summary.hoursJudged(), summary.hoursCompliant(), summary.hoursNotJudged(), withoutCut,
				plain(summary.baselineKg()), plain(summary.measuredKg()), summary.achievedPercent().orElse(null),
				compliant, summary.nonCompliantHours().stream().map((h) -> at(h.hourStart(), zone)).toList(), hours);
	}

	private static List<ComplianceReport.StackValue> stacks(EpisodeVerification.EnterpriseVerification e,
			Measurand pollutant, Instant start) {
		List<ComplianceReport.StackValue> values = new ArrayList<>();
		for (StackHour hour : e.stackHours()) {
			if (hour.pollutant() != pollutant || !hour.hourStart().equals(start)) {
				continue;
			}
			String site = hour.site().value();
			if (hour instanceof StackHour.Measured m) {
				values.add(new ComplianceReport.StackValue(site, "measured", plain(m.concentration()), plain(m.flow()),
						plain(m.kgPerHour().orElseThrow()), null));
			}
			else if (hour instanceof StackHour.Stopped) {
				values
					.add(new ComplianceReport.StackValue(site, "stopped", null, null, BigDecimal.ZERO, "flag F (停运)"));
			}
			else if (hour instanceof StackHour.Invalid i) {
				values.add(new ComplianceReport.StackValue(site, "invalid", null, null, null, i.reason()));
			}
		}
		return values;
	}

	private static ComplianceReport.Cut cut(String level, RequiredCut cut, @Nullable OffsetDateTime start,
			@Nullable OffsetDateTime end) {
		return new ComplianceReport.Cut(level, cut.percent().map(ComplianceReports::plain).orElse(null), cut.basis(),
				start, end);
	}

	private static BigDecimal baseline(ReductionEntry entry, Measurand pollutant) {
		BigDecimal sum = BigDecimal.ZERO;
		for (StackBaseline stack : entry.stacks()) {
			BigDecimal b = stack.kgPerHour().get(pollutant);
			sum = (b != null) ? sum.add(b) : sum;
		}
		return sum;
	}

	/**
	 * The value as reported: to at most 3 decimal places (kg/h to the gram, mg/m³ to the
	 * µg; GB/T 8170: 四舍六入五成双), without trailing zeros, never in exponent form for whole
	 * numbers. Judgements use the exact values; this is only how they are shown.
	 */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal rounded = (value.scale() > 3) ? Gbt8170.round(value, 3) : value;
		BigDecimal stripped = rounded.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toOffsetDateTime();
	}

}
