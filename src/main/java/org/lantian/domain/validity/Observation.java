package org.lantian.domain.validity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.lantian.domain.DataFlag;

/**
 * One value of one pollutant at one station, as the averaging rules see it: a sample at
 * its sampling instant, or a minute or hourly value at the <em>start</em> of its period
 * (HJ 212 {@code DataTime}, STANDARDS §2.5).
 */
public record Observation(Instant at, BigDecimal value, DataFlag flag) {

	public Observation {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(flag, "flag");
	}

	public static Observation normal(Instant at, String value) {
		return new Observation(at, new BigDecimal(value), DataFlag.N);
	}

	/** Only values flagged {@code N} enter averages (INTERFACES §3.1). */
	public boolean isValid() {
		return this.flag.isNormal();
	}

}
