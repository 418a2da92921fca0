package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.lantian.domain.Gbt8170;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;

/**
 * Verifies an enterprise's emergency cut hour by hour (SEEDS-BRIEF §3 "可操作、可监测、可核查"): the
 * hour's emission of all its listed stacks (HJ 212 附录D 式(33)) against the sum of their
 * baselines × (1 − cut). An hour is judged only with data from every listed stack that
 * has a baseline for the pollutant; a stopped stack emits 0.
 */
public final class ReductionVerifier {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private ReductionVerifier() {
	}

	/** The pollutants the entry has baselines for, in enum order. */
	public static List<Measurand> pollutants(ReductionEntry entry) {
		TreeSet<Measurand> pollutants = new TreeSet<>();
		entry.stacks().forEach((s) -> pollutants.addAll(s.kgPerHour().keySet()));
		return List.copyOf(pollutants);
	}

	/**
	 * One hour's verdict.
	 * @param cutPercent the cut owed, percent in 0..100
	 * @param hours the stack-hours available for this hour and pollutant (others ignored)
	 */
	public static HourlyReduction judge(ReductionEntry entry, BigDecimal cutPercent, Measurand pollutant,
			Instant hourStart, List<StackHour> hours) {
		if (cutPercent.signum() < 0 || cutPercent.compareTo(HUNDRED) > 0) {
			throw new IllegalArgumentException("cut must be a percent in 0..100: " + cutPercent.toPlainString());
		}
		BigDecimal baseline = BigDecimal.ZERO;
		BigDecimal measured = BigDecimal.ZERO;
		List<String> missing = new ArrayList<>();
		for (StackBaseline stack : entry.stacks()) {
			BigDecimal stackBaseline = stack.kgPerHour().get(pollutant);
			if (stackBaseline == null) {
				continue;
			}
			baseline = baseline.add(stackBaseline);
			Optional<StackHour> hour = find(hours, stack.site(), pollutant, hourStart);
			if (hour.isEmpty()) {
				missing.add(stack.site() + ": no data");
			}
			else if (hour.get().kgPerHour().isEmpty()) {
				missing.add(stack.site() + ": " + ((StackHour.Invalid) hour.get()).reason());
			}
			else {
				measured = measured.add(hour.get().kgPerHour().get());
			}
		}
		if (baseline.signum() == 0) {
			return new HourlyReduction.NotJudged(hourStart, pollutant,
					entry.enterpriseId() + " has no baseline for " + pollutant.key());
		}
		if (!missing.isEmpty()) {
			return new HourlyReduction.NotJudged(hourStart, pollutant, String.join("; ", missing));
		}
		BigDecimal allowed = baseline.multiply(HUNDRED.subtract(cutPercent)).movePointLeft(2);
		return new HourlyReduction.Judged(hourStart, pollutant, baseline, allowed, measured,
				measured.compareTo(allowed) <= 0, achieved(baseline, measured));
	}

	/**
	 * The summary over the warning's hours: every hour in {@code hourStarts} judged for
	 * the pollutant; with no cut required, no hour is judged.
	 */
	public static ReductionSummary verify(ReductionEntry entry, RequiredCut required, Measurand pollutant,
			List<Instant> hourStarts, List<StackHour> hours) {
		List<HourlyReduction> verdicts = new ArrayList<>();
		if (required.percent().isPresent()) {
			for (Instant hourStart : hourStarts) {
				verdicts.add(judge(entry, required.percent().get(), pollutant, hourStart, hours));
			}
		}
		int judged = 0;
		int compliant = 0;
		BigDecimal baseline = BigDecimal.ZERO;
		BigDecimal measured = BigDecimal.ZERO;
		for (HourlyReduction verdict : verdicts) {
			if (verdict instanceof HourlyReduction.Judged j) {
				judged++;
				compliant += j.compliant() ? 1 : 0;
				baseline = baseline.add(j.baseline());
				measured = measured.add(j.measured());
			}
		}
		Optional<BigDecimal> achieved = (judged > 0) ? Optional.of(achieved(baseline, measured)) : Optional.empty();
		return new ReductionSummary(entry.enterpriseId(), pollutant, required, judged, compliant,
				verdicts.size() - judged, baseline, measured, achieved, verdicts);
	}

	/** Summaries for every pollutant the entry has baselines for. */
	public static Map<Measurand, ReductionSummary> verifyAll(ReductionEntry entry, RequiredCut required,
			List<Instant> hourStarts, List<StackHour> hours) {
		Map<Measurand, ReductionSummary> summaries = new LinkedHashMap<>();
		for (Measurand pollutant : pollutants(entry)) {
			summaries.put(pollutant, verify(entry, required, pollutant, hourStarts, hours));
		}
		return summaries;
	}

	/**
	 * One summary of consecutive parts of a warning judged under different cuts (the
	 * level changed): hours and totals added, the achieved reduction over all judged
	 * hours, the cut of the last part.
	 * @throws IllegalArgumentException for no part, or parts of other enterprises or
	 * pollutants
	 */
	public static ReductionSummary combine(List<ReductionSummary> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("nothing to combine");
		}
		ReductionSummary first = parts.get(0);
		int judged = 0;
		int compliant = 0;
		int notJudged = 0;
		BigDecimal baseline = BigDecimal.ZERO;
		BigDecimal measured = BigDecimal.ZERO;
		List<HourlyReduction> hours = new ArrayList<>();
		for (ReductionSummary part : parts) {
			if (!part.enterpriseId().equals(first.enterpriseId()) || part.pollutant() != first.pollutant()) {
				throw new IllegalArgumentException("cannot combine " + part.enterpriseId() + " "
						+ part.pollutant().key() + " with " + first.enterpriseId() + " " + first.pollutant().key());
			}
			judged += part.hoursJudged();
			compliant += part.hoursCompliant();
			notJudged += part.hoursNotJudged();
			baseline = baseline.add(part.baselineKg());
			measured = measured.add(part.measuredKg());
			hours.addAll(part.hours());
		}
		Optional<BigDecimal> achieved = (judged > 0) ? Optional.of(achieved(baseline, measured)) : Optional.empty();
		return new ReductionSummary(first.enterpriseId(), first.pollutant(), parts.get(parts.size() - 1).required(),
				judged, compliant, notJudged, baseline, measured, achieved, hours);
	}

	/** (baseline − measured) / baseline × 100, to 0.1 % per GB/T 8170 (四舍六入五成双). */
	static BigDecimal achieved(BigDecimal baseline, BigDecimal measured) {
		BigDecimal ratio = baseline.subtract(measured).multiply(HUNDRED).divide(baseline, MathContext.DECIMAL128);
		return Gbt8170.round(ratio, 1);
	}

	private static Optional<StackHour> find(List<StackHour> hours, SiteId site, Measurand pollutant,
			Instant hourStart) {
		return hours.stream()
			.filter((h) -> h.site().equals(site) && h.pollutant() == pollutant && h.hourStart().equals(hourStart))
			.findFirst();
	}

}
