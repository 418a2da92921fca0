package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The percentile of HJ 663-2013 附录A (STANDARDS §2.4, [M]): sort the n valid values
 * ascending, X(1) … X(n); k = 1 + (n − 1)·p/100, s = the integer part of k; the p-th
 * percentile is X(s) + (X(s+1) − X(s))·(k − s). Exact: k has at most two decimals.
 */
public final class Hj663Percentile {

	private Hj663Percentile() {
	}

	/**
	 * The exact {@code p}-th percentile of {@code values}, unrounded.
	 * @throws IllegalArgumentException for no values or {@code p} outside 0–100
	 */
	public static BigDecimal of(List<BigDecimal> values, int p) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values for the " + p + "th percentile");
		}
		if (p < 0 || p > 100) {
			throw new IllegalArgumentException("percentile out of 0–100: " + p);
		}
		List<BigDecimal> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		// k = 1 + (n − 1)·p/100; dividing by 100 is exact in decimal
		BigDecimal k = BigDecimal.ONE.add(BigDecimal.valueOf((long) (n - 1) * p).movePointLeft(2));
		int s = k.intValue();
		BigDecimal fraction = k.subtract(BigDecimal.valueOf(s));
		BigDecimal low = sorted.get(s - 1);
		if (s == n || fraction.signum() == 0) {
			return low;
		}
		BigDecimal high = sorted.get(s);
		return low.add(high.subtract(low).multiply(fraction));
	}

}
