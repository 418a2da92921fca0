package org.lantian.domain;

import java.util.Locale;

/**
 * What a reported value stands for: one sample, or an average the device already took
 * over a minute, an hour or a day (INTERFACES §3.1 {@code period}; HJ 212 CN 2011, 2051,
 * 2061, 2031). Averaged values are stored as reported and never re-averaged as samples.
 */
public enum ReadingPeriod {

	SAMPLE, MINUTE, HOUR, DAY;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ReadingPeriod fromKey(String key) {
		for (ReadingPeriod period : values()) {
			if (period.key().equals(key)) {
				return period;
			}
		}
		throw new IllegalArgumentException("unknown period: '" + key + "' (sample, minute, hour or day)");
	}

}
