package org.lantian.domain.warning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A city's daily AQI forecast (INTERFACES §5.3 {@code POST /api/v1/forecasts}): when it
 * was issued and one or more consecutive days. The compact constructor names the field at
 * fault ({@code days[2].date}).
 */
public record AqiForecast(String city, Instant issued, List<ForecastDay> days) {

	public AqiForecast {
		if (city == null || city.isBlank()) {
			throw new IllegalArgumentException("city: blank");
		}
		Objects.requireNonNull(issued, "issued");
		if (days == null || days.isEmpty()) {
			throw new IllegalArgumentException("days: empty, a forecast needs at least one day");
		}
		for (int i = 0; i < days.size(); i++) {
			if (days.get(i) == null) {
				throw new IllegalArgumentException("days[" + i + "]: missing");
			}
		}
		for (int i = 1; i < days.size(); i++) {
			ForecastDay previous = days.get(i - 1);
			ForecastDay day = days.get(i);
			if (!day.date().isAfter(previous.date())) {
				throw new IllegalArgumentException("days[" + i + "].date: " + day.date() + " "
						+ (day.date().equals(previous.date()) ? "repeats" : "comes before") + " days[" + (i - 1)
						+ "].date " + previous.date() + " (dates must be unique and in order)");
			}
			if (!day.date().equals(previous.date().plusDays(1))) {
				throw new IllegalArgumentException("days[" + i + "].date: " + day.date() + " does not follow days["
						+ (i - 1) + "].date " + previous.date() + " (dates must be consecutive)");
			}
		}
		days = List.copyOf(days);
	}

	/**
	 * Builds a forecast from raw values, naming the field of the first problem
	 * ({@code days[1].aqi: 501 is outside the AQI range 0..500}).
	 */
	public static AqiForecast of(String city, Instant issued, List<ForecastDay> days) {
		return new AqiForecast(city, issued, days);
	}

	/**
	 * Checks one raw day, for callers that parse their own input: the AQI range, named
	 * with the day's index.
	 * @throws IllegalArgumentException naming {@code days[i].aqi}
	 */
	public static void checkDayAqi(int index, int aqi) {
		ForecastDay.checkAqi(aqi, "days[" + index + "].aqi");
	}

	public ForecastDay first() {
		return this.days.get(0);
	}

	public ForecastDay last() {
		return this.days.get(this.days.size() - 1);
	}

}
