package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One forecast day of a city: the natural day (reporting zone) and its forecast daily
 * AQI, optionally with the pollutant expected to drive it.
 */
public record ForecastDay(LocalDate date, int aqi, Optional<EpisodeDriver> driver) {

	/** The largest AQI (HJ 633: IAQI and AQI stop at 500). */
	public static final int MAX_AQI = 500;

	public ForecastDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(driver, "driver");
		checkAqi(aqi, "aqi");
	}

	public ForecastDay(LocalDate date, int aqi) {
		this(date, aqi, Optional.empty());
	}

	static void checkAqi(int aqi, String field) {
		if (aqi < 0 || aqi > MAX_AQI) {
			throw new IllegalArgumentException(field + ": " + aqi + " is outside the AQI range 0..500");
		}
	}

}
