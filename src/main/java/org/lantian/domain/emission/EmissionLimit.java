package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;

/**
 * One emission limit of a profile, in mg/m³ (dry, standard state 273 K and 101325 Pa).
 *
 * @param profile the limit profile's name, e.g. {@code gb13271-2014-coal-boiler-special}
 * @param value the limit, mg/m³
 * @param referenceO2 the reference O₂ (%) the value is stated at; {@code null} where the
 * limit is judged on the measured concentration
 * @param clause where the number comes from, with the provenance tag of STANDARDS §0.1
 */
public record EmissionLimit(String profile, Measurand pollutant, EmissionAveraging averaging, BigDecimal value,
		@Nullable BigDecimal referenceO2, String clause) {

	public EmissionLimit {
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(averaging, "averaging");
		Objects.requireNonNull(clause, "clause");
		if (!pollutant.isConcentration()) {
			throw new IllegalArgumentException("not a concentration: " + pollutant);
		}
		if (value.signum() <= 0) {
			throw new IllegalArgumentException("limit not positive: " + value.toPlainString() + " mg/m³");
		}
		if (referenceO2 != null && (referenceO2.signum() < 0 || referenceO2.compareTo(OxygenCorrection.AIR_O2) >= 0)) {
			throw new IllegalArgumentException("reference O2 must be in [0, 21) %: " + referenceO2.toPlainString());
		}
	}

}
