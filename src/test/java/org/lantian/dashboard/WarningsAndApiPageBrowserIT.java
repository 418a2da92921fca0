package org.lantian.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two more pages in a real headless Chromium against a running Lantian (issue 8): the
 * dashboard's warnings panel shows a heavy-pollution warning that a posted forecast
 * raises, live over the stream's {@code warning} event (no reload, no list refresh), and
 * the API reference page renders every operation of {@code /v3/api-docs} and sends a
 * request with the key typed once. Screenshots go to {@code target/browser-screenshots/}.
 * {@link DashboardBrowserIT} covers the rest of the dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + WarningsAndApiPageBrowserIT.BUREAU,
				"lantian.api.keys[0].role=bureau", "lantian.api.keys[0].name=duty-officer",
				"lantian.alerts.stream.heartbeat=1s",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class WarningsAndApiPageBrowserIT {

	static final String BUREAU = "bureau-key-for-browser-test";

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	static final ObjectMapper JSON = new ObjectMapper();

	static final Duration WAIT = Duration.ofSeconds(60);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	HealthEndpoint health;

	final HttpClient http = HttpClient.newHttpClient();

	HeadlessChromium browser;

	@BeforeEach
	void start() throws Exception {
		await().atMost(WAIT).until(() -> this.health.health().getStatus().equals(Status.UP));
		this.browser = HeadlessChromium.start(1400, 1000);
	}

	@AfterEach
	void stop() throws IOException {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aForecastOrangeWarningForBaotouAppearsLiveInTheWarningsPanel() throws Exception {
		this.browser.navigate(url("/dashboard/"));
		waitFor("document.querySelector('#login-form') !== null && !document.querySelector('#login').hidden");
		// Chinese labels, so that the panel shows the level in the plans' words
		this.browser.evaluate("localStorage.setItem('lantian.lang', 'zh'); location.reload()");
		waitFor("document.documentElement.lang === 'zh-CN' && !document.querySelector('#login').hidden");
		this.browser.logIn(BUREAU);
		waitFor("document.querySelector('#overview[data-loaded=\"true\"]') !== null");
		waitFor("document.querySelector('#live-status').dataset.state === 'live'");
		assertThat(this.browser.evaluate("document.querySelectorAll('#warnings-list li[data-level=\"orange\"]').length")
			.asInt()).isZero();
		this.browser.evaluate("window.lantianNoReload = 'still the same page'");

		// MEE 2024 (Inner Mongolia from 内政办发〔2024〕17号, docs/warnings.md): forecast daily
		// AQI > 200 for 48 h is orange ("日AQI>200持续48小时")
		LocalDate today = LocalDate.now(ZONE);
		String forecast = JSON.writeValueAsString(
				Map.of("city", "包头市", "issued", Instant.now().atZone(ZONE).toOffsetDateTime().toString(), "days",
						List.of(Map.of("date", today.toString(), "aqi", 230),
								Map.of("date", today.plusDays(1).toString(), "aqi", 240),
								Map.of("date", today.plusDays(2).toString(), "aqi", 180))));
		HttpResponse<String> posted = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/forecasts")))
			.header("Authorization", "Bearer " + BUREAU)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(forecast, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		JsonNode rest = JSON
			.readTree(get("/api/v1/warnings?city=" + java.net.URLEncoder.encode("包头市", StandardCharsets.UTF_8), BUREAU)
				.body())
			.get(0);
		assertThat(rest.path("level").asText()).isEqualTo("orange");
		assertThat(rest.path("levelName").asText()).isEqualTo("橙色预警");

		// delivered by the stream's "warning" event: the page's list refresh (every 30 s)
		// would mark the entry data-source="list"
		String item = "document.querySelector('#warnings-list li[data-city=\"包头市\"]')";
		waitFor("!document.querySelector('#warnings-panel').hidden && " + item + " !== null && " + item
				+ ".dataset.level === 'orange' && " + item + ".dataset.source === 'stream'");
		assertThat(this.browser.evaluate("window.lantianNoReload").asText()).isEqualTo("still the same page");
		assertThat(this.browser.evaluate(item + ".querySelector('.city').textContent").asText()).isEqualTo("包头市");
		assertThat(this.browser.evaluate(item + ".querySelector('.level').textContent").asText())
			.isEqualTo(rest.path("levelName").asText());
		assertThat(this.browser.evaluate("getComputedStyle(" + item + ".querySelector('.level')).backgroundColor")
			.asText()).isEqualTo("rgb(255, 140, 0)");
		assertThat(this.browser.evaluate(item + ".dataset.since").asText()).isEqualTo(rest.path("since").asText());
		assertThat(this.browser.evaluate(item + ".dataset.warning").asText()).isEqualTo(rest.path("id").asText());
		assertThat(this.browser.evaluate(item + ".querySelector('.since').textContent").asText()).contains("起始");
		assertThat(this.browser.evaluate(item + ".querySelector('.rule').textContent").asText())
			.contains(rest.path("rule").asText())
			.contains("230", "240");
		this.browser.screenshot(SCREENSHOTS.resolve("7-warning-live.png"));
	}

	@Test
	void theApiPageRendersEveryOperationAndSendsARequestWithTheKey() throws Exception {
		HttpResponse<String> page = get("/dashboard/api.html", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<script src=\"api.js\"></script>").doesNotContain("http://", "https://");
		JsonNode docs = JSON.readTree(get("/v3/api-docs", null).body());
		int operations = 0;
		Set<String> paths = new HashSet<>();
		for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
			paths.add(path.getKey());
			for (String method : List.of("get", "post", "put", "patch", "delete")) {
				operations += path.getValue().has(method) ? 1 : 0;
			}
		}
		assertThat(operations).isGreaterThan(25);

		this.browser.navigate(url("/dashboard/api.html"));
		waitFor("document.querySelector('#reference').dataset.loaded === 'true'");
		assertThat(this.browser.evaluate("document.querySelectorAll('details.op').length").asInt())
			.isEqualTo(operations);
		assertThat(JSON.readTree(this.browser.evaluate(
				"JSON.stringify([...new Set([...document.querySelectorAll('details.op')].map((op) => op.dataset.path))])")
			.asText())).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(paths);

		// the calculator: its parameters with descriptions, its responses, and a request
		String calculator = "document.querySelector('details.op[data-method=\"get\"][data-path=\"/api/v1/aqi/calculate\"]')";
		this.browser.evaluate(calculator + ".open = true");
		assertThat(this.browser
			.evaluate(calculator + ".querySelector('tr.param[data-name=\"pm25\"] td:last-child').textContent")
			.asText()).isNotBlank();
		assertThat(this.browser
			.evaluate("[..." + calculator + ".querySelectorAll('.response')].map((r) => r.dataset.status).join(',')")
			.asText()).contains("200", "400", "401");
		this.browser.evaluate("document.querySelector('#api-key').focus()");
		this.browser.type(BUREAU);
		this.browser.evaluate("document.querySelector('#key-form button[type=submit]').click()");
		assertThat(this.browser.evaluate("sessionStorage.getItem('lantian.apiKey')").asText()).isEqualTo(BUREAU);
		for (String[] value : new String[][] { { "standard", "HJ633-2026" }, { "report", "daily" }, { "pm25", "78" },
				{ "pm10", "120" }, { "so2", "12" }, { "no2", "45" }, { "co", "1.2" }, { "o3_8h", "40" } }) {
			this.browser.evaluate(calculator + ".querySelector('form.try input[name=\"" + value[0] + "\"]').value = '"
					+ value[1] + "'");
		}
		this.browser.evaluate(calculator + ".querySelector('form.try button.send').click()");
		waitFor(calculator + ".querySelector('.answer-box').dataset.status !== undefined");
		assertThat(this.browser.evaluate(calculator + ".querySelector('.answer-box').dataset.status").asText())
			.isEqualTo("200");
		// INTERFACES §5.2 example, HJ 633-2026 表3: PM2.5 78 → IAQI 117
		// (AqiCalculatorApiIT)
		JsonNode answer = JSON.readTree(
				this.browser.evaluate(calculator + ".querySelector('.answer-box pre.answer').textContent").asText());
		assertThat(answer.path("aqi").asInt()).isEqualTo(117);
		assertThat(answer.path("category").asText()).isEqualTo("轻度污染");
		this.browser.screenshot(SCREENSHOTS.resolve("8-api-reference.png"));
	}

	private void waitFor(String condition) {
		this.browser.waitFor(condition, WAIT);
	}

	private HttpResponse<String> get(String path, String key) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
