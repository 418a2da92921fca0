package org.lantian.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of numbers per GB/T 8170-2008 (数值修约规则): 四舍六入五成双. A discarded part below half
 * rounds down, above half rounds up, and exactly half rounds to the even neighbour; the
 * sign is kept (修约 applies to the absolute value). This is {@link RoundingMode#HALF_EVEN}
 * on an exact decimal, so values must reach it as decimals built from text, never from a
 * {@code double}.
 */
public final class Gbt8170 {

	private Gbt8170() {
	}

	/**
	 * The value rounded to {@code scale} decimal places (0 for integers, 1 for one
	 * decimal; negative scales round to tens, hundreds).
	 */
	public static BigDecimal round(BigDecimal value, int scale) {
		return value.setScale(scale, RoundingMode.HALF_EVEN);
	}

}
