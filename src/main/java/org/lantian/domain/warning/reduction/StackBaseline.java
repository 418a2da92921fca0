package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;

/**
 * A listed stack and its baseline emission rates (kg/h per pollutant): what it emits in
 * normal production, against which cuts are measured (一厂一策).
 */
public record StackBaseline(SiteId site, Map<Measurand, BigDecimal> kgPerHour) {

	public StackBaseline {
		Objects.requireNonNull(site, "site");
		if (kgPerHour == null || kgPerHour.isEmpty()) {
			throw new IllegalArgumentException("stack " + site + ": baseline: no pollutant");
		}
		for (Map.Entry<Measurand, BigDecimal> entry : kgPerHour.entrySet()) {
			if (!entry.getKey().isConcentration()) {
				throw new IllegalArgumentException(
						"stack " + site + ": baseline." + entry.getKey().key() + ": not a pollutant");
			}
			if (entry.getValue() == null || entry.getValue().signum() <= 0) {
				throw new IllegalArgumentException("stack " + site + ": baseline." + entry.getKey().key()
						+ ": must be a positive kg/h, got " + entry.getValue());
			}
		}
		kgPerHour = Map.copyOf(kgPerHour);
	}

}
