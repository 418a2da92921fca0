package org.lantian.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * The resolution of a time-series query: raw points, or means over 1 minute, 1 hour or 1
 * day buckets.
 */
public enum Step {

	RAW("raw", Duration.ZERO), MINUTE("1m", Duration.ofMinutes(1)), HOUR("1h", Duration.ofHours(1)),
	DAY("1d", Duration.ofDays(1));

	private final String key;

	private final Duration width;

	Step(String key, Duration width) {
		this.key = key;
		this.width = width;
	}

	public String key() {
		return this.key;
	}

	public Duration width() {
		return this.width;
	}

	public static Optional<Step> fromKey(String key) {
		for (Step step : values()) {
			if (step.key.equals(key)) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

}
