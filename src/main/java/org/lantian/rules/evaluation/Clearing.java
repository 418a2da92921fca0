package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Hysteresis on clearing: an active condition clears only once its value is at or below
 * the threshold minus {@code margin} (a fraction: 0.05 is 5 %), and has stayed so for
 * {@code duration} (zero: at the first such evaluation).
 */
public record Clearing(BigDecimal margin, Duration duration) {

	/** One evaluation at or below the threshold minus 5 %. */
	public static final Clearing DEFAULT = new Clearing(new BigDecimal("0.05"), Duration.ZERO);

	public Clearing {
		Objects.requireNonNull(margin, "margin");
		Objects.requireNonNull(duration, "duration");
		if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) >= 0) {
			throw new IllegalArgumentException("clear margin must be in [0, 1): " + margin.toPlainString());
		}
		if (duration.isNegative()) {
			throw new IllegalArgumentException("negative clear duration: " + duration);
		}
	}

	/** The level at or below which a value may clear a condition of this threshold. */
	public BigDecimal level(BigDecimal threshold) {
		return threshold.multiply(BigDecimal.ONE.subtract(this.margin));
	}

	/** Whether the value is low enough to clear a condition of this threshold. */
	public boolean allowsClearing(BigDecimal value, BigDecimal threshold) {
		return value.compareTo(level(threshold)) <= 0;
	}

}
