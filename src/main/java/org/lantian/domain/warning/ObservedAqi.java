package org.lantian.domain.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The city's observed rolling 24-hour AQI (STANDARDS §4.1 Yangzhou practice and §4.2:
 * "AQI日均值按连续24小时（可以跨自然日）的均值计算"): the 24 h ending at {@code end}, which stands for the
 * natural day {@code date} of the episode.
 *
 * @param date the reporting-zone day the observation stands for (normally the day of
 * {@code end})
 * @param end the end of the 24-hour window (exclusive)
 * @param aqi the rolling 24-h AQI
 * @param driver the primary pollutant's driver, if known
 */
public record ObservedAqi(LocalDate date, Instant end, int aqi, Optional<EpisodeDriver> driver) {

	public ObservedAqi {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(driver, "driver");
		ForecastDay.checkAqi(aqi, "observed aqi");
	}

}
