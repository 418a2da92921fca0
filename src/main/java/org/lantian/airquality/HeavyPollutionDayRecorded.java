package org.lantian.airquality;

import java.time.LocalDate;

import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.aqi.Area;

/**
 * A station's or city's daily AQI was above 200, 重度污染 or worse (STANDARDS §1.7).
 * Published again when a recomputation confirms it.
 */
public record HeavyPollutionDayRecorded(Area area, LocalDate day, AreaReport report) {
}
