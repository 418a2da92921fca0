package org.lantian.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.SiteId;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;

/**
 * Keeps the derived air-quality series — the real-time (hourly) and daily reports of
 * stations and cities — and reads back what they are computed from. Calls are synchronous
 * and throw {@link StorageUnavailableException} when the database cannot be reached; a
 * report written again for the same area and period replaces the old one.
 */
public interface AirQualityStore {

	/**
	 * What the ambient stations reported in [{@code from}, {@code to}): valid minutes,
	 * device hourly and daily values, per station; one station only if {@code site} is
	 * given. Stations without data are absent.
	 */
	Map<SiteId, AmbientInputs> ambientInputs(@Nullable SiteId site, Instant from, Instant to);

	/** Writes the reports of several areas in one request. */
	void write(Collection<Reports> reports);

	/**
	 * Reports of one area to write; {@code city} is the city it belongs to (or is).
	 */
	record Reports(Area area, String city, List<AreaReport> reports) {
	}

	/**
	 * The stored reports of each area starting in [{@code from}, {@code to}), in time
	 * order.
	 */
	Map<Area, List<AreaReport>> reports(Collection<Area> areas, AqiReport report, Instant from, Instant to);

	/** The start of the newest stored report of the kind for any station, if any. */
	Optional<Instant> newestStationReport(AqiReport report);

}
