package org.lantian.airquality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.SiteId;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;

/**
 * The stored AQI reports of stations and cities, and recomputation.
 */
public interface AirQuality {

	/**
	 * The reports of an area whose periods start in [{@code from}, {@code to}), in time
	 * order; periods not (yet) computed are absent.
	 * @throws org.lantian.storage.StorageUnavailableException if InfluxDB cannot answer
	 */
	List<AreaReport> reports(Area area, AqiReport report, Instant from, Instant to);

	/**
	 * Queues a recomputation of the hours in [{@code from}, {@code to}) (widened to whole
	 * hours) and of the days and cities they touch, for one station or, without one, for
	 * all.
	 */
	RecomputeJob recompute(Instant from, Instant to, @Nullable SiteId site);

	/** A recomputation job by id, while it is remembered (the last 100). */
	Optional<RecomputeJob> job(String id);

	/**
	 * The city's scorecard for the year from its stored daily reports, up to yesterday
	 * (or the whole year, if it is over), against the target of the city or of the one
	 * region whose only member it is.
	 * @throws IllegalArgumentException for a city without ambient stations
	 */
	CityScorecard scorecard(String city, int year);

}
