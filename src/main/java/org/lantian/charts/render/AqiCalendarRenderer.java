package org.lantian.charts.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.lantian.domain.aqi.AqiCategory;

/**
 * Draws an {@link AqiCalendar}: one row per month (January at the top), one column per
 * day of the month, each day with an AQI filled with its category's colour (HJ 633-2012
 * 附录A, HJ 633-2026 附录A, taken from {@link AqiCategory}); days without one stay
 * {@link #NO_DATA_COLOR}.
 * <p>
 * Day {@code d} of month {@code m} is the block centred on domain value {@code d} and
 * range value {@code m − 1}.
 */
public final class AqiCalendarRenderer {

	/** The plot background, where a day has no published AQI. */
	public static final Color NO_DATA_COLOR = new Color(0xEE, 0xEE, 0xEE);

	private final TrendChartRenderer text;

	private final String fontFamily;

	public AqiCalendarRenderer(String fontFamily) {
		this.fontFamily = fontFamily;
		this.text = new TrendChartRenderer(fontFamily);
	}

	/** The fill colour of a category, as the standard prints it. */
	public static Color color(AqiCategory category) {
		return new Color(category.red(), category.green(), category.blue());
	}

	public RenderedChart render(AqiCalendar calendar, int width, int height) {
		int days = calendar.dailyAqi().size();
		double[][] series = new double[3][days];
		int i = 0;
		for (Map.Entry<LocalDate, Integer> day : calendar.dailyAqi().entrySet()) {
			series[0][i] = day.getKey().getDayOfMonth();
			series[1][i] = day.getKey().getMonthValue() - 1;
			series[2][i] = day.getValue();
			i++;
		}
		DefaultXYZDataset dataset = new DefaultXYZDataset();
		dataset.addSeries("aqi", series);

		LookupPaintScale scale = new LookupPaintScale(0, 501, NO_DATA_COLOR);
		for (AqiCategory category : AqiCategory.values()) {
			scale.add(category.low(), color(category));
		}
		XYBlockRenderer renderer = new XYBlockRenderer();
		renderer.setPaintScale(scale);
		renderer.setBlockWidth(0.9);
		renderer.setBlockHeight(0.85);

		NumberAxis day = new NumberAxis();
		day.setRange(0.5, 31.5);
		day.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		day.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
		day.setTickLabelFont(new Font(this.fontFamily, Font.PLAIN, 10));
		SymbolAxis month = new SymbolAxis(null, calendar.monthLabels().toArray(new String[0]));
		month.setRange(-0.5, 11.5);
		month.setInverted(true);
		month.setGridBandsVisible(false);

		XYPlot plot = new XYPlot(dataset, day, month, renderer);
		plot.setBackgroundPaint(NO_DATA_COLOR);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		plot.setFixedLegendItems(legend(calendar));

		JFreeChart chart = new JFreeChart(calendar.title(), new Font(this.fontFamily, Font.BOLD, 16), plot, true);
		this.text.theme(chart);
		plot.setBackgroundPaint(NO_DATA_COLOR);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		day.setTickLabelFont(new Font(this.fontFamily, Font.PLAIN, 10));
		return TrendChartRenderer.write(chart, width, height);
	}

	private static LegendItemCollection legend(AqiCalendar calendar) {
		LegendItemCollection items = new LegendItemCollection();
		Rectangle2D square = new Rectangle2D.Double(-5, -5, 10, 10);
		AqiCategory[] categories = AqiCategory.values();
		for (int c = 0; c < categories.length; c++) {
			items.add(new LegendItem(calendar.categoryLabels().get(c), null, null, null, square, color(categories[c])));
		}
		items.add(new LegendItem(calendar.noDataLabel(), null, null, null, square, NO_DATA_COLOR));
		return items;
	}

}
