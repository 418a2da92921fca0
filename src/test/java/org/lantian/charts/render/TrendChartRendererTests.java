package org.lantian.charts.render;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartRendererTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Instant START = Instant.parse("2026-03-10T00:00:00+08:00");

	static final int LIMIT_RGB = TrendChartRenderer.LIMIT_COLOR.getRGB() & 0xFFFFFF;

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void drawsTheLimitLineWhereTheRangeAxisPutsItsValue() {
		// PM2.5 hourly means 40…86 around the GB 3095-2026 过渡阶段 24-hour limit of 60 µg/m³
		// (表1, class II)
		List<TrendChart.Point> points = new ArrayList<>();
		for (int hour = 0; hour < 24; hour++) {
			points.add(new TrendChart.Point(START.plus(Duration.ofHours(hour)), 40 + 2 * hour));
		}
		TrendChart chart = new TrendChart("BT-KDL-01 PM2.5", "PM2.5 (µg/m³)", "PM2.5 hourly mean",
				"GB 3095 24-hour limit", ZONE, points,
				List.of(new TrendChart.LimitSegment(START, START.plus(Duration.ofDays(1)), 60)));

		RenderedChart rendered = new TrendChartRenderer(Fonts.FALLBACK).render(chart, 900, 450);
		Pngs.keep("trend-pm25", rendered.png());

		BufferedImage image = Pngs.decode(rendered.png());
		assertThat(image.getWidth()).isEqualTo(900);
		assertThat(image.getHeight()).isEqualTo(450);
		assertThat(Pngs.distinctColours(image)).isGreaterThan(20);
		int limitY = (int) Math.round(rendered.y(60));
		int x0 = (int) Math.ceil(rendered.x(START.toEpochMilli())) + 2;
		int x1 = (int) Math.floor(rendered.x(START.plus(Duration.ofHours(23)).toEpochMilli())) - 2;
		assertThat(x1 - x0).isGreaterThan(500);
		// the limit colour along the whole row at y(60), except where the series crosses
		// it
		assertThat(Pngs.columnsWithColourNearRow(image, LIMIT_RGB, limitY, x0, x1))
			.isGreaterThan((int) ((x1 - x0) * 0.9));
		// and not at y(30), half the limit
		int halfY = (int) Math.round(rendered.y(30));
		assertThat(Pngs.columnsWithColourNearRow(image, LIMIT_RGB, halfY, x0, x1)).isLessThan(5);
	}

	@Test
	void aChangeOfLimitDrawsEachValueOverItsOwnDays() {
		// GB 3095-2012 PM10 24-hour limit 150 until 2026-02-28, the -2026 transition
		// limit
		// 120 from 2026-03-01 (表1, class II)
		Instant change = Instant.parse("2026-03-01T00:00:00+08:00");
		Instant from = change.minus(Duration.ofDays(2));
		Instant to = change.plus(Duration.ofDays(2));
		TrendChart chart = new TrendChart("PM10", "PM10 (µg/m³)", "PM10 daily mean", "GB 3095 24-hour limit", ZONE,
				List.of(new TrendChart.Point(from, 100), new TrendChart.Point(change, 130)),
				List.of(new TrendChart.LimitSegment(from, change, 150), new TrendChart.LimitSegment(change, to, 120)));

		RenderedChart rendered = new TrendChartRenderer(Fonts.FALLBACK).render(chart, 800, 400);
		Pngs.keep("trend-pm10-limit-change", rendered.png());
		BufferedImage image = Pngs.decode(rendered.png());

		int before0 = (int) rendered.x(from.toEpochMilli()) + 3;
		int before1 = (int) rendered.x(change.toEpochMilli()) - 3;
		int after0 = (int) rendered.x(change.toEpochMilli()) + 3;
		int after1 = (int) rendered.x(to.toEpochMilli()) - 3;
		int y150 = (int) Math.round(rendered.y(150));
		int y120 = (int) Math.round(rendered.y(120));
		assertThat(Pngs.columnsWithColourNearRow(image, LIMIT_RGB, y150, before0, before1))
			.isGreaterThan((int) ((before1 - before0) * 0.9));
		assertThat(Pngs.columnsWithColourNearRow(image, LIMIT_RGB, y120, after0, after1))
			.isGreaterThan((int) ((after1 - after0) * 0.9));
		assertThat(Pngs.columnsWithColourNearRow(image, LIMIT_RGB, y150, after0 + 5, after1)).isZero();
	}

}
