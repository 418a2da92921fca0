package org.lantian.charts.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.aqi.AqiCategory;

/**
 * Draws a {@link DailyReport} as one PNG page: title, the city's AQI in its category
 * colour, a table of the stations, then the exceedances and the alerts of the day. The
 * page is as tall as its content needs.
 */
public final class DailyReportRenderer {

	private static final int MARGIN = 40;

	private static final int ROW = 26;

	private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);

	private final String fontFamily;

	public DailyReportRenderer(String fontFamily) {
		this.fontFamily = fontFamily;
	}

	/** The page height for a report at a width. */
	public int height(DailyReport report, int width) {
		int lines = wrapped(report.exceedances(), width).size() + wrapped(report.alerts(), width).size();
		return MARGIN * 2 + 70 + 100 + ROW * (report.stations().size() + 1) + 40 + ROW * 2 + ROW * Math.max(1, lines)
				+ ROW * 2 + 20;
	}

	public byte[] render(DailyReport report, int width) {
		int height = height(report, width);
		BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = page.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			draw(g, report, width);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ChartUtils.writeBufferedImageAsPNG(png, page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private void draw(Graphics2D g, DailyReport report, int width) {
		int y = MARGIN + 24;
		g.setColor(Color.BLACK);
		g.setFont(font(Font.BOLD, 24));
		g.drawString(report.title(), MARGIN, y);
		y += 28;
		g.setFont(font(Font.PLAIN, 14));
		g.setColor(Color.DARK_GRAY);
		g.drawString(report.subtitle(), MARGIN, y);
		y += 18;

		// the city's AQI in a box of its category colour
		DailyReport.AqiLine city = report.city();
		int box = 80;
		g.setColor(fill(city.category()));
		g.fillRect(MARGIN, y, box, box);
		g.setColor(textOn(city.category()));
		g.setFont(font(Font.BOLD, 30));
		String aqi = (city.aqi() != null) ? String.valueOf(city.aqi()) : "NA";
		FontMetrics metrics = g.getFontMetrics();
		g.drawString(aqi, MARGIN + (box - metrics.stringWidth(aqi)) / 2, y + box / 2 + metrics.getAscent() / 2 - 4);
		g.setColor(Color.BLACK);
		g.setFont(font(Font.BOLD, 18));
		g.drawString(city.name() + "  " + report.headings().aqi() + " " + aqi + "  " + city.categoryLabel(),
				MARGIN + box + 20, y + 30);
		g.setFont(font(Font.PLAIN, 14));
		g.drawString(report.headings().primary() + ": " + city.primary(), MARGIN + box + 20, y + 55);
		g.drawString(city.concentrations(), MARGIN + box + 20, y + 76);
		y += box + 20;

		// the stations
		int[] columns = { MARGIN, MARGIN + (int) (width * 0.28), MARGIN + (int) (width * 0.36),
				MARGIN + (int) (width * 0.50), MARGIN + (int) (width * 0.62) };
		g.setFont(font(Font.BOLD, 13));
		y += ROW - 8;
		DailyReport.Headings h = report.headings();
		String[] heads = { h.area(), h.aqi(), h.category(), h.primary(), h.concentrations() };
		for (int c = 0; c < heads.length; c++) {
			g.drawString(heads[c], columns[c], y);
		}
		g.setColor(RULE);
		g.setStroke(new BasicStroke(1f));
		g.drawLine(MARGIN, y + 6, width - MARGIN, y + 6);
		g.setFont(font(Font.PLAIN, 13));
		for (DailyReport.AqiLine station : report.stations()) {
			y += ROW;
			g.setColor(fill(station.category()));
			g.fillRect(columns[2] - 4, y - 16, (columns[3] - columns[2]) - 12, 21);
			g.setColor(Color.BLACK);
			g.drawString(station.name(), columns[0], y);
			g.drawString((station.aqi() != null) ? String.valueOf(station.aqi()) : "NA", columns[1], y);
			g.setColor(textOn(station.category()));
			g.drawString(station.categoryLabel(), columns[2], y);
			g.setColor(Color.BLACK);
			g.drawString(station.primary(), columns[3], y);
			g.drawString(station.concentrations(), columns[4], y);
		}
		y += ROW + 20;
		y = section(g, h.exceedances(), report.exceedances(), h.none(), y, width);
		section(g, h.alerts(), report.alerts(), h.none(), y + 10, width);
	}

	private int section(Graphics2D g, String heading, List<String> lines, String none, int y, int width) {
		g.setColor(Color.BLACK);
		g.setFont(font(Font.BOLD, 16));
		g.drawString(heading, MARGIN, y);
		g.setFont(font(Font.PLAIN, 13));
		int at = y;
		List<String> wrapped = wrapped(lines, width);
		if (wrapped.isEmpty()) {
			at += ROW;
			g.setColor(Color.DARK_GRAY);
			g.drawString(none, MARGIN + 10, at);
		}
		for (String line : wrapped) {
			at += ROW;
			g.drawString(line, MARGIN + 10, at);
		}
		return at + ROW;
	}

	/** Lines cut to what fits the page at 13 px (about 7 px per character). */
	private static List<String> wrapped(List<String> lines, int width) {
		int chars = Math.max(20, (width - 2 * MARGIN - 10) / 7);
		List<String> out = new ArrayList<>();
		for (String line : lines) {
			String rest = "• " + line;
			while (rest.length() > chars) {
				out.add(rest.substring(0, chars));
				rest = "  " + rest.substring(chars);
			}
			out.add(rest);
		}
		return out;
	}

	private Font font(int style, int size) {
		return new Font(this.fontFamily, style, size);
	}

	private static Color fill(@Nullable AqiCategory category) {
		return (category != null) ? AqiCalendarRenderer.color(category) : AqiCalendarRenderer.NO_DATA_COLOR;
	}

	private static Color textOn(@Nullable AqiCategory category) {
		return (category != null && category.level() >= AqiCategory.MODERATELY_POLLUTED.level()) ? Color.WHITE
				: Color.BLACK;
	}

}
