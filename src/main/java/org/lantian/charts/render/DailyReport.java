package org.lantian.charts.render;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.aqi.AqiCategory;

/**
 * A city's daily report (日报), every text already in the page's language: the city's and
 * each station's daily AQI, the exceedances of the day and the alerts raised on it.
 *
 * @param headings the page's fixed texts
 */
public record DailyReport(String title, String subtitle, Headings headings, AqiLine city, List<AqiLine> stations,
		List<String> exceedances, List<String> alerts) {

	public DailyReport {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(subtitle, "subtitle");
		Objects.requireNonNull(headings, "headings");
		Objects.requireNonNull(city, "city");
		stations = List.copyOf(stations);
		exceedances = List.copyOf(exceedances);
		alerts = List.copyOf(alerts);
	}

	/**
	 * One row of the AQI table.
	 *
	 * @param aqi the AQI, or {@code null} where it is NA
	 * @param category its category, or {@code null} where the AQI is NA
	 * @param categoryLabel the category as printed, or NA
	 * @param primary the primary pollutant(s) as printed, or "—"
	 */
	public record AqiLine(String name, @Nullable Integer aqi, @Nullable AqiCategory category, String categoryLabel,
			String primary, String concentrations) {
	}

	/** The headings and column titles of the page. */
	public record Headings(String area, String aqi, String category, String primary, String concentrations,
			String exceedances, String alerts, String none) {
	}

}
