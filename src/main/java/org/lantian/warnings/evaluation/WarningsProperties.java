package org.lantian.warnings.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the warning engine ({@code lantian.warnings.evaluation.*}); the schemes and
 * zones are in the warnings file ({@code lantian.warnings.file}).
 *
 * @param enabled whether warnings are graded at all
 * @param interval how often every city is graded again with the newest observed rolling
 * 24-h AQI
 * @param forecastLookback how far back the start looks for each city's latest forecast
 */
@ConfigurationProperties("lantian.warnings.evaluation")
record WarningsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval,
		@DefaultValue("14d") Duration forecastLookback) {

	WarningsProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("lantian.warnings.evaluation.interval must be positive: " + interval);
		}
		if (forecastLookback.isNegative()) {
			throw new IllegalArgumentException(
					"lantian.warnings.evaluation.forecast-lookback is negative: " + forecastLookback);
		}
	}

}
