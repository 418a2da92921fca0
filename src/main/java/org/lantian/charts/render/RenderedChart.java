package org.lantian.charts.render;

import java.awt.geom.Rectangle2D;
import java.util.Objects;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A rendered PNG with the geometry it was drawn with, so that a caller (a test) can find
 * where a value landed: {@link #x(double)} and {@link #y(double)} apply the axes'
 * {@code valueToJava2D} to the data area as drawn.
 */
public record RenderedChart(byte[] png, int width, int height, Rectangle2D dataArea, ValueAxis domainAxis,
		ValueAxis rangeAxis) {

	public RenderedChart {
		Objects.requireNonNull(png, "png");
		dataArea = (Rectangle2D) dataArea.clone();
	}

	/** The image x of a domain value (for a time axis: epoch milliseconds). */
	public double x(double domainValue) {
		return this.domainAxis.valueToJava2D(domainValue, this.dataArea, RectangleEdge.BOTTOM);
	}

	/** The image y of a range value. */
	public double y(double rangeValue) {
		return this.rangeAxis.valueToJava2D(rangeValue, this.dataArea, RectangleEdge.LEFT);
	}

}
