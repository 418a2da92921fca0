package org.lantian.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reading's path through the whole service: device → mosquitto → ingest → InfluxDB, and
 * every kind of bad input refused with its reason while good traffic goes on (issue 2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + MqttIngestEndToEndIT.ADMIN, "lantian.api.keys[0].role=admin",
				"lantian.api.keys[1].key=" + MqttIngestEndToEndIT.STEEL, "lantian.api.keys[1].role=enterprise",
				"lantian.api.keys[1].enterprise=BT-STEEL", "lantian.api.keys[2].key=" + MqttIngestEndToEndIT.BUREAU,
				"lantian.api.keys[2].role=bureau",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@AutoConfigureObservability // tests turn the Prometheus endpoint off unless asked
@DirtiesContext
class MqttIngestEndToEndIT {

	static final String ADMIN = "admin-key-for-tests-0001";

	static final String STEEL = "steel-key-for-tests-0001";

	static final String BUREAU = "bureau-key-for-tests-001";

	static final Instant BASE = Instant.parse("2026-01-15T00:00:00Z");

	@LocalServerPort
	int port;

	@Value("${lantian.influx.database}")
	String database;

	@Autowired
	MeterRegistry meters;

	InfluxAnswers influx;

	ApiClient api;

	@Autowired
	HealthEndpoint health;

	@BeforeEach
	void connect() {
		MqttReady.await(this.health);
		this.influx = new InfluxAnswers(LocalInfrastructure.shared().influxd(), this.database);
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void tenThousandReadingsPublishedOverMqttAllArriveWithTheirTagsFieldsAndFlags() throws Exception {
		int total = 10_000;
		List<String> sites = TestPayloads.AMBIENT_SITES;
		try (StreamPublisher publisher = new StreamPublisher(LocalInfrastructure.shared().mosquitto().url(),
				"it-fleet-" + LocalInfrastructure.randomHex())) {
			for (int n = 0; n < total; n++) {
				String site = sites.get(n % sites.size());
				publisher.publish("lantian/v1/readings/" + site,
						TestPayloads.ambient(site, BASE.plusSeconds(n / sites.size()), n));
			}
			publisher.drain();
			assertThat(publisher.acknowledged()).isEqualTo(total);
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.influx.count(
					"SELECT count(pm25) FROM reading WHERE time >= '2026-01-15T00:00:00Z' AND time < '2026-01-16T00:00:00Z'"))
				.isEqualTo(total));

		// every 10th reading carries CO flag M (TestPayloads.ambient), stored with its
		// flag
		assertThat(this.influx.count(
				"SELECT count(co) FROM reading WHERE flags = 'co:M' AND time >= '2026-01-15T00:00:00Z' AND time < '2026-01-16T00:00:00Z'"))
			.isEqualTo(total / 10);
		// reading n = 10 went to the 5th site, 1 s after BASE
		Map<String, Object> reading = this.influx
			.rows("SELECT * FROM reading WHERE site = 'BYNE-WLTQ-01' AND time = '2026-01-15T00:00:01Z'")
			.get(0);
		assertThat(reading).containsEntry("kind", "ambient")
			.containsEntry("city", "巴彦淖尔市")
			.containsEntry("period", "sample")
			.containsEntry("flags", "co:M");
		assertThat(((Number) reading.get("pm25")).doubleValue()).isEqualTo(10.5);
		assertThat(((Number) reading.get("pm10")).doubleValue()).isEqualTo(110.0);
		assertThat(this.meters.get("lantian.ingest.readings")
			.tags("transport", "mqtt", "outcome", "accepted")
			.counter()
			.count()).isGreaterThanOrEqualTo(total);
	}

	@Test
	void everyKindOfBadInputIsRefusedWithItsReasonWhileGoodTrafficGoesOn() {
		String site = "BT-KDL-01";
		String time = TestPayloads.iso(BASE.plus(Duration.ofDays(1)));
		Map<String, String[]> bad = new LinkedHashMap<>();
		bad.put("MALFORMED_JSON", new String[] { site, "{\"site\": \"BT-KDL-01\", " });
		bad.put("MISSING_FIELD", new String[] { site, "{\"site\":\"BT-KDL-01\",\"time\":\"" + time + "\"}" });
		bad.put("UNKNOWN_SITE", new String[] { "NOWHERE-01",
				"{\"site\":\"NOWHERE-01\",\"time\":\"" + time + "\",\"values\":{\"pm25\":1}}" });
		bad.put("SITE_MISMATCH",
				new String[] { site, "{\"site\":\"BT-QS-01\",\"time\":\"" + time + "\",\"values\":{\"pm25\":1}}" });
		bad.put("MISSING_TIME", new String[] { site, "{\"site\":\"BT-KDL-01\",\"values\":{\"pm25\":1}}" });
		bad.put("BAD_TIME", new String[] { site,
				"{\"site\":\"BT-KDL-01\",\"time\":\"2026-01-15 08:00\",\"values\":{\"pm25\":1}}" });
		bad.put("UNKNOWN_KEY",
				new String[] { site, "{\"site\":\"BT-KDL-01\",\"time\":\"" + time + "\",\"values\":{\"pm2.5\":1}}" });
		bad.put("NON_NUMERIC", new String[] { site,
				"{\"site\":\"BT-KDL-01\",\"time\":\"" + time + "\",\"values\":{\"pm25\":\"high\"}}" });
		bad.put("NON_FINITE",
				new String[] { site, "{\"site\":\"BT-KDL-01\",\"time\":\"" + time + "\",\"values\":{\"pm25\":NaN}}" });
		bad.put("OUT_OF_RANGE",
				new String[] { site, "{\"site\":\"BT-KDL-01\",\"time\":\"" + time + "\",\"values\":{\"pm25\":-5}}" });
		bad.put("BAD_FLAG", new String[] { site, "{\"site\":\"BT-KDL-01\",\"time\":\"" + time
				+ "\",\"values\":{\"pm25\":1},\"flags\":{\"pm25\":\"X\"}}" });
		bad.put("OVERSIZED", new String[] { site, "[" + "{\"site\":\"BT-KDL-01\"},".repeat(60_000) + "{}]" });

		int good = 0;
		for (Map.Entry<String, String[]> entry : bad.entrySet()) {
			String[] topicAndPayload = entry.getValue();
			LocalInfrastructure.shared()
				.mosquitto()
				.publish("lantian/v1/readings/" + topicAndPayload[0], topicAndPayload[1]);
			LocalInfrastructure.shared()
				.mosquitto()
				.publish("lantian/v1/readings/" + site,
						TestPayloads.ambient(site, BASE.plus(Duration.ofDays(1)).plusSeconds(good), good));
			good++;
		}
		int goodPublished = good;
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.influx.count(
					"SELECT count(pm25) FROM reading WHERE site = 'BT-KDL-01' AND time >= '2026-01-16T00:00:00Z' AND time < '2026-01-17T00:00:00Z'"))
				.isEqualTo(goodPublished));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ApiClient.Answer rejections = this.api.get("/api/v1/rejections?limit=1000", ADMIN);
			assertThat(rejections.status()).isEqualTo(200);
			List<String> reasons = rejections.json().findValuesAsText("reason");
			assertThat(reasons).containsAll(bad.keySet());
		});
		for (String reason : bad.keySet()) {
			assertThat(this.meters.get("lantian.ingest.readings")
				.tags("transport", "mqtt", "outcome", "rejected", "reason", reason)
				.counter()
				.count()).as(reason).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void httpPushStoresTheValidItemsAndNamesTheReasonOfEachRefusedOne() {
		String batch = "[" + TestPayloads.ambient("BT-DH-01", BASE.plus(Duration.ofDays(2)), 1) + ","
				+ "{\"site\":\"BT-DH-01\",\"time\":\"" + TestPayloads.iso(BASE.plus(Duration.ofDays(2)))
				+ "\",\"values\":{\"pm25\":99999}}]";
		ApiClient.Answer answer = this.api.post("/api/v1/readings", ADMIN, batch);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("accepted").asInt()).isEqualTo(1);
		assertThat(answer.json().path("rejections").path(0).path("index").asInt()).isEqualTo(1);
		assertThat(answer.json().path("rejections").path(0).path("reason").asText()).isEqualTo("OUT_OF_RANGE");
		assertThat(this.influx.count("SELECT count(pm25) FROM reading WHERE site = 'BT-DH-01' AND time >= '"
				+ BASE.plus(Duration.ofDays(2)) + "'"))
			.isEqualTo(1);

		ApiClient.Answer huge = this.api.post("/api/v1/readings", ADMIN, " ".repeat(5 << 20));
		assertThat(huge.status()).isEqualTo(413);

		ApiClient.Answer accepted = this.api.post("/api/v1/readings", ADMIN,
				TestPayloads.ambient("BT-DH-01", BASE.plus(Duration.ofDays(2)).plusSeconds(1), 2));
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().path("accepted").asInt()).isEqualTo(1);
	}

	@Test
	void keysAreCheckedAndEnterprisesAreConfinedToTheirOwnSites() {
		// recent, so that it is within the lookback of 'latest'
		Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
		String ownStack = "{\"site\":\"BT-STEEL-S1\",\"time\":\"" + TestPayloads.iso(time)
				+ "\",\"values\":{\"so2\":20,\"nox\":40,\"pm\":5,\"o2\":16.2}}";
		String otherStack = "{\"site\":\"WH-BOILER-01\",\"time\":\"" + TestPayloads.iso(time)
				+ "\",\"values\":{\"so2\":20}}";

		assertThat(this.api.post("/api/v1/readings", null, ownStack).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/readings", "wrong-key-0000000000", ownStack).status()).isEqualTo(401);
		assertThat(this.api.post("/api/v1/readings", BUREAU, ownStack).status()).isEqualTo(403);
		// a batch with one foreign site is refused whole: nothing of it is stored
		ApiClient.Answer mixed = this.api.post("/api/v1/readings", STEEL, "[" + ownStack + "," + otherStack + "]");
		assertThat(mixed.status()).isEqualTo(403);
		assertThat(this.influx.count("SELECT count(so2) FROM reading WHERE time = '" + time + "'")).isZero();

		assertThat(this.api.post("/api/v1/readings", STEEL, ownStack).status()).isEqualTo(202);
		ApiClient.Answer latest = this.api.get("/api/v1/sites/BT-STEEL-S1/latest", STEEL);
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.json().path("values").path("o2").path("value").decimalValue()).isEqualByComparingTo("16.2");
		assertThat(latest.json().path("values").path("o2").path("time").asText()).isEqualTo(TestPayloads.iso(time));
		assertThat(this.api.get("/api/v1/sites/WH-BOILER-01/latest", STEEL).status()).isEqualTo(403);
		List<String> visible = new ArrayList<>();
		this.api.get("/api/v1/sites", STEEL).json().forEach((siteJson) -> visible.add(siteJson.path("id").asText()));
		assertThat(visible).containsExactlyInAnyOrder("BT-STEEL-S1", "BT-STEEL-S2", "BT-STEEL-C1", "BT-STEEL-B1");
		ApiClient.Answer unknown = this.api.get("/api/v1/sites/NOWHERE-01/latest", BUREAU);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void listsEachAmbientSitesZoneClass() {
		// GB 3095 §4.1 功能区: the bundled background station is in a class I zone, every
		// other
		// ambient site in class II; stacks have none
		Map<String, String> zones = new HashMap<>();
		this.api.get("/api/v1/sites", BUREAU)
			.json()
			.forEach((siteJson) -> zones.put(siteJson.path("id").asText(),
					siteJson.has("zone") ? siteJson.path("zone").asText() : "none"));

		assertThat(zones).containsEntry("ALS-BG-01", "I")
			.containsEntry("BT-KDL-01", "II")
			.containsEntry("WH-HBW-01", "II")
			.containsEntry("BT-STEEL-S1", "none");
	}

	@Test
	void hourlySeriesAverageOnlyNormalValuesAndLabelTheirBuckets() {
		// 2026-01-20 09:00–10:00 in Asia/Shanghai: PM2.5 10, 20 and 90 (flag C,
		// calibration), then 40 at 10:00
		String batch = "[" + reading("2026-01-20T09:00:00+08:00", "10", "N") + ","
				+ reading("2026-01-20T09:20:00+08:00", "20", "N") + ","
				+ reading("2026-01-20T09:40:00+08:00", "90", "C") + ","
				+ reading("2026-01-20T10:00:00+08:00", "40", "N") + "]";
		assertThat(this.api.post("/api/v1/readings", ADMIN, batch).status()).isEqualTo(202);

		ApiClient.Answer hourly = this.api.get("/api/v1/sites/BYNE-LH-01/readings?from=2026-01-20T09:00:00%2B08:00"
				+ "&to=2026-01-20T11:00:00%2B08:00&keys=pm25&step=1h", BUREAU);
		assertThat(hourly.status()).isEqualTo(200);
		// INTERFACES §3.1: values whose flag is not N do not enter averages
		assertThat(hourly.json().path("series").path("pm25").path(0).path("value").decimalValue())
			.isEqualByComparingTo("15");
		assertThat(hourly.json().path("series").path("pm25").path(0).path("count").asInt()).isEqualTo(2);
		assertThat(hourly.json().path("series").path("pm25").path(0).path("start").asText())
			.isEqualTo("2026-01-20T09:00:00+08:00");
		assertThat(hourly.json().path("series").path("pm25").path(0).path("end").asText())
			.isEqualTo("2026-01-20T10:00:00+08:00");
		assertThat(hourly.json().path("series").path("pm25").path(1).path("value").decimalValue())
			.isEqualByComparingTo("40");

		ApiClient.Answer raw = this.api.get("/api/v1/sites/BYNE-LH-01/readings?from=2026-01-20T09:00:00%2B08:00"
				+ "&to=2026-01-20T10:00:00%2B08:00&keys=pm25", BUREAU);
		assertThat(raw.json().path("series").path("pm25")).hasSize(3);
		assertThat(raw.json().path("series").path("pm25").path(2).path("flag").asText()).isEqualTo("C");
		assertThat(raw.json().path("series").path("pm25").path(2).path("time").asText())
			.isEqualTo("2026-01-20T09:40:00+08:00");

		ApiClient.Answer badStep = this.api.get("/api/v1/sites/BYNE-LH-01/readings?step=2h", BUREAU);
		assertThat(badStep.status()).isEqualTo(400);
		assertThat(badStep.json().path("detail").asText()).contains("step");
	}

	@Test
	void healthNamesInfluxAndMqttAndMetricsAndTheOpenApiDocumentAreServed() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ApiClient.Answer health = this.api.get("/actuator/health", null);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().path("components").path("influx").path("status").asText()).isEqualTo("UP");
			assertThat(health.json().path("components").path("mqtt").path("status").asText()).isEqualTo("UP");
		});
		String prometheus = this.api.get("/actuator/prometheus", null).body();
		assertThat(prometheus).contains("lantian_ingest_readings_total", "lantian_storage_points_written_points_total",
				"lantian_storage_spool_depth", "lantian_storage_write_latency_seconds", "lantian_storage_lag_seconds");
		ApiClient.Answer openApi = this.api.get("/v3/api-docs", null);
		assertThat(openApi.status()).isEqualTo(200);
		assertThat(openApi.json().path("paths").has("/api/v1/readings")).isTrue();
		assertThat(openApi.json().path("paths").has("/api/v1/sites/{id}/readings")).isTrue();
		assertThat(openApi.json().path("paths").has("/api/v1/rejections")).isTrue();
	}

	private static String reading(String time, String pm25, String flag) {
		return "{\"site\":\"BYNE-LH-01\",\"time\":\"" + time + "\",\"values\":{\"pm25\":" + pm25
				+ "},\"flags\":{\"pm25\":\"" + flag + "\"}}";
	}

}
