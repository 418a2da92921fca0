package org.lantian.charts.render;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lantian.domain.aqi.AqiCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AqiCalendarRendererTests {

	static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec");

	static final List<String> CATEGORIES = List.of("Excellent", "Good", "Lightly polluted", "Moderately polluted",
			"Heavily polluted", "Severely polluted");

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void fillsEachDayWithTheColourOfItsCategory() {
		// HJ 633-2026 表1 / 附录A: 50 优 (0,228,0), 51 良 (255,255,0), 101 轻度 (255,126,0),
		// 200 中度 (255,0,0), 201 重度 (153,0,76), 301 严重 (126,0,35)
		Map<LocalDate, Integer> days = Map.of(LocalDate.of(2026, 1, 1), 50, LocalDate.of(2026, 1, 2), 51,
				LocalDate.of(2026, 3, 10), 101, LocalDate.of(2026, 7, 31), 200, LocalDate.of(2026, 12, 31), 201,
				LocalDate.of(2026, 2, 28), 301);
		AqiCalendar calendar = new AqiCalendar("Baotou daily AQI 2026", 2026, MONTHS, CATEGORIES, "no data", days);

		RenderedChart rendered = new AqiCalendarRenderer(Fonts.FALLBACK).render(calendar, 1100, 520);
		Pngs.keep("aqi-calendar", rendered.png());
		BufferedImage image = Pngs.decode(rendered.png());

		assertThat(image.getWidth()).isEqualTo(1100);
		assertThat(image.getHeight()).isEqualTo(520);
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 1, 1))).isEqualTo(rgb(AqiCategory.EXCELLENT));
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 1, 2))).isEqualTo(rgb(AqiCategory.GOOD));
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 3, 10))).isEqualTo(rgb(AqiCategory.LIGHTLY_POLLUTED));
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 7, 31)))
			.isEqualTo(rgb(AqiCategory.MODERATELY_POLLUTED));
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 12, 31))).isEqualTo(rgb(AqiCategory.HEAVILY_POLLUTED));
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 2, 28))).isEqualTo(rgb(AqiCategory.SEVERELY_POLLUTED));
		// a day without a report keeps the background
		assertThat(colourOf(image, rendered, LocalDate.of(2026, 6, 15)))
			.isEqualTo(AqiCalendarRenderer.NO_DATA_COLOR.getRGB() & 0xFFFFFF);
	}

	@Test
	void refusesADayOutsideTheYear() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new AqiCalendar("x", 2026, MONTHS, CATEGORIES, "-", Map.of(LocalDate.of(2025, 12, 31), 80)));
	}

	static int colourOf(BufferedImage image, RenderedChart rendered, LocalDate day) {
		int x = (int) Math.round(rendered.x(day.getDayOfMonth()));
		int y = (int) Math.round(rendered.y(day.getMonthValue() - 1));
		return image.getRGB(x, y) & 0xFFFFFF;
	}

	static int rgb(AqiCategory category) {
		return (category.red() << 16) | (category.green() << 8) | category.blue();
	}

}
