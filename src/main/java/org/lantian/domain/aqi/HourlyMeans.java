package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.Observation;

/**
 * The hourly means of one area (a station, or a city as the mean of its stations) by
 * pollutant, each keyed by its hour's start, valid or not: what every real-time and daily
 * report of HJ 633 is built from. Not thread-safe.
 */
public final class HourlyMeans {

	private final Map<Measurand, NavigableMap<Instant, Average>> means = new EnumMap<>(Measurand.class);

	/** Records a pollutant's mean of the hour starting at {@code hourStart}. */
	public HourlyMeans put(Measurand pollutant, Instant hourStart, Average mean) {
		Optional<BigDecimal> value = mean.validValue();
		if (value.isPresent() && value.get().signum() < 0) {
			throw new IllegalArgumentException(
					"negative hourly mean: " + value.get().toPlainString() + " (" + pollutant.key() + ")");
		}
		this.means.computeIfAbsent(pollutant, (p) -> new TreeMap<>()).put(hourStart, mean);
		return this;
	}

	/** Records a pollutant's valid mean of the hour starting at {@code hourStart}. */
	public HourlyMeans put(Measurand pollutant, Instant hourStart, BigDecimal mean) {
		return put(pollutant, hourStart, new Average.Valid(mean, 0));
	}

	/** The mean of the hour starting at {@code hourStart}, if one was recorded. */
	public Optional<Average> at(Measurand pollutant, Instant hourStart) {
		NavigableMap<Instant, Average> hours = this.means.get(pollutant);
		return (hours != null) ? Optional.ofNullable(hours.get(hourStart)) : Optional.empty();
	}

	/**
	 * The valid means of the hours starting in [{@code from}, {@code to}), as normal
	 * ({@code N}) observations stamped with their hour's start.
	 */
	public List<Observation> observations(Measurand pollutant, Instant from, Instant to) {
		NavigableMap<Instant, Average> hours = this.means.get(pollutant);
		if (hours == null) {
			return List.of();
		}
		List<Observation> observations = new ArrayList<>();
		hours.subMap(from, true, to, false)
			.forEach((start, mean) -> mean.validValue()
				.ifPresent((value) -> observations.add(new Observation(start, value, DataFlag.N))));
		return Collections.unmodifiableList(observations);
	}

	/** Whether no hour of any pollutant is recorded. */
	public boolean isEmpty() {
		return this.means.values().stream().allMatch(Map::isEmpty);
	}

}
