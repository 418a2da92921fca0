package org.lantian.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;

/**
 * A time-series request: one site, the half-open interval [{@code from}, {@code to}),
 * some measurands, a step, and which reported period to read (device samples by default;
 * averages the device already took are read as they are).
 */
public record SeriesQuery(SiteId site, Instant from, Instant to, List<Measurand> measurands, Step step,
		ReadingPeriod period) {

	public SeriesQuery {
		Objects.requireNonNull(site, "site");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(period, "period");
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("'from' " + from + " is not before 'to' " + to);
		}
		if (measurands == null || measurands.isEmpty()) {
			throw new IllegalArgumentException("no measurands asked for");
		}
		measurands = List.copyOf(measurands);
	}

}
