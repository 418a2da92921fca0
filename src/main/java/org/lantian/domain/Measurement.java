package org.lantian.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a reading, exactly as reported, with its HJ 212 data flag and the
 * {@link Statistic}s a device reported beside it (corrected value, minimum, maximum,
 * total), in the units of {@link Statistic#unitOf}. The flag covers the statistics too.
 * <p>
 * Most values carry no statistics: they share the one empty map, so that such a
 * measurement costs nothing more than its value and flag.
 */
public record Measurement(BigDecimal value, DataFlag flag, Map<Statistic, BigDecimal> statistics) {

	public Measurement {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(flag, "flag");
		Objects.requireNonNull(statistics, "statistics");
		if (statistics.isEmpty()) {
			statistics = Map.of();
		}
		else {
			statistics = Collections.unmodifiableMap(new EnumMap<>(statistics));
			statistics.forEach((statistic, number) -> Objects.requireNonNull(number, statistic.name()));
			requireOrdered(statistics, Statistic.MIN, Statistic.MAX);
			requireOrdered(statistics, Statistic.CORRECTED_MIN, Statistic.CORRECTED_MAX);
			BigDecimal total = statistics.get(Statistic.TOTAL);
			if (total != null && total.signum() < 0) {
				throw new IllegalArgumentException("negative total: " + total.toPlainString());
			}
		}
	}

	public Measurement(BigDecimal value, DataFlag flag) {
		this(value, flag, Map.of());
	}

	public static Measurement normal(BigDecimal value) {
		return new Measurement(value, DataFlag.N);
	}

	public static Measurement of(String value, DataFlag flag) {
		return new Measurement(new BigDecimal(value), flag);
	}

	/** The statistic, if reported. */
	public Optional<BigDecimal> statistic(Statistic statistic) {
		return Optional.ofNullable(this.statistics.get(statistic));
	}

	private static void requireOrdered(Map<Statistic, BigDecimal> statistics, Statistic low, Statistic high) {
		BigDecimal min = statistics.get(low);
		BigDecimal max = statistics.get(high);
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw new IllegalArgumentException(
					low.key() + " " + min.toPlainString() + " exceeds " + high.key() + " " + max.toPlainString());
		}
	}

}
