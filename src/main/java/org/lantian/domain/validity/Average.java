package org.lantian.domain.validity;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An average taken under a {@link ValidityRule}: {@link Valid} with its value, or
 * {@link Insufficient} with the reason (STYLE S-9). The value is exact to at least twelve
 * decimals beyond its inputs; publication rounds it per GB/T 8170.
 */
public sealed interface Average permits Average.Valid, Average.Insufficient {

	/** The value, when valid. */
	Optional<BigDecimal> validValue();

	/** How many valid values went in. */
	int count();

	default boolean isValid() {
		return this instanceof Valid;
	}

	/**
	 * A valid average.
	 *
	 * @param value the mean (or maximum)
	 * @param count the valid values it was built from; 0 for a device-reported value used
	 * as reported
	 */
	record Valid(BigDecimal value, int count) implements Average {

		public Valid {
			Objects.requireNonNull(value, "value");
			if (count < 0) {
				throw new IllegalArgumentException("negative count: " + count);
			}
		}

		@Override
		public Optional<BigDecimal> validValue() {
			return Optional.of(this.value);
		}

	}

	/**
	 * Too few valid values.
	 *
	 * @param count the valid values there were
	 * @param rule the rule that was not met
	 * @param reason in words, e.g. "19 valid hours of 24; GB 3095-2026 表4: 日平均 ≥ 20 h"
	 */
	record Insufficient(int count, ValidityRule rule, String reason) implements Average {

		public Insufficient {
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(reason, "reason");
			if (count < 0 || count >= rule.required()) {
				throw new IllegalArgumentException(
						"not insufficient: " + count + " valid of " + rule.required() + " required");
			}
		}

		@Override
		public Optional<BigDecimal> validValue() {
			return Optional.empty();
		}

		public int required() {
			return this.rule.required();
		}

	}

}
