package org.lantian.simulator.model;

/**
 * Local time of Inner Mongolia (UTC+8, no daylight saving) and the season, computed from
 * the epoch second without allocating.
 */
final class SimulatedTime {

	static final long OFFSET_SECONDS = 8 * 3600;

	private static final double YEAR_DAYS = 365.2425;

	private SimulatedTime() {
	}

	/** Hours since the epoch, as a real number. */
	static double epochHours(long epochSecond) {
		return epochSecond / 3600.0;
	}

	/** The local hour of day, in [0, 24). */
	static double localHour(long epochSecond) {
		return Math.floorMod(epochSecond + OFFSET_SECONDS, 86400L) / 3600.0;
	}

	/** The local day since the epoch (a day grid for per-day draws). */
	static long localDay(long epochSecond) {
		return Math.floorDiv(epochSecond + OFFSET_SECONDS, 86400L);
	}

	/** The day of the year, 0 on 1 January (to within a day). */
	static double dayOfYear(long epochSecond) {
		double days = (epochSecond + OFFSET_SECONDS) / 86400.0;
		return days - Math.floor(days / YEAR_DAYS) * YEAR_DAYS;
	}

	/**
	 * How wintry the day is: 1 in mid-January, -1 in mid-July, a cosine between.
	 */
	static double winter(long epochSecond) {
		return Math.cos(2 * Math.PI * (dayOfYear(epochSecond) - 15) / YEAR_DAYS);
	}

	/** How spring-like the day is: 1 in mid-April, -1 in mid-October. */
	static double spring(long epochSecond) {
		return Math.cos(2 * Math.PI * (dayOfYear(epochSecond) - 105) / YEAR_DAYS);
	}

	/**
	 * Whether the heating season (供暖期) is on: 15 October to 15 April in Inner Mongolia's
	 * central and western cities.
	 */
	static boolean isHeatingSeason(long epochSecond) {
		double day = dayOfYear(epochSecond);
		return day >= 287 || day < 105;
	}

	/**
	 * A bump of height 1 at {@code peak} local hour, width {@code width} hours, wrapping
	 * at midnight.
	 */
	static double bump(double hour, double peak, double width) {
		double d = Math.abs(hour - peak);
		if (d > 12) {
			d = 24 - d;
		}
		return Math.exp(-d * d / (2 * width * width));
	}

}
