package org.lantian.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One value of a reading, exactly as reported, with its HJ 212 data flag.
 */
public record Measurement(BigDecimal value, DataFlag flag) {

	public Measurement {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(flag, "flag");
	}

	public static Measurement normal(BigDecimal value) {
		return new Measurement(value, DataFlag.N);
	}

	public static Measurement of(String value, DataFlag flag) {
		return new Measurement(new BigDecimal(value), flag);
	}

}
