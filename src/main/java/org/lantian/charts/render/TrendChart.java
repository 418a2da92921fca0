package org.lantian.charts.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a time-series chart shows: one series of values and the limit that applied over
 * each part of the interval.
 *
 * @param title the chart's title
 * @param valueLabel the range axis label, with the unit
 * @param seriesLabel the legend entry of the values
 * @param limitLabel the legend entry of the limit line
 * @param points the values in time order; a {@code NaN} value breaks the line
 * @param limits the limit's segments in time order, empty where none applies
 */
public record TrendChart(String title, String valueLabel, String seriesLabel, String limitLabel, ZoneId zone,
		List<Point> points, List<LimitSegment> limits) {

	public TrendChart {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(valueLabel, "valueLabel");
		Objects.requireNonNull(seriesLabel, "seriesLabel");
		Objects.requireNonNull(limitLabel, "limitLabel");
		Objects.requireNonNull(zone, "zone");
		points = List.copyOf(points);
		limits = List.copyOf(limits);
	}

	/** One value at an instant (the start of its period). */
	public record Point(Instant at, double value) {

		public Point {
			Objects.requireNonNull(at, "at");
		}

	}

	/** A limit value that applies over [{@code from}, {@code to}). */
	public record LimitSegment(Instant from, Instant to, double value) {

		public LimitSegment {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("limit segment ends before it starts: " + from + " – " + to);
			}
			if (!(value > 0)) {
				throw new IllegalArgumentException("limit not positive: " + value);
			}
		}

	}

}
