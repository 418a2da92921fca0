package org.lantian.charts;

import java.time.Instant;
import java.time.LocalDate;

import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.storage.Step;

/**
 * Charts and reports of stored data as PNG images. Callers check who may see what;
 * arguments out of the documented bounds throw {@link IllegalArgumentException}.
 */
public interface Charts {

	/** The smallest and largest image width, px. */
	int MIN_WIDTH = 300;

	int MAX_WIDTH = 2400;

	/** The smallest and largest image height, px. */
	int MIN_HEIGHT = 200;

	int MAX_HEIGHT = 1600;

	/**
	 * A site's series of one measurand over [{@code from}, {@code to}) in means of
	 * {@code step} (1 h or 1 d), with the limit that applies: for an ambient station the
	 * GB 3095 limit of its zone class by date, for a stack its profile's hourly emission
	 * limit, the values O₂-corrected to the site's reference O₂.
	 * @throws org.lantian.storage.StorageUnavailableException if InfluxDB cannot answer
	 */
	byte[] siteSeries(Site site, Measurand key, Instant from, Instant to, Step step, int width, int height);

	/**
	 * A city's calendar of daily AQI for a year, days coloured by HJ 633 category.
	 * @throws org.lantian.storage.StorageUnavailableException if InfluxDB cannot answer
	 */
	byte[] aqiCalendar(String city, int year, int width, int height);

	/**
	 * A city's daily report (日报) for a local date: the city's and each station's daily
	 * AQI, the GB 3095 exceedances of the day and the alerts raised on it.
	 * @throws org.lantian.storage.StorageUnavailableException if InfluxDB cannot answer
	 */
	byte[] dailyReport(String city, LocalDate date, int width);

	/** Whether the labels are Chinese (a CJK font is installed) or English. */
	boolean chineseLabels();

}
