package org.lantian.charts;

import java.util.List;
import java.util.Locale;

import org.lantian.charts.render.DailyReport;
import org.lantian.charts.render.Fonts;
import org.lantian.domain.Measurand;
import org.lantian.domain.aqi.AqiCategory;
import org.lantian.domain.aqi.AqiIndicator;

/**
 * The texts of the charts, in Chinese where a CJK font is installed and in English
 * otherwise. Names from the catalogue (Chinese) are shown only where the font draws them;
 * otherwise the site id stands in.
 */
final class Labels {

	private final boolean chinese;

	private final String font;

	private Labels(boolean chinese, String font) {
		this.chinese = chinese;
		this.font = font;
	}

	static Labels forInstalledFonts() {
		return Fonts.cjk().map((family) -> new Labels(true, family)).orElseGet(() -> new Labels(false, Fonts.FALLBACK));
	}

	boolean chinese() {
		return this.chinese;
	}

	String font() {
		return this.font;
	}

	/** A name as drawn: itself if the font has its characters, else the fallback. */
	String name(String name, String fallback) {
		return Fonts.canDisplay(this.font, name) ? name : fallback;
	}

	String pick(String chinese, String english) {
		return this.chinese ? chinese : english;
	}

	String category(AqiCategory category) {
		if (this.chinese) {
			return category.chineseName();
		}
		String words = category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	List<String> categories() {
		return List.of(AqiCategory.values()).stream().map(this::category).toList();
	}

	List<String> months() {
		if (this.chinese) {
			return List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月");
		}
		return List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
	}

	static String pollutant(Measurand measurand) {
		return switch (measurand) {
			case PM25 -> "PM2.5";
			case PM10 -> "PM10";
			case SO2 -> "SO2";
			case NO2 -> "NO2";
			case NOX -> "NOx";
			case CO -> "CO";
			case O3 -> "O3";
			default -> measurand.key().toUpperCase(Locale.ROOT);
		};
	}

	static String indicator(AqiIndicator indicator) {
		return (indicator == AqiIndicator.O3_8H) ? "O3-8h" : pollutant(indicator.pollutant());
	}

	DailyReport.Headings headings() {
		return this.chinese ? new DailyReport.Headings("站点", "AQI", "类别", "首要污染物", "浓度", "超标情况 (GB 3095)", "当日告警", "无")
				: new DailyReport.Headings("Station", "AQI", "Category", "Primary", "Concentrations",
						"Exceedances (GB 3095)", "Alerts of the day", "none");
	}

}
