package org.lantian.domain.aqi;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.lantian.domain.validity.Average;

/**
 * One published report of an area for one period [{@code start}, {@code end}): the
 * average behind each indicator (valid, or insufficient with the rule it missed) and the
 * AQI computed from the valid ones.
 *
 * @param averages every indicator the report takes, with its average
 * @param index the AQI report, NA rules applied
 */
public record AreaReport(Instant start, Instant end, Map<AqiIndicator, Average> averages, AirQualityIndex index) {

	public AreaReport {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(index, "index");
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("report period ends before it starts: " + start + " – " + end);
		}
		Map<AqiIndicator, Average> copy = new EnumMap<>(AqiIndicator.class);
		copy.putAll(averages);
		averages = Collections.unmodifiableMap(copy);
	}

	/**
	 * Whether the period met the data-validity rules: every indicator the report takes
	 * had a valid average (INTERFACES §5.2 {@code valid}).
	 */
	public boolean valid() {
		return this.averages.values().stream().allMatch((average) -> average.validValue().isPresent());
	}

}
