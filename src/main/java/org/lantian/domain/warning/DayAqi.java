package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One 24-hour day of the series a scheme is evaluated on, with where its AQI came from.
 */
public record DayAqi(LocalDate date, int aqi, Source source, Optional<EpisodeDriver> driver) {

	public DayAqi {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(driver, "driver");
		ForecastDay.checkAqi(aqi, "aqi");
	}

	public static DayAqi forecast(LocalDate date, int aqi) {
		return new DayAqi(date, aqi, Source.FORECAST, Optional.empty());
	}

	/** Where a day's AQI came from. */
	public enum Source {

		/** A forecast day (预测日AQI). */
		FORECAST,
		/** The observed rolling 24-hour AQI. */
		OBSERVED

	}

}
