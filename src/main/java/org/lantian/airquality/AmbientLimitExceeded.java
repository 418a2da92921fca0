package org.lantian.airquality;

import java.time.Instant;

import org.lantian.domain.aqi.Area;
import org.lantian.domain.ambient.Exceedance;

/**
 * A valid 1-hour, daily or daily-maximum-8-hour value of a station or city was above the
 * GB 3095 limit of its zone grade on that date (STANDARDS §2.6). Published again when a
 * recomputation confirms it; listeners deduplicate by area, pollutant, averaging and
 * start.
 *
 * @param start the start of the averaging period
 * @param end its exclusive end
 */
public record AmbientLimitExceeded(Area area, Instant start, Instant end, Exceedance exceedance) {
}
