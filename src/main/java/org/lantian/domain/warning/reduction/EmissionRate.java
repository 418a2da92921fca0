package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;

/**
 * The hourly emission of a stack (HJ 212-2017 附录D 式(33), STANDARDS §3.13): G_h = C_Qh ×
 * Q_snh × 10⁻⁶, kg/h, with C_Qh the hourly mean concentration in mg/m³ and Q_snh the
 * hourly flow at standard state, dry (式(31)), in m³/h.
 * <p>
 * [interpretation] C_Qh is the measured dry standard-state concentration, not the
 * O₂-corrected (折算) one: 折算 refers the concentration to a notional reference-O₂ volume
 * that the measured flow is not, so corrected × flow is no mass. The result is exact (a
 * product of decimals); rounding is for display only.
 */
public final class EmissionRate {

	private EmissionRate() {
	}

	/**
	 * kg/h from mg/m³ and m³/h (standard state, dry).
	 * @throws IllegalArgumentException for a negative concentration or flow
	 */
	public static BigDecimal kgPerHour(BigDecimal concentrationMgPerM3, BigDecimal flowM3PerHour) {
		if (concentrationMgPerM3.signum() < 0) {
			throw new IllegalArgumentException(
					"negative concentration: " + concentrationMgPerM3.toPlainString() + " mg/m³");
		}
		if (flowM3PerHour.signum() < 0) {
			throw new IllegalArgumentException("negative flow: " + flowM3PerHour.toPlainString() + " m³/h");
		}
		return concentrationMgPerM3.multiply(flowM3PerHour).movePointLeft(6);
	}

}
