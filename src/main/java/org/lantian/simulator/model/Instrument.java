package org.lantian.simulator.model;

import java.math.BigDecimal;

import org.lantian.domain.Measurand;

/**
 * How an instrument reports a simulated quantity: clamped to what a working instrument
 * can report ({@link Measurand#plausibleMin()} to {@link Measurand#plausibleMax()}) and
 * rounded to the instrument's decimals, as an exact {@link BigDecimal}.
 */
final class Instrument {

	private static final double[] MIN = new double[Measurand.values().length];

	private static final double[] MAX = new double[Measurand.values().length];

	private static final double[] POWERS = { 1, 10, 100, 1000, 10000 };

	static {
		for (Measurand measurand : Measurand.values()) {
			MIN[measurand.ordinal()] = measurand.plausibleMin().doubleValue();
			MAX[measurand.ordinal()] = measurand.plausibleMax().doubleValue();
		}
	}

	private Instrument() {
	}

	/**
	 * The value clamped to the measurand's plausible range and rounded to {@code scale}
	 * decimals (0 to 4).
	 */
	static BigDecimal report(Measurand measurand, double value, int scale) {
		double clamped = Math.max(MIN[measurand.ordinal()], Math.min(MAX[measurand.ordinal()], value));
		if (Double.isNaN(clamped)) {
			clamped = MIN[measurand.ordinal()];
		}
		return BigDecimal.valueOf(Math.round(clamped * POWERS[scale]), scale);
	}

}
