package org.lantian.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a device may report beside a value (HJ 212-2017 表4): the 折算 (O₂- or
 * excess-air-corrected) value, the minimum and maximum over the period, their corrected
 * versions and the period's total (累计值). They are kept as reported, beside the value they
 * belong to, and share its data flag.
 */
public enum Statistic {

	/** 折算值: {@code -ZsRtd} of a sample, {@code -ZsAvg} of an average (STANDARDS §5.4). */
	CORRECTED("zs"),
	/** {@code -Min}: the smallest value of the period. */
	MIN("min"),
	/** {@code -Max}: the largest value of the period. */
	MAX("max"),
	/**
	 * {@code -Cou} 累计值: the period's total, in {@link Measurand#totalUnit()} (kg emitted,
	 * m³ of flue gas).
	 */
	TOTAL("cou"),
	/** {@code -ZsMin}: the smallest corrected value of the period. */
	CORRECTED_MIN("zsmin"),
	/** {@code -ZsMax}: the largest corrected value of the period. */
	CORRECTED_MAX("zsmax");

	/**
	 * Totals are N14.2 at most (HJ 212-2017 §6.3.3: 14 integer digits): 10¹⁴ is beyond
	 * any total a device can send.
	 */
	private static final BigDecimal TOTAL_LIMIT = BigDecimal.TEN.pow(14);

	private final String key;

	Statistic(String key) {
		this.key = key;
	}

	/**
	 * What the field name of the statistic adds to its measurand's key, after an
	 * underscore: {@code so2_zs}, {@code flow_cou}.
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The unit of this statistic of a measurand at a site of the given kind: the value's
	 * own unit (表4 note: values and their 折算, min and max share a unit), or the unit of
	 * the total; empty for a total of a measurand that has none (a temperature).
	 */
	public Optional<Unit> unitOf(Measurand measurand, SiteKind kind) {
		return (this == TOTAL) ? measurand.totalUnit() : Optional.of(measurand.unitAt(kind));
	}

	/**
	 * Whether a value of this statistic of the measurand (in {@link #unitOf}) is one a
	 * working instrument can report: within the measurand's plausible range, or for a
	 * total not negative and below 10¹⁴.
	 */
	public boolean isPlausible(Measurand measurand, BigDecimal value) {
		if (this == TOTAL) {
			return value.signum() >= 0 && value.compareTo(TOTAL_LIMIT) < 0;
		}
		return measurand.isPlausible(value);
	}

}
