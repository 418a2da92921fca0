package org.lantian.charts.render;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lantian.domain.aqi.AqiCategory;

import static org.assertj.core.api.Assertions.assertThat;

class DailyReportRendererTests {

	static final DailyReport.Headings HEADINGS = new DailyReport.Headings("Station", "AQI", "Category", "Primary",
			"Concentrations", "Exceedances (GB 3095)", "Alerts of the day", "none");

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void drawsTheCityAqiInItsCategoryColourAndOneRowPerStation() {
		DailyReport report = new DailyReport("Daily air quality report", "2026-03-10  HJ 633-2026", HEADINGS,
				new DailyReport.AqiLine("City", 111, AqiCategory.LIGHTLY_POLLUTED, "Lightly polluted", "PM2.5",
						"PM2.5 72"),
				List.of(new DailyReport.AqiLine("BT-KDL-01", 102, AqiCategory.LIGHTLY_POLLUTED, "Lightly polluted",
						"PM2.5", "PM2.5 62"),
						new DailyReport.AqiLine("BT-QS-01", 119, AqiCategory.LIGHTLY_POLLUTED, "Lightly polluted",
								"PM2.5", "PM2.5 80"),
						new DailyReport.AqiLine("BT-XX-01", null, null, "NA", "—", "no data")),
				List.of("BT-KDL-01  PM2.5  62 µg/m³ > 60  (GB 3095-2026)"), List.of());

		DailyReportRenderer renderer = new DailyReportRenderer(Fonts.FALLBACK);
		byte[] png = renderer.render(report, 1240);
		Pngs.keep("daily-report", png);
		BufferedImage image = Pngs.decode(png);

		assertThat(image.getWidth()).isEqualTo(1240);
		assertThat(image.getHeight()).isEqualTo(renderer.height(report, 1240));
		assertThat(Pngs.distinctColours(image)).isGreaterThan(10);
		// the 80 × 80 city box and two station cells in 轻度污染 orange (255,126,0)
		assertThat(Pngs.count(image, 0xFF7E00)).isGreaterThan(80 * 80);
		// the station without a report has a grey cell
		assertThat(Pngs.count(image, AqiCalendarRenderer.NO_DATA_COLOR.getRGB() & 0xFFFFFF)).isGreaterThan(100);
	}

}
