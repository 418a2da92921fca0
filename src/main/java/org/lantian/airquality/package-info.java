/**
 * Air quality as bureaus are judged by it: as each hour and day closes, the real-time and
 * daily AQI reports of every ambient station and city (the mean of its stations, HJ 663)
 * are computed from the stored readings with the data-validity rules of GB 3095 and kept
 * in InfluxDB; late and back-filled readings recompute what they affect, and an operator
 * can recompute a range. Publishes {@link AmbientLimitExceeded} and
 * {@link HeavyPollutionDayRecorded} for the rule engine; answers reads through
 * {@link AirQuality}.
 */
@ApplicationModule(allowedDependencies = { "domain", "ingest", "storage" })
@NullMarked
package org.lantian.airquality;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
