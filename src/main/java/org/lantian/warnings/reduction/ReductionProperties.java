package org.lantian.warnings.reduction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emergency-reduction verification round
 * ({@code lantian.warnings.reduction.*}).
 *
 * @param enabled whether the round runs (the compliance report is served either way)
 * @param interval how often every warning that demands cuts is verified and its
 * non-compliance alerts opened or cleared
 */
@ConfigurationProperties("lantian.warnings.reduction")
record ReductionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval) {

	ReductionProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("lantian.warnings.reduction.interval must be positive: " + interval);
		}
	}

}
