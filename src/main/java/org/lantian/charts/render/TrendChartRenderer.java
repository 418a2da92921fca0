package org.lantian.charts.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TimeZone;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link TrendChart} as a PNG: the values as a blue line, the limit as a red line
 * of {@link #LIMIT_COLOR}, the value axis starting at zero so the limit is always in
 * view.
 */
public final class TrendChartRenderer {

	/** The colour of the limit line, drawn nowhere else. */
	public static final Color LIMIT_COLOR = new Color(0xD6, 0x1F, 0x1F);

	/** The colour of the values' line. */
	public static final Color SERIES_COLOR = new Color(0x1F, 0x5F, 0xB4);

	private final String fontFamily;

	public TrendChartRenderer(String fontFamily) {
		this.fontFamily = fontFamily;
	}

	public RenderedChart render(TrendChart chart, int width, int height) {
		XYSeries values = new XYSeries(chart.seriesLabel(), false, true);
		for (TrendChart.Point point : chart.points()) {
			values.add(point.at().toEpochMilli(), point.value());
		}
		XYSeries limit = new XYSeries(chart.limitLabel(), false, true);
		for (TrendChart.LimitSegment segment : chart.limits()) {
			limit.add(segment.from().toEpochMilli(), segment.value());
			limit.add(segment.to().toEpochMilli() - 1, segment.value());
		}
		XYSeriesCollection dataset = new XYSeriesCollection();
		dataset.addSeries(values);
		dataset.addSeries(limit);

		DateAxis time = new DateAxis();
		time.setTimeZone(TimeZone.getTimeZone(chart.zone()));
		NumberAxis value = new NumberAxis(chart.valueLabel());
		value.setAutoRangeIncludesZero(true);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		XYPlot plot = new XYPlot(dataset, time, value, renderer);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

		JFreeChart jfree = new JFreeChart(chart.title(), new Font(this.fontFamily, Font.BOLD, 16), plot, true);
		theme(jfree);
		// after the theme, which would repaint the series
		renderer.setSeriesPaint(0, SERIES_COLOR);
		renderer.setSeriesStroke(0, new BasicStroke(1.5f));
		renderer.setSeriesPaint(1, LIMIT_COLOR);
		renderer.setSeriesStroke(1, new BasicStroke(2.0f));
		if (chart.points().isEmpty()) {
			jfree.addSubtitle(new TextTitle("—", new Font(this.fontFamily, Font.PLAIN, 12)));
		}
		jfree.setBackgroundPaint(Color.WHITE);
		return write(jfree, width, height);
	}

	void theme(JFreeChart chart) {
		StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
		theme.setExtraLargeFont(new Font(this.fontFamily, Font.BOLD, 16));
		theme.setLargeFont(new Font(this.fontFamily, Font.BOLD, 13));
		theme.setRegularFont(new Font(this.fontFamily, Font.PLAIN, 12));
		theme.setSmallFont(new Font(this.fontFamily, Font.PLAIN, 10));
		Color background = Color.WHITE;
		theme.setPlotBackgroundPaint(background);
		theme.setChartBackgroundPaint(background);
		theme.setDomainGridlinePaint(Color.LIGHT_GRAY);
		theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
		theme.setShadowVisible(false);
		theme.apply(chart);
	}

	static RenderedChart write(JFreeChart chart, int width, int height) {
		ChartRenderingInfo info = new ChartRenderingInfo();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ChartUtils.writeChartAsPNG(png, chart, width, height, info);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		XYPlot plot = chart.getXYPlot();
		return new RenderedChart(png.toByteArray(), width, height, info.getPlotInfo().getDataArea(),
				plot.getDomainAxis(), plot.getRangeAxis());
	}

}
