package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Gbt8170;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.Statistic;
import org.lantian.domain.emission.OxygenCorrection;

/** The values rules judge, and how they are written in messages. */
final class Values {

	private Values() {
	}

	/**
	 * The value of a key a threshold or mean rule may judge: only values flagged N
	 * (INTERFACES §3.1). Corrected: to the site's reference O₂ with the O₂ of the same
	 * reading (GB 13271-2014 式(1) through {@link OxygenCorrection}), else the device's
	 * own corrected value (折算, also flagged N); as measured for a site without reference
	 * O₂; empty when neither exists or the correction is refused.
	 */
	static Optional<BigDecimal> judged(Site site, Reading reading, Measurand key, boolean corrected,
			OxygenCorrection correction) {
		Measurement measurement = reading.values().get(key);
		if (measurement == null || !measurement.flag().isNormal()) {
			return Optional.empty();
		}
		if (!corrected || site.referenceO2() == null) {
			return Optional.of(measurement.value());
		}
		Measurement o2 = reading.values().get(Measurand.O2);
		if (o2 != null && o2.flag().isNormal()) {
			return correction.correct(measurement.value(), o2.value(), site.referenceO2()).judgedValue();
		}
		return measurement.statistic(Statistic.CORRECTED);
	}

	/** A value for a message, GB/T 8170 to at most 2 decimals, without trailing zeros. */
	static String show(@Nullable BigDecimal value) {
		if (value == null) {
			return "—";
		}
		BigDecimal rounded = Gbt8170.round(value, 2).stripTrailingZeros();
		return ((rounded.scale() < 0) ? rounded.setScale(0) : rounded).toPlainString();
	}

	/** A value rounded for an event's value field (2 decimals, GB/T 8170). */
	static BigDecimal rounded(BigDecimal value) {
		return Gbt8170.round(value, 2);
	}

	/** The key and unit as people read them at a site, e.g. "so2 (mg/m³)". */
	static String unit(Measurand key, Site site) {
		return key.unitAt(site.kind()).symbol();
	}

}
