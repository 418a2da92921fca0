package org.lantian.airquality;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the AQI aggregation ({@code lantian.airquality.*}).
 *
 * @param enabled whether hours and days are computed at all
 * @param grace how long after an hour (or a day) ends it is first computed: HJ 212 hourly
 * values (2061) arrive after the hour; readings later still are late data and recompute
 * it
 * @param interval how often the aggregator looks for closed hours and late data
 * @param initialLookback on a database without any report, how far back the first pass
 * starts
 * @param ratioDecimals decimals the scorecard rounds its ratios to before comparing them
 * with a target (GB/T 8170); negative: compare the exact fraction (SEEDS-BRIEF §2.4)
 * @param sandDustDays per city, the days declared sand-dust days (沙尘天), deducted in the
 * scorecard's second set of figures
 */
@ConfigurationProperties("lantian.airquality")
public record AirQualityProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration grace,
		@DefaultValue("15s") Duration interval, @DefaultValue("24h") Duration initialLookback,
		@DefaultValue("1") int ratioDecimals, @Nullable Map<String, List<LocalDate>> sandDustDays) {

	public AirQualityProperties {
		if (grace.isNegative()) {
			throw new IllegalArgumentException("lantian.airquality.grace is negative: " + grace);
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("lantian.airquality.interval must be positive: " + interval);
		}
		if (initialLookback.isNegative()) {
			throw new IllegalArgumentException("lantian.airquality.initial-lookback is negative: " + initialLookback);
		}
		sandDustDays = (sandDustDays != null) ? Map.copyOf(sandDustDays) : Map.of();
	}

}
