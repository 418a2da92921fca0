package org.lantian.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.charts.render.Pngs;
import org.lantian.charts.render.TrendChartRenderer;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day of minute samples of the two 包头市 stations and of the sinter stack BT-STEEL-S1
 * over MQTT into real influxd; the PNG endpoints render them (issue 8). The images are
 * decoded and checked: size, not blank, the limit line drawn across the plot, the day of
 * the AQI calendar and the city's box of the daily report in the colour of 轻度污染 (HJ
 * 633-2026 附录A: 255,126,0). The PNGs are kept under target/chart-artefacts/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + ChartsEndToEndIT.BUREAU, "lantian.api.keys[0].role=bureau",
				"lantian.api.keys[1].key=" + ChartsEndToEndIT.STEEL, "lantian.api.keys[1].role=enterprise",
				"lantian.api.keys[1].enterprise=BT-STEEL", "lantian.airquality.interval=1s",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class ChartsEndToEndIT {

	static final String BUREAU = "bureau-key-for-chart-tests-1";

	static final String STEEL = "steel-key-for-chart-tests-01";

	static final Instant MIDNIGHT = Instant.parse("2026-03-10T00:00:00+08:00");

	static final String DAY = "from=2026-03-10T00:00:00%2B08:00&to=2026-03-11T00:00:00%2B08:00";

	static final String CITY = "/api/v1/cities/%E5%8C%85%E5%A4%B4%E5%B8%82";

	static final int ORANGE = 0xFF7E00;

	static final int LIMIT = TrendChartRenderer.LIMIT_COLOR.getRGB() & 0xFFFFFF;

	@LocalServerPort
	int port;

	@Autowired
	HealthEndpoint health;

	ApiClient api;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void connect() {
		MqttReady.await(this.health);
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void rendersChartsCalendarAndDailyReportOfStoredData() throws Exception {
		publishDay();
		// the city's day: PM2.5 (Σ(50 + h) + 24 × 80) / 48 = 3396 / 48 = 70.75 → 71 →
		// 100 + 50 × (71 − 60) / (115 − 60) = 110 (HJ 633-2026 表3), 轻度污染
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.api.get(CITY + "/aqi/daily?" + DAY, BUREAU).json(),
					(json) -> json.size() == 1 && json.get(0).path("aqi").asInt() == 110);

		// the station's hourly PM2.5 (50…73 µg/m³) with the GB 3095-2026 过渡阶段 24-hour
		// limit of 60 µg/m³ (表1, class II): a red row across most of the plot
		byte[] chart = png("/api/v1/sites/BT-KDL-01/chart.png?key=pm25&" + DAY + "&width=900&height=450", BUREAU);
		Pngs.keep("it-site-chart-pm25", chart);
		BufferedImage image = Pngs.decode(chart);
		assertThat(image.getWidth()).isEqualTo(900);
		assertThat(image.getHeight()).isEqualTo(450);
		assertThat(Pngs.distinctColours(image)).isGreaterThan(20);
		int limitRow = Pngs.rowWithMost(image, LIMIT);
		assertThat(Pngs.columnsWithColourNearRow(image, LIMIT, limitRow, 0, 900)).isGreaterThan(600);

		// the stack's SO₂ at its reference O₂ 16 % (measured 16 %: factor 1) against the
		// ultra-low sintering limit
		byte[] stack = png("/api/v1/sites/BT-STEEL-S1/chart.png?key=so2&" + DAY, STEEL);
		Pngs.keep("it-stack-chart-so2", stack);
		BufferedImage stackImage = Pngs.decode(stack);
		assertThat(stackImage.getWidth()).isEqualTo(900);
		assertThat(Pngs.columnsWithColourNearRow(stackImage, LIMIT, Pngs.rowWithMost(stackImage, LIMIT), 0, 900))
			.isGreaterThan(600);

		byte[] calendar = png(CITY + "/aqi-calendar.png?year=2026", BUREAU);
		Pngs.keep("it-aqi-calendar", calendar);
		BufferedImage calendarImage = Pngs.decode(calendar);
		assertThat(calendarImage.getWidth()).isEqualTo(1100);
		assertThat(calendarImage.getHeight()).isEqualTo(520);
		// one day cell (about 30 × 35 px) in orange; the legend's square is 10 × 10
		assertThat(Pngs.count(calendarImage, ORANGE)).isGreaterThan(400);

		byte[] report = png(CITY + "/daily-report.png?date=2026-03-10", BUREAU);
		Pngs.keep("it-daily-report", report);
		BufferedImage reportImage = Pngs.decode(report);
		assertThat(reportImage.getWidth()).isEqualTo(1240);
		// the city's 80 × 80 AQI box and the station cells in orange
		assertThat(Pngs.count(reportImage, ORANGE)).isGreaterThan(80 * 80);
	}

	@Test
	void appliesTheAccessRulesAndBoundsOfTheJsonEndpoints() {
		assertThat(status("/api/v1/sites/BT-KDL-01/chart.png?key=pm25", STEEL)).isEqualTo(403);
		assertThat(status(CITY + "/aqi-calendar.png?year=2026", STEEL)).isEqualTo(403);
		assertThat(status(CITY + "/daily-report.png?date=2026-03-10", STEEL)).isEqualTo(403);
		assertThat(status("/api/v1/sites/BT-KDL-01/chart.png?key=pm25", null)).isEqualTo(401);
		assertThat(status("/api/v1/sites/BT-KDL-01/chart.png?key=pm25&width=5000", BUREAU)).isEqualTo(400);
		assertThat(status("/api/v1/sites/BT-KDL-01/chart.png?key=nonsense", BUREAU)).isEqualTo(400);
		assertThat(status("/api/v1/sites/BT-STEEL-S1/chart.png?key=so2&step=1d", STEEL)).isEqualTo(400);
		assertThat(status("/api/v1/sites/NOPE-01/chart.png?key=pm25", BUREAU)).isEqualTo(404);
		assertThat(status("/api/v1/cities/Atlantis/aqi-calendar.png", BUREAU)).isEqualTo(404);
		assertThat(status(CITY + "/daily-report.png?date=10.03.2026", BUREAU)).isEqualTo(400);
	}

	private byte[] png(String path, String key) {
		HttpResponse<byte[]> response = get(path, key);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		return response.body();
	}

	private int status(String path, String key) {
		return get(path, key).statusCode();
	}

	private HttpResponse<byte[]> get(String path, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.GET();
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void publishDay() throws Exception {
		try (StreamPublisher publisher = new StreamPublisher(LocalInfrastructure.shared().mosquitto().url(),
				"it-charts-" + LocalInfrastructure.randomHex())) {
			int messages = 0;
			for (int hour = 0; hour < 24; hour++) {
				for (String site : List.of("BT-KDL-01", "BT-QS-01", "BT-STEEL-S1")) {
					List<String> items = new ArrayList<>();
					for (int minute = 0; minute < 60; minute++) {
						Instant at = MIDNIGHT.plus(Duration.ofMinutes(hour * 60L + minute)).plusSeconds(20);
						String values = switch (site) {
							case "BT-KDL-01" -> "\"pm25\":" + (50 + hour)
									+ ",\"pm10\":100,\"so2\":10,\"no2\":40,\"co\":0.8,\"o3\":" + (60 + 2 * hour);
							case "BT-QS-01" ->
								"\"pm25\":80,\"pm10\":100,\"so2\":10,\"no2\":40,\"co\":0.8,\"o3\":" + (60 + 2 * hour);
							default -> "\"so2\":" + (20 + hour) + ",\"o2\":16";
						};
						items.add("{\"site\":\"" + site + "\",\"time\":\"" + TestPayloads.iso(at) + "\",\"values\":{"
								+ values + "}}");
					}
					publisher.publish("lantian/v1/readings/" + site, "[" + String.join(",", items) + "]");
					messages++;
				}
			}
			publisher.drain();
			assertThat(publisher.acknowledged()).isEqualTo(messages);
		}
	}

}
