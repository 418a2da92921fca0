package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lantian.domain.Measurand;

/**
 * One enterprise's compliance with its cut for one pollutant over a warning ({@code GET
 * /api/v1/warnings/{id}/compliance}).
 *
 * @param required the cut owed and why
 * @param hoursJudged hours with data from every listed stack
 * @param hoursCompliant judged hours at or below the allowed rate
 * @param hoursNotJudged hours without the data to judge
 * @param baselineKg Σ baseline over the judged hours, kg
 * @param measuredKg Σ measured over the judged hours, kg
 * @param achievedPercent (baselineKg − measuredKg) / baselineKg × 100 to 0.1 (GB/T 8170);
 * empty with no judged hour
 * @param hours every hour's verdict, in order
 */
public record ReductionSummary(String enterpriseId, Measurand pollutant, RequiredCut required, int hoursJudged,
		int hoursCompliant, int hoursNotJudged, BigDecimal baselineKg, BigDecimal measuredKg,
		Optional<BigDecimal> achievedPercent, List<HourlyReduction> hours) {

	public ReductionSummary {
		Objects.requireNonNull(enterpriseId, "enterpriseId");
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(required, "required");
		Objects.requireNonNull(baselineKg, "baselineKg");
		Objects.requireNonNull(measuredKg, "measuredKg");
		Objects.requireNonNull(achievedPercent, "achievedPercent");
		hours = List.copyOf(hours);
	}

	/** Every judged hour compliant, and at least one judged. */
	public boolean isCompliant() {
		return this.hoursJudged > 0 && this.hoursCompliant == this.hoursJudged;
	}

	public List<HourlyReduction.Judged> nonCompliantHours() {
		return this.hours.stream()
			.filter(HourlyReduction.Judged.class::isInstance)
			.map(HourlyReduction.Judged.class::cast)
			.filter((h) -> !h.compliant())
			.toList();
	}

}
