package org.lantian.domain.ambient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.lantian.domain.Gbt8170;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;

/**
 * A valid ambient value above the GB 3095 limit that applies to the site's zone on the
 * date (STANDARDS §2.6).
 *
 * @param date the local date the value's period starts on
 * @param limit the limit exceeded
 * @param value the value as compared: rounded per GB/T 8170 to integers in µg/m³ and one
 * decimal for CO in mg/m³
 */
public record Exceedance(LocalDate date, AmbientLimit limit, BigDecimal value) {

	public Exceedance {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(limit, "limit");
		if (value.compareTo(limit.value()) <= 0) {
			throw new IllegalArgumentException("not an exceedance: " + value.toPlainString() + " "
					+ limit.unit().symbol() + " against " + limit.value().toPlainString());
		}
	}

	/**
	 * The exceedance, if the average is valid and, rounded per GB/T 8170 (HJ 663-2013
	 * [M]; HJ 633-2026 §4.2.2 rounds the same way), strictly above the limit; empty for
	 * an invalid average (GB 3095-2026 表4), a value at or below the limit, or a
	 * combination without a limit.
	 */
	public static Optional<Exceedance> judge(LocalDate date, ZoneClass zone, Measurand pollutant,
			LimitAveraging averaging, Average average) {
		return average.validValue().flatMap((value) -> judge(date, zone, pollutant, averaging, value));
	}

	/**
	 * As {@link #judge(LocalDate, ZoneClass, Measurand, LimitAveraging, Average)} for a
	 * value known valid.
	 */
	public static Optional<Exceedance> judge(LocalDate date, ZoneClass zone, Measurand pollutant,
			LimitAveraging averaging, BigDecimal validValue) {
		return AmbientLimits.on(date, pollutant, averaging, zone).flatMap((limit) -> {
			BigDecimal rounded = Gbt8170.round(validValue, (pollutant == Measurand.CO) ? 1 : 0);
			return (rounded.compareTo(limit.value()) > 0) ? Optional.of(new Exceedance(date, limit, rounded))
					: Optional.empty();
		});
	}

}
