package org.lantian.domain.ambient;

import java.math.BigDecimal;
import java.util.Objects;

import org.lantian.domain.Measurand;
import org.lantian.domain.Unit;

/**
 * One GB 3095 concentration limit.
 *
 * @param value the limit, in {@code unit} (µg/m³; CO in mg/m³)
 */
public record AmbientLimit(AmbientStandard standard, Measurand pollutant, LimitAveraging averaging, ZoneClass zone,
		BigDecimal value, Unit unit) {

	public AmbientLimit {
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(averaging, "averaging");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(unit, "unit");
		if (value.signum() <= 0) {
			throw new IllegalArgumentException("limit not positive: " + value.toPlainString() + " " + unit.symbol());
		}
	}

}
