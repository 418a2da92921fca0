package org.lantian.storage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Observation;

/**
 * What one ambient station reported within a time range, as the hourly means need it: per
 * pollutant, one observation per minute that held valid values (the mean of its samples
 * and minute values, stamped with the minute's start), and the hourly and daily values
 * the device itself reported (with their flags). Mutable while it is filled by the store.
 */
public final class AmbientInputs {

	private final Map<Measurand, List<Observation>> minutes = new EnumMap<>(Measurand.class);

	private final Map<Measurand, List<Observation>> reportedHours = new EnumMap<>(Measurand.class);

	private final Map<Measurand, List<Observation>> reportedDays = new EnumMap<>(Measurand.class);

	public AmbientInputs addMinute(Measurand pollutant, Observation minute) {
		this.minutes.computeIfAbsent(pollutant, (p) -> new ArrayList<>()).add(minute);
		return this;
	}

	public AmbientInputs addReportedHour(Measurand pollutant, Observation hour) {
		this.reportedHours.computeIfAbsent(pollutant, (p) -> new ArrayList<>()).add(hour);
		return this;
	}

	public AmbientInputs addReportedDay(Measurand pollutant, Observation day) {
		this.reportedDays.computeIfAbsent(pollutant, (p) -> new ArrayList<>()).add(day);
		return this;
	}

	/** Valid minutes of a pollutant, in time order. */
	public List<Observation> minutes(Measurand pollutant) {
		return this.minutes.getOrDefault(pollutant, List.of());
	}

	/** Device-reported hourly values, stamped with their hour's start. */
	public List<Observation> reportedHours(Measurand pollutant) {
		return this.reportedHours.getOrDefault(pollutant, List.of());
	}

	/** Device-reported daily values, stamped with their day's start. */
	public List<Observation> reportedDays(Measurand pollutant) {
		return this.reportedDays.getOrDefault(pollutant, List.of());
	}

	/** Device-reported daily values as a map for a report, where valid. */
	public Map<Measurand, BigDecimal> validReportedDays(Instant dayStart) {
		Map<Measurand, BigDecimal> days = new EnumMap<>(Measurand.class);
		this.reportedDays.forEach((pollutant, observations) -> observations.stream()
			.filter((o) -> o.at().equals(dayStart) && o.isValid())
			.findFirst()
			.ifPresent((o) -> days.put(pollutant, o.value())));
		return days;
	}

}
