package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a ratio in percent is rounded before it is compared with a target (SEEDS-BRIEF
 * §2.4): 319 good days of 365 are 87.397 %, which meets 87.4 % only when the ratio is
 * first rounded to one decimal. The seeds do not say which rule applies, so it is
 * configured; the default is one decimal, GB/T 8170 (四舍六入五成双, as
 * {@link org.lantian.domain.Gbt8170}), the precision in which the targets are written.
 *
 * @param decimals the decimals the percentage is rounded to, or empty for no rounding:
 * the exact ratio is compared with the target
 */
public record RatioRounding(OptionalInt decimals) {

	/** One decimal, GB/T 8170: the default. */
	public static final RatioRounding ONE_DECIMAL = toDecimals(1);

	/** No rounding: the exact ratio is compared with the target. */
	public static final RatioRounding NONE = new RatioRounding(OptionalInt.empty());

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The decimals an unrounded percentage is shown with; it is compared exactly. */
	static final int DISPLAY_DECIMALS = 4;

	public RatioRounding {
		Objects.requireNonNull(decimals, "decimals");
		if (decimals.isPresent() && (decimals.getAsInt() < 0 || decimals.getAsInt() > 6)) {
			throw new IllegalArgumentException("ratio rounding must be 0 to 6 decimals: " + decimals.getAsInt());
		}
	}

	public static RatioRounding toDecimals(int decimals) {
		return new RatioRounding(OptionalInt.of(decimals));
	}

	/**
	 * {@code part / whole × 100}, rounded per GB/T 8170 to the configured decimals (the
	 * exact quotient is rounded once, {@link RoundingMode#HALF_EVEN}); without rounding,
	 * shown to {@value #DISPLAY_DECIMALS} decimals.
	 */
	public BigDecimal percent(BigDecimal part, BigDecimal whole) {
		requirePositive(whole);
		int scale = this.decimals.orElse(DISPLAY_DECIMALS);
		return part.multiply(HUNDRED).divide(whole, scale, RoundingMode.HALF_EVEN);
	}

	/** {@link #percent(BigDecimal, BigDecimal)} of a count of days. */
	public BigDecimal percent(int part, int whole) {
		return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	/**
	 * The sign of (ratio − target) in percent, after this rounding: negative below the
	 * target, zero on it, positive above it. Without rounding the comparison is exact:
	 * {@code part × 100} against {@code target × whole}.
	 */
	public int compare(BigDecimal part, BigDecimal whole, BigDecimal targetPercent) {
		requirePositive(whole);
		if (this.decimals.isPresent()) {
			return percent(part, whole).compareTo(targetPercent);
		}
		return part.multiply(HUNDRED).compareTo(targetPercent.multiply(whole));
	}

	/** {@link #compare(BigDecimal, BigDecimal, BigDecimal)} for a count of days. */
	public int compare(int part, int whole, BigDecimal targetPercent) {
		return compare(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), targetPercent);
	}

	@Override
	public String toString() {
		return this.decimals.isPresent() ? "GB/T 8170 to " + this.decimals.getAsInt() + " decimal(s)" : "exact";
	}

	private static void requirePositive(BigDecimal whole) {
		if (whole.signum() <= 0) {
			throw new IllegalArgumentException("a ratio needs a positive denominator: " + whole);
		}
	}
}
