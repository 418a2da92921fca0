/**
 * 重污染天气预警: keeps each city's heavy-pollution warning level. Stores the forecasts the
 * bureau posts, grades them with the observed rolling 24-hour AQI by the scheme in force
 * (domain {@code warning}), raises joint zones together, moves each city's warning and
 * keeps every change in InfluxDB. Publishes {@link WarningLevelChanged}; answers reads
 * and takes forecasts through {@link Warnings}. Verifies the emergency cuts of listed
 * enterprises from their stack data ({@link Compliance}) and raises non-compliance as the
 * rules module's {@code RuleConditionChanged}, which the alerts module turns into alerts.
 */
@ApplicationModule(allowedDependencies = { "domain", "storage", "airquality", "rules" })
@NullMarked
package org.lantian.warnings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
