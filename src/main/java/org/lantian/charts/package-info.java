/**
 * Charts and reports as PNG images, rendered headless with JFreeChart: a site's time
 * series against its GB 3095 or emission limit, a city's calendar of daily AQI coloured
 * by HJ 633 category, and a city's daily report (日报). Reads stored data through the query
 * interfaces of storage, airquality and alerts; knows nothing of HTTP or API keys.
 */
@ApplicationModule(allowedDependencies = { "domain", "storage", "airquality", "alerts" })
@NullMarked
package org.lantian.charts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
