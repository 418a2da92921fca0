package org.lantian.charts.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.lantian.domain.aqi.AqiCategory;

/**
 * What a city's AQI calendar shows: the daily AQI of each day of a year that has one.
 *
 * @param monthLabels twelve row labels, January first
 * @param categoryLabels the legend entry of each category, in {@link AqiCategory} order
 * @param dailyAqi the AQI of each day with a published one, all in {@code year}
 */
public record AqiCalendar(String title, int year, List<String> monthLabels, List<String> categoryLabels,
		String noDataLabel, Map<LocalDate, Integer> dailyAqi) {

	public AqiCalendar {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(noDataLabel, "noDataLabel");
		monthLabels = List.copyOf(monthLabels);
		categoryLabels = List.copyOf(categoryLabels);
		if (monthLabels.size() != 12) {
			throw new IllegalArgumentException("need 12 month labels, not " + monthLabels.size());
		}
		if (categoryLabels.size() != AqiCategory.values().length) {
			throw new IllegalArgumentException("need one label per AQI category, not " + categoryLabels.size());
		}
		dailyAqi.forEach((date, aqi) -> {
			if (date.getYear() != year) {
				throw new IllegalArgumentException(date + " is not in " + year);
			}
			if (aqi < 0 || aqi > 500) {
				throw new IllegalArgumentException("AQI out of 0–500 on " + date + ": " + aqi);
			}
		});
		dailyAqi = Map.copyOf(new TreeMap<>(dailyAqi));
	}

}
