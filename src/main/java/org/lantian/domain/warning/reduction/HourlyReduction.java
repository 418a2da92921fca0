package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.lantian.domain.Measurand;

/**
 * The verdict on one enterprise-hour for one pollutant during a warning: judged
 * (compliant or not) or not judged, with the reason (STYLE S-9).
 */
public sealed interface HourlyReduction permits HourlyReduction.Judged, HourlyReduction.NotJudged {

	Instant hourStart();

	Measurand pollutant();

	/**
	 * An hour with data from every listed stack: measured ≤ allowed is compliant.
	 *
	 * @param baseline Σ baseline kg/h of the listed stacks
	 * @param allowed baseline × (1 − cut)
	 * @param measured Σ measured kg/h (stopped stacks count 0)
	 * @param achievedPercent (baseline − measured) / baseline × 100, to 0.1 (GB/T 8170)
	 */
	record Judged(Instant hourStart, Measurand pollutant, BigDecimal baseline, BigDecimal allowed, BigDecimal measured,
			boolean compliant, BigDecimal achievedPercent) implements HourlyReduction {

		public Judged {
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(pollutant, "pollutant");
			Objects.requireNonNull(baseline, "baseline");
			Objects.requireNonNull(allowed, "allowed");
			Objects.requireNonNull(measured, "measured");
			Objects.requireNonNull(achievedPercent, "achievedPercent");
			if (compliant != (measured.compareTo(allowed) <= 0)) {
				throw new IllegalArgumentException("compliant=" + compliant + " but measured "
						+ measured.toPlainString() + " kg/h against allowed " + allowed.toPlainString());
			}
		}

	}

	/** An hour that cannot be judged, e.g. a listed stack without valid data. */
	record NotJudged(Instant hourStart, Measurand pollutant, String reason) implements HourlyReduction {

		public NotJudged {
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(pollutant, "pollutant");
			Objects.requireNonNull(reason, "reason");
		}

	}

}
