package org.lantian.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantian.domain.aqi.AqiCategory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's static files as packaged: nothing loaded from outside Lantian (the page
 * must work offline), and the page's AQI legend uses the colours of HJ 633. The same for
 * the API reference page.
 */
class DashboardPageTests {

	private static final Pattern CATEGORY = Pattern
		.compile("\\{ level: (\\d), high: [^,]+, zh: '([^']+)', en: '[^']+', color: '(#[0-9A-F]{6})' }");

	static String resource(String name) throws IOException {
		try (InputStream in = DashboardPageTests.class.getResourceAsStream("/static/dashboard/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "index.html", "dashboard.css", "dom.js", "dashboard.js", "api.html", "api.css", "api.js" })
	void loadsNothingFromOutsideLantian(String file) throws IOException {
		// the SVG namespace name is an identifier, not an address the browser loads
		String text = resource(file).replace("'http://www.w3.org/2000/svg'", "SVG_NAMESPACE");
		assertThat(text).doesNotContain("http://", "https://", "@import", "url(");
		assertThat(text).doesNotContainPattern("(src|href)=\"//");
	}

	@Test
	void thePageLoadsOnlyItsOwnStyleAndScript() throws IOException {
		String html = resource("index.html");
		assertThat(Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html).results().map((m) -> m.group(1)))
			.containsExactlyInAnyOrder("dashboard.css", "data:,", "api.html", "dom.js", "dashboard.js");
	}

	@Test
	void theApiReferenceLoadsOnlyLantiansFilesAndTheDescription() throws IOException {
		String html = resource("api.html");
		assertThat(Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html).results().map((m) -> m.group(1)))
			.containsExactlyInAnyOrder("dashboard.css", "api.css", "data:,", "./", "./", "api.html", "/v3/api-docs",
					"dom.js", "api.js");
		assertThat(resource("api.js")).contains("fetch('/v3/api-docs'");
	}

	@Test
	void theLegendHasTheSixCategoriesAndColoursOfHj633() throws IOException {
		// HJ 633-2012 表2 / HJ 633-2026 表1 and 附录A: 优 #00E400 ... 严重污染 #7E0023
		Matcher matcher = CATEGORY.matcher(resource("dashboard.js"));
		List<String> page = new ArrayList<>();
		while (matcher.find()) {
			page.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3));
		}
		List<String> standard = new ArrayList<>();
		for (AqiCategory category : AqiCategory.values()) {
			standard.add(category.level() + " " + category.chineseName() + " " + category.hex());
		}
		assertThat(page).containsExactlyElementsOf(standard).startsWith("1 优 #00E400").endsWith("6 严重污染 #7E0023");
	}

}
