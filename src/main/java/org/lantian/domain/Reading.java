package org.lantian.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one monitoring point reported for one instant: values by measurand, each with its
 * data flag. For averaged periods {@code time} is the start of the averaging interval.
 */
public record Reading(SiteId site, Instant time, ReadingPeriod period, Map<Measurand, Measurement> values) {

	public Reading {
		Objects.requireNonNull(site, "site");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(period, "period");
		if (values == null || values.isEmpty()) {
			throw new IllegalArgumentException("reading of " + site + " at " + time + " has no values");
		}
		values = Collections.unmodifiableMap(new EnumMap<>(values));
	}

}
