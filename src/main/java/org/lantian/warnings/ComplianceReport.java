package org.lantian.warnings;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A warning's emergency-reduction compliance report, as JSON (docs/warnings.md "The
 * compliance report"). Times are in the reporting zone; hours are [start, end). Rates are
 * kg/h and exact (HJ 212-2017 附录D 式(33)), percents are to 0.1 (GB/T 8170).
 *
 * @param warningId the episode's id
 * @param level the level now ({@code none} once released)
 * @param driver what drives the episode now ({@code pm25}, {@code o3}, {@code sandDust})
 * @param emergencyReduction whether listed enterprises must cut now
 * @param released when the episode was released, null while active
 * @param period the hours judged: complete clock hours from the first full hour of the
 * episode to now or its release
 * @param levels the levels in force over the period (each hour is judged at the level in
 * force when it began)
 * @param enterprises the listed enterprises of the city, in list order
 */
public record ComplianceReport(String warningId, String city, String level, String levelName, @Nullable String driver,
		boolean emergencyReduction, OffsetDateTime episodeStart, @Nullable OffsetDateTime released, Period period,
		List<LevelPeriod> levels, List<EnterpriseCompliance> enterprises) {

	/** The hours judged, [start, end), and how many. */
	public record Period(OffsetDateTime start, OffsetDateTime end, int hours) {
	}

	/** A level in force over some of the judged hours. */
	public record LevelPeriod(String level, String levelName, String driver, OffsetDateTime start, OffsetDateTime end) {
	}

	/**
	 * One listed enterprise.
	 *
	 * @param stacks its listed stacks (site ids)
	 * @param requiredCuts the cut owed over each part of the period
	 * @param requiredNow the cut owed now (null percent: none), with why
	 * @param baselineKgPerHour Σ baseline of its listed stacks, per pollutant
	 * @param compliant every judged hour of every pollutant compliant; null if no hour
	 * was judged
	 */
	public record EnterpriseCompliance(String enterprise, String name, String grade, boolean sampleData,
			List<String> stacks, List<Cut> requiredCuts, Cut requiredNow, Map<String, BigDecimal> baselineKgPerHour,
			@Nullable Boolean compliant, List<PollutantCompliance> pollutants) {
	}

	/**
	 * A cut owed: percent of the baseline (null: none) and why, at a level, over [start,
	 * end) (null times for the cut owed now).
	 */
	public record Cut(String level, @Nullable BigDecimal percent, String basis, @Nullable OffsetDateTime start,
			@Nullable OffsetDateTime end) {
	}

	/**
	 * One pollutant of an enterprise over the period.
	 *
	 * @param hoursWithoutCut hours in which no cut was owed (e.g. an O₃-driven level or
	 * an exempt grade), not judged
	 * @param baselineKg Σ baseline over the judged hours, kg
	 * @param measuredKg Σ measured over the judged hours, kg
	 * @param achievedPercent (baselineKg − measuredKg) / baselineKg × 100; null without a
	 * judged hour
	 * @param nonCompliantHours the starts of the judged hours above the allowed rate
	 */
	public record PollutantCompliance(String pollutant, BigDecimal baselineKgPerHour, int hoursJudged,
			int hoursCompliant, int hoursNotJudged, int hoursWithoutCut, BigDecimal baselineKg, BigDecimal measuredKg,
			@Nullable BigDecimal achievedPercent, @Nullable Boolean compliant, List<OffsetDateTime> nonCompliantHours,
			List<Hour> hours) {
	}

	/**
	 * One hour of one pollutant: judged (compliant or not) or not, with why.
	 *
	 * @param requiredPercent the cut owed in that hour (null: none)
	 * @param allowedKgPerHour baseline × (1 − cut)
	 * @param measuredKgPerHour Σ of the listed stacks (stopped ones count 0)
	 * @param stacks each listed stack's hour
	 */
	public record Hour(OffsetDateTime start, OffsetDateTime end, String level, @Nullable BigDecimal requiredPercent,
			boolean judged, @Nullable Boolean compliant, @Nullable BigDecimal baselineKgPerHour,
			@Nullable BigDecimal allowedKgPerHour, @Nullable BigDecimal measuredKgPerHour,
			@Nullable BigDecimal achievedPercent, @Nullable String reason, List<StackValue> stacks) {
	}

	/**
	 * A listed stack's hour: {@code measured} (concentration mg/m³ × flow m³/h × 10⁻⁶ =
	 * kg/h), {@code stopped} (0 kg/h) or {@code invalid} (with why).
	 */
	public record StackValue(String site, String state, @Nullable BigDecimal concentration, @Nullable BigDecimal flow,
			@Nullable BigDecimal kgPerHour, @Nullable String reason) {
	}

}
