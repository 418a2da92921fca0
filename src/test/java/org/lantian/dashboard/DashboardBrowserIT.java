package org.lantian.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.aqi.AqiCategory;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.simulator.Plan;
import org.lantian.simulator.run.RunSettings;
import org.lantian.simulator.run.Runner;
import org.lantian.simulator.scenario.ScenarioFile;
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
 * The built-in dashboard in a real headless Chromium against a running Lantian with the
 * real mosquitto and InfluxDB (issue 8), fed by pushed readings and by the simulator: the
 * page loads without a key, refuses a wrong one, logs in with a bureau key, shows every
 * catalogue site with the HJ 633 colour of its AQI, its flags and whether it is stale; an
 * alert raised by the bundled {@code nh3-slip} rule from pushed readings appears without
 * a reload, and the acknowledge button acknowledges it (checked over REST too).
 * Screenshots go to {@code target/browser-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + DashboardBrowserIT.ADMIN, "lantian.api.keys[0].role=admin",
				"lantian.api.keys[1].key=" + DashboardBrowserIT.BUREAU, "lantian.api.keys[1].role=bureau",
				"lantian.api.keys[1].name=duty-officer", "lantian.api.keys[2].key=" + DashboardBrowserIT.STEEL,
				"lantian.api.keys[2].role=enterprise", "lantian.api.keys[2].enterprise=BT-STEEL",
				"lantian.rules.tick=1s", "lantian.alerts.stream.heartbeat=1s", "lantian.alerts.escalate-after=1h",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class DashboardBrowserIT {

	static final String ADMIN = "admin-key-for-browser-tests";

	static final String BUREAU = "bureau-key-for-browser-test";

	static final String STEEL = "steel-key-for-browser-tests";

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	static final ObjectMapper JSON = new ObjectMapper();

	static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	HealthEndpoint health;

	@Autowired
	SiteCatalogue catalogue;

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
	void theOverviewShowsTheSitesAndAnAlertAppearsLiveAndIsAcknowledged() throws Exception {
		// the page itself needs no key; every API call does
		HttpResponse<String> page = get("/dashboard/", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<script src=\"dashboard.js\"></script>")
			.doesNotContain("http://", "https://");
		assertThat(get("/dashboard/dashboard.js", null).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/sites", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/me", BUREAU).body()).contains("\"role\":\"bureau\"", "\"name\":\"duty-officer\"");
		assertThat(JSON.readTree(get("/v3/api-docs", null).body()).path("paths").has("/api/v1/me")).isTrue();
		int catalogue = JSON.readTree(get("/api/v1/sites", BUREAU).body()).size();

		// readings from now: a polluted and a clean ambient site, one with a maintenance
		// flag, and a stack
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		push(reading("BT-KDL-01", now.minusSeconds(90),
				"{\"pm25\":160,\"pm10\":210,\"so2\":20,\"no2\":55,\"co\":1.2,\"o3\":30}", null));
		push(reading("BT-KDL-01", now.minusSeconds(20),
				"{\"pm25\":180,\"pm10\":230,\"so2\":22,\"no2\":60,\"co\":1.3,\"o3\":28}", null));
		push(reading("BT-QS-01", now.minusSeconds(20),
				"{\"pm25\":8,\"pm10\":20,\"so2\":5,\"no2\":10,\"co\":0.3,\"o3\":40}", null));
		push(reading("BT-DH-01", now.minusSeconds(20), "{\"pm25\":40,\"pm10\":70,\"so2\":8,\"no2\":30}",
				"{\"pm10\":\"M\"}"));
		push(reading("BT-STEEL-S1", now.minusSeconds(20), "{\"so2\":20,\"nox\":40,\"nh3\":2.0,\"o2\":8}", null));
		await().atMost(WAIT)
			.until(() -> JSON.readTree(get("/api/v1/sites/BT-QS-01/latest", BUREAU).body()).path("values").has("pm25"));
		// and the last ten minutes of the simulator for two more ambient sites and a
		// stack,
		// over MQTT
		simulate(now.minus(Duration.ofMinutes(10)), now);
		await().atMost(WAIT)
			.until(() -> JSON.readTree(get("/api/v1/sites/HHHT-XC-01/latest", BUREAU).body()).path("values").has("o3"));

		// a wrong key is refused on the login form
		this.browser.navigate(url("/dashboard/"));
		waitFor("document.querySelector('#login-form') !== null && !document.querySelector('#login').hidden");
		logIn("not-a-key-of-this-service");
		waitFor("!document.querySelector('#login-error').hidden");
		assertThat(this.browser.evaluate("document.querySelector('#login-error').textContent").asText())
			.contains("401");

		logIn(BUREAU);
		waitFor("document.querySelector('#overview[data-loaded=\"true\"]') !== null");
		waitFor("document.querySelector('#live-status').dataset.state === 'live'");
		assertThat(this.browser.evaluate("document.querySelector('#caller').textContent").asText())
			.isEqualTo("duty-officer · bureau");
		assertThat(this.browser.evaluate("sessionStorage.getItem('lantian.apiKey')").asText()).isEqualTo(BUREAU);

		Map<String, JsonNode> cards = cards();
		assertThat(cards).hasSize(catalogue);
		JsonNode polluted = cards.get("BT-KDL-01");
		JsonNode clean = cards.get("BT-QS-01");
		// the page's AQI is Lantian's own (HJ 633-2026 real-time report) of the newest
		// values
		assertThat(polluted.path("aqi").asInt())
			.isEqualTo(calculatedAqi("pm25=180&pm10=230&so2=22&no2=60&co=1.3&o3=28"));
		assertThat(clean.path("aqi").asInt()).isEqualTo(calculatedAqi("pm25=8&pm10=20&so2=5&no2=10&co=0.3&o3=40"));
		// colours of HJ 633-2026 表1 / 附录A: 优 is #00E400; the polluted site's category is
		// worse
		assertThat(clean.path("color").asText()).isEqualTo("#00E400");
		assertThat(clean.path("background").asText()).isEqualTo("rgb(0, 228, 0)");
		AqiCategory pollutedCategory = AqiCategory.of(polluted.path("aqi").asInt());
		assertThat(pollutedCategory.level()).isGreaterThanOrEqualTo(4);
		assertThat(polluted.path("color").asText()).isEqualTo(pollutedCategory.hex());
		assertThat(polluted.path("background").asText()).isEqualTo("rgb(" + pollutedCategory.red() + ", "
				+ pollutedCategory.green() + ", " + pollutedCategory.blue() + ")");
		assertThat(polluted.path("stale").asText()).isEqualTo("false");
		assertThat(cards.get("BT-DH-01").path("flags").toString()).contains("pm10:M");
		assertThat(cards.get("BT-STEEL-S1").path("kind").asText()).isEqualTo("stack");
		assertThat(cards.get("BT-STEEL-S1").path("stale").asText()).isEqualTo("false");
		// a site that sent nothing is shown stale, without an AQI
		assertThat(cards.get("BT-JY-01").path("stale").asText()).isEqualTo("true");
		assertThat(cards.get("BT-JY-01").path("aqi").asText()).isEmpty();
		// the simulated sites: fresh, with an AQI in its category's colour
		for (String site : new String[] { "BT-TYQ-01", "HHHT-XC-01" }) {
			JsonNode card = cards.get(site);
			assertThat(card.path("stale").asText()).as(site).isEqualTo("false");
			assertThat(card.path("aqi").asText()).as(site).matches("\\d+");
			assertThat(card.path("color").asText()).as(site).isEqualTo(AqiCategory.of(card.path("aqi").asInt()).hex());
		}
		assertThat(cards.get("BT-STEEL-B1").path("stale").asText()).isEqualTo("false");
		this.browser.screenshot(SCREENSHOTS.resolve("1-overview.png"));

		// an alert raised by the nh3-slip rule (NH₃ > 8 mg/m³) appears without a reload
		this.browser.evaluate("window.lantianNoReload = 'still the same page'");
		assertThat(this.browser.evaluate("document.querySelectorAll('.alert[data-rule=\"nh3-slip\"]').length").asInt())
			.isZero();
		push(reading("BT-STEEL-S1", now.minusSeconds(5), "{\"nh3\":9.5,\"so2\":20,\"nox\":40,\"o2\":8}", null));
		waitFor("document.querySelector('.alert[data-rule=\"nh3-slip\"][data-status=\"open\"]') !== null");
		assertThat(this.browser.evaluate("window.lantianNoReload").asText()).isEqualTo("still the same page");
		String id = this.browser.evaluate("document.querySelector('.alert[data-rule=\"nh3-slip\"]').dataset.alert")
			.asText();
		assertThat(this.browser.evaluate("document.querySelector('.alert[data-alert=\"" + id + "\"]').textContent")
			.asText()).contains("BT-STEEL-S1");
		this.browser.screenshot(SCREENSHOTS.resolve("2-alert-live.png"));

		// acknowledging from the page
		this.browser.evaluate("document.querySelector('.alert[data-alert=\"" + id + "\"] button.ack').click()");
		waitFor("document.querySelector('.alert[data-alert=\"" + id + "\"]').dataset.status === 'acknowledged'");
		assertThat(this.browser.evaluate("document.querySelector('.alert[data-alert=\"" + id + "\"] button.ack')")
			.isNull()).isTrue();
		JsonNode alert = JSON.readTree(get("/api/v1/alerts/" + id, BUREAU).body());
		assertThat(alert.path("status").asText()).isEqualTo("acknowledged");
		assertThat(alert.path("rule").asText()).isEqualTo("nh3-slip");
		assertThat(alert.path("value").decimalValue()).isEqualByComparingTo("9.5");
		assertThat(alert.path("acknowledgedBy").asText()).isEqualTo("duty-officer");
		assertThat(this.browser.evaluate("window.lantianNoReload").asText()).isEqualTo("still the same page");
		this.browser.screenshot(SCREENSHOTS.resolve("3-alert-acknowledged.png"));

		// the site view draws its charts from the readings
		this.browser.evaluate("location.hash = '#/site/BT-KDL-01'");
		waitFor("document.querySelector('#site-view .chart[data-key=\"pm25\"]') !== null");
		assertThat(
				this.browser.evaluate("document.querySelector('#site-view .chart[data-key=\"pm25\"]').dataset.points")
					.asInt())
			.isEqualTo(2);
		assertThat(this.browser
			.evaluate("document.querySelectorAll('#site-view .chart[data-key=\"pm25\"] polyline').length")
			.asInt()).isEqualTo(1);
		this.browser.screenshot(SCREENSHOTS.resolve("4-site.png"));

		// the city view with its sites and the scorecard panel
		this.browser.evaluate("location.hash = '#/city/' + encodeURIComponent('包头市')");
		waitFor("document.querySelector('#city-view') !== null");
		assertThat(this.browser.evaluate("document.querySelectorAll('#city-view .site-card').length").asInt())
			.isEqualTo(countCity("包头市"));
		waitFor("document.querySelectorAll('#scorecard tr[data-figure]').length === 6");
		assertThat(this.browser.evaluate("document.querySelector('#scorecard h2').textContent").asText())
			.contains(String.valueOf(Year.now().getValue()));
		this.browser.screenshot(SCREENSHOTS.resolve("5-city.png"));

		// role-aware: analyser faults (flag D, rule fault-flag) at a steel works stack
		// and at
		// a power plant; the bureau sees both with acknowledge buttons, the steel works'
		// key
		// only its own, without
		push(reading("BT-STEEL-S1", now.minusSeconds(3), "{\"so2\":20,\"nox\":40,\"o2\":8}", "{\"so2\":\"D\"}"));
		push(reading("BT-POWER-01", now.minusSeconds(3), "{\"so2\":20,\"nox\":40,\"o2\":8}", "{\"so2\":\"D\"}"));
		String faults = "document.querySelectorAll('.alert[data-rule=\"fault-flag\"][data-status=\"open\"]";
		waitFor(faults + "[data-site=\"BT-STEEL-S1\"] button.ack').length === 1 && " + faults
				+ "[data-site=\"BT-POWER-01\"] button.ack').length === 1");
		this.browser.evaluate("document.querySelector('#logout').click()");
		waitFor("!document.querySelector('#login').hidden");
		assertThat(this.browser.evaluate("sessionStorage.getItem('lantian.apiKey')").isNull()).isTrue();
		logIn(STEEL);
		waitFor("document.querySelector('#overview[data-loaded=\"true\"]') !== null");
		assertThat(this.browser.evaluate("document.querySelector('#caller').textContent").asText())
			.isEqualTo("enterprise:BT-STEEL · enterprise · BT-STEEL");
		Map<String, JsonNode> own = cards();
		assertThat(own).containsKey("BT-STEEL-S1")
			.doesNotContainKey("BT-KDL-01")
			.doesNotContainKey("BT-POWER-01")
			.hasSize(JSON.readTree(get("/api/v1/sites", STEEL).body()).size());
		waitFor(faults + "[data-site=\"BT-STEEL-S1\"]').length === 1");
		assertThat(this.browser.evaluate(faults + "[data-site=\"BT-POWER-01\"]').length").asInt()).isZero();
		assertThat(this.browser.evaluate("document.querySelectorAll('button.ack').length").asInt()).isZero();
		this.browser.screenshot(SCREENSHOTS.resolve("6-enterprise.png"));
	}

	private void simulate(Instant start, Instant end) throws Exception {
		await().atMost(WAIT).until(() -> Status.UP.equals(this.health.healthForPath("mqtt").getStatus()));
		String scenario = """
				name: dashboard
				seed: 11
				start: %s
				duration: PT%dS
				speed: 300
				sampleInterval: PT1M
				sites:
				  - BT-TYQ-01
				  - HHHT-XC-01
				  - { id: BT-STEEL-B1, link: hj212-mqtt }
				""".formatted(start, Duration.between(start, end).toSeconds());
		Path file = LocalInfrastructure.shared().newTempDirectory("dashboard-scenario-").resolve("dashboard.yaml");
		Files.writeString(file, scenario);
		Plan plan = ScenarioFile.read(file, this.catalogue);
		RunSettings settings = RunSettings.of(LocalInfrastructure.shared().mosquitto().url(), "127.0.0.1", 1,
				"dashboard-it-" + LocalInfrastructure.randomHex(), null);
		assertThat(new Runner(plan, settings).run()).as("readings the broker did not acknowledge").isZero();
	}

	private Map<String, JsonNode> cards() throws IOException {
		String json = this.browser.evaluate("JSON.stringify([...document.querySelectorAll('#overview .site-card')]"
				+ ".map((card) => ({ site: card.dataset.site, kind: card.dataset.kind, aqi: card.dataset.aqi,"
				+ " color: card.dataset.color, stale: card.dataset.stale,"
				+ " flags: [...card.querySelectorAll('.badge.flag')].map((badge) => badge.textContent),"
				+ " background: card.querySelector('.aqi') ? getComputedStyle(card.querySelector('.aqi')).backgroundColor : null })))")
			.asText();
		Map<String, JsonNode> cards = new HashMap<>();
		for (JsonNode card : JSON.readTree(json)) {
			cards.put(card.path("site").asText(), card);
		}
		return cards;
	}

	private int countCity(String city) throws IOException {
		int count = 0;
		for (JsonNode site : JSON.readTree(get("/api/v1/sites", BUREAU).body())) {
			if (city.equals(site.path("city").asText())) {
				count++;
			}
		}
		return count;
	}

	private int calculatedAqi(String concentrations) throws IOException {
		JsonNode item = JSON.readTree(
				get("/api/v1/aqi/calculate?standard=HJ633-2026&report=realtime&" + concentrations, BUREAU).body());
		assertThat(item.path("aqi").isInt()).as("calculator answer %s", item).isTrue();
		return item.path("aqi").asInt();
	}

	private void logIn(String key) {
		this.browser.logIn(key);
	}

	private void waitFor(String condition) {
		this.browser.waitFor(condition, WAIT);
	}

	private static String reading(String site, Instant time, String values, String flags) {
		return "{\"site\":\"" + site + "\",\"time\":\"" + time + "\",\"values\":" + values
				+ ((flags != null) ? ",\"flags\":" + flags : "") + "}";
	}

	private void push(String reading) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/readings")))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(reading, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("POST %s: %s", reading, response.body()).isEqualTo(202);
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
