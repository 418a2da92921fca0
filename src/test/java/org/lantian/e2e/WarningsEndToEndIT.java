package org.lantian.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lantian.LantianApplication;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A heavy-pollution warning's life against real mosquitto and influxd (issue 7): a bureau
 * posts a forecast for 包头市 with two days above 200, which is orange under MEE 2024
 * (adopted by Inner Mongolia, 内政办发〔2024〕17号; docs/warnings.md); the warning shows over
 * REST, arrives on {@code lantian/v1/warnings/包头市} (MQTT, QoS 1, not retained), on the
 * SSE stream (an emergency key, and the key of BT-STEEL, listed for emergency reduction
 * in 包头市) and at the webhook and SMTP server of the emergency route and of BT-STEEL's
 * route, never at those of WH-HEAT (listed in 乌海市) nor of a route that opted out; a
 * second Lantian on the same database finds it again (same id, not raised twice); then a
 * forecast below yellow for two days (≥ 36 h) releases it, over the same channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + WarningsEndToEndIT.BUREAU, "lantian.api.keys[0].role=bureau",
				"lantian.api.keys[1].key=" + WarningsEndToEndIT.EMERGENCY, "lantian.api.keys[1].role=emergency",
				"lantian.api.keys[2].key=" + WarningsEndToEndIT.STEEL, "lantian.api.keys[2].role=enterprise",
				"lantian.api.keys[2].enterprise=BT-STEEL", "lantian.api.keys[3].key=" + WarningsEndToEndIT.WUHAI,
				"lantian.api.keys[3].role=enterprise", "lantian.api.keys[3].enterprise=WH-HEAT",
				"lantian.alerts.stream.heartbeat=1s", "lantian.alerts.webhook.delivery.backoff=100ms" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class WarningsEndToEndIT {

	static final String BUREAU = "bureau-key-for-warning-tests";

	static final String EMERGENCY = "emergency-key-for-warning-ts";

	static final String STEEL = "steel-key-for-warning-tests1";

	static final String WUHAI = "wuhai-heat-key-for-warnings1";

	static final AlertReceivers RECEIVERS = new AlertReceivers();

	static final String TOPICS = "it-" + LocalInfrastructure.randomHex() + "/warnings";

	static final ObjectMapper JSON = new ObjectMapper();

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("lantian.alerts.mqtt.warning-topic-prefix", () -> TOPICS);
		registry.add("lantian.alerts.email.host", () -> "127.0.0.1");
		registry.add("lantian.alerts.email.port", RECEIVERS::smtpPort);
		// a list binds from one property source only: the routes are all here
		route(registry, 0, "emergency", "emergency", null, "duty@emergency.test");
		route(registry, 1, "steel", "enterprise", "BT-STEEL", "ops@steel.test");
		route(registry, 2, "wuhai", "enterprise", "WH-HEAT", "ops@wuhai-heat.test");
		route(registry, 3, "opted-out", "bureau", null, "alerts-only@bureau.test");
		registry.add("lantian.alerts.routes[3].warnings", () -> "false");
	}

	private static void route(DynamicPropertyRegistry registry, int i, String name, String role,
			@Nullable String enterprise, String email) {
		String route = "lantian.alerts.routes[" + i + "].";
		registry.add(route + "name", () -> name);
		registry.add(route + "role", () -> role);
		if (enterprise != null) {
			registry.add(route + "enterprise", () -> enterprise);
		}
		registry.add(route + "webhooks[0]", () -> RECEIVERS.webhookUrl(name));
		registry.add(route + "emails[0]", () -> email);
	}

	@AfterAll
	static void stopServers() {
		RECEIVERS.stop();
	}

	@LocalServerPort
	int port;

	@Value("${lantian.influx.database}")
	String database;

	@Test
	void aForecastRaisesAWarningThatIsNotifiedSurvivesARestartAndIsReleased() throws Exception {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		List<JsonNode> mqtt = new CopyOnWriteArrayList<>();
		List<String> topics = new CopyOnWriteArrayList<>();
		MqttClient subscriber = new MqttClient(LocalInfrastructure.shared().mosquitto().url(),
				"warnings-it-" + LocalInfrastructure.randomHex(), new MemoryPersistence());
		subscriber.connect(new MqttConnectOptions());
		subscriber.subscribe(TOPICS + "/#", 1, (topic, message) -> {
			topics.add(topic);
			if (!message.isRetained() && message.getQos() == 1) {
				mqtt.add(JSON.readTree(message.getPayload()));
			}
		});
		List<String> sse = new CopyOnWriteArrayList<>();
		List<String> steelSse = new CopyOnWriteArrayList<>();
		List<String> wuhaiSse = new CopyOnWriteArrayList<>();
		String stream = "http://127.0.0.1:" + this.port + "/api/v1/alerts/stream";
		SseLines.read(stream, EMERGENCY, sse);
		SseLines.read(stream, STEEL, steelSse);
		SseLines.read(stream, WUHAI, wuhaiSse);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> sse.contains(":lantian alert stream") && steelSse.contains(":lantian alert stream")
					&& wuhaiSse.contains(":lantian alert stream"));

		LocalDate today = LocalDate.now(ZONE);
		Instant issued = Instant.now();

		// rejected with the field named, nothing stored
		ApiClient.Answer bad = api.post("/api/v1/forecasts", BUREAU, forecast(issued, today, 230, 501));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("detail").asText()).isEqualTo("days[1].aqi: 501 is outside the AQI range 0..500");
		assertThat(api.post("/api/v1/forecasts", EMERGENCY, forecast(issued, today, 230, 240)).status()).isEqualTo(403);

		// two days > 200: orange under MEE 2024 ("日AQI>200持续48小时")
		ApiClient.Answer posted = api.post("/api/v1/forecasts", BUREAU, forecast(issued, today, 230, 240, 180));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		assertThat(posted.json().path("changes").get(0).path("change").asText()).isEqualTo("raised");

		JsonNode warning = api.get("/api/v1/warnings?city=包头市", EMERGENCY).json().get(0);
		String id = warning.path("id").asText();
		assertThat(warning.path("city").asText()).isEqualTo("包头市");
		assertThat(warning.path("level").asText()).isEqualTo("orange");
		assertThat(warning.path("levelName").asText()).isEqualTo("橙色预警");
		assertThat(warning.path("scheme").asText()).isEqualTo("mee-2024");
		assertThat(warning.path("data").get(0).path("aqi").asInt()).isEqualTo(230);
		assertThat(warning.path("data").get(1).path("aqi").asInt()).isEqualTo(240);
		assertThat(warning.path("data").get(0).path("date").asText()).isEqualTo(today.toString());
		assertThat(warning.path("since").asText()).endsWith("+08:00");
		assertThat(warning.path("emergencyReduction").asBoolean()).isTrue();
		assertThat(id).startsWith("包头市-");
		assertThat(api.get("/api/v1/warnings", STEEL).status()).isEqualTo(403);

		// MQTT: on lantian/v1/warnings/包头市 (the UTF-8 city name), QoS 1, not retained
		await().atMost(Duration.ofSeconds(20)).until(() -> !mqtt.isEmpty());
		assertThat(topics).contains(TOPICS + "/包头市");
		assertThat(mqtt.get(0).path("change").asText()).isEqualTo("raised");
		assertThat(mqtt.get(0).path("level").asText()).isEqualTo("orange");
		assertThat(mqtt.get(0).path("id").asText()).isEqualTo(id);
		// SSE: an event named warning, also to the enterprise listed in 包头市
		await().atMost(Duration.ofSeconds(10)).until(() -> sse.contains("event:warning"));
		await().atMost(Duration.ofSeconds(10)).until(() -> steelSse.contains("event:warning"));

		// webhooks: the warning resource typed warning, to the emergency route and to
		// BT-STEEL's
		for (String route : List.of("emergency", "steel")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVERS.webhook(route).size() == 1);
			JsonNode hook = RECEIVERS.webhook(route).get(0);
			assertThat(hook.path("type").asText()).isEqualTo("warning");
			assertThat(hook.path("id").asText()).isEqualTo(id);
			assertThat(hook.path("city").asText()).isEqualTo("包头市");
			assertThat(hook.path("change").asText()).isEqualTo("raised");
			assertThat(hook.path("level").asText()).isEqualTo("orange");
			assertThat(hook.path("data").get(1).path("aqi").asInt()).isEqualTo(240);
			assertThat(hook.path("emergencyReduction").asBoolean()).isTrue();
		}
		// e-mails: one each, the city, level and change in the subject
		for (String to : List.of("duty@emergency.test", "ops@steel.test")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVERS.mailsTo(to).size() == 1);
			MimeMessage mail = RECEIVERS.mailsTo(to).get(0);
			assertThat(mail.getSubject()).isEqualTo("[Lantian] 包头市 橙色预警 raised (orange)");
			assertThat(mail.getContent().toString()).contains("级别 Level: 橙色预警 (orange)")
				.contains("预警 Warning: " + id)
				.contains("应急减排 Emergency reduction demanded: 是 yes");
		}

		// a second Lantian on the same database finds the warning, same id, not raised
		// again
		try (ConfigurableApplicationContext second = startSecondLantian()) {
			ApiClient secondApi = new ApiClient(
					"http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
			JsonNode again = await().atMost(Duration.ofSeconds(30))
				.until(() -> secondApi.get("/api/v1/warnings?city=包头市", BUREAU), (a) -> a.status() == 200)
				.json()
				.get(0);
			assertThat(again.path("level").asText()).isEqualTo("orange");
			assertThat(again.path("id").asText()).isEqualTo(id);
			assertThat(again.path("change").asText()).isEqualTo("raised");
		}

		// below yellow for two forecast days (48 h ≥ 36 h, Yangzhou 2026): released
		ApiClient.Answer better = api.post("/api/v1/forecasts", BUREAU,
				forecast(issued.plusSeconds(1), today, 120, 110, 90));
		assertThat(better.status()).isEqualTo(201);
		JsonNode released = api.get("/api/v1/warnings?city=包头市", BUREAU).json().get(0);
		assertThat(released.path("level").asText()).isEqualTo("none");
		assertThat(released.path("change").asText()).isEqualTo("released");
		assertThat(released.path("previousLevel").asText()).isEqualTo("orange");
		assertThat(released.path("id").asText()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(20)).until(() -> mqtt.size() >= 2);
		assertThat(mqtt.get(1).path("change").asText()).isEqualTo("released");
		assertThat(mqtt.get(1).path("id").asText()).isEqualTo(id);
		assertThat(mqtt).hasSize(2);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> steelSse.stream().filter("event:warning"::equals).count() == 2);
		for (String route : List.of("emergency", "steel")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVERS.webhook(route).size() == 2);
			JsonNode hook = RECEIVERS.webhook(route).get(1);
			assertThat(hook.path("type").asText()).isEqualTo("warning");
			assertThat(hook.path("change").asText()).isEqualTo("released");
			assertThat(hook.path("level").asText()).isEqualTo("none");
			assertThat(hook.path("previousLevel").asText()).isEqualTo("orange");
			assertThat(hook.path("id").asText()).isEqualTo(id);
		}
		for (String to : List.of("duty@emergency.test", "ops@steel.test")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVERS.mailsTo(to).size() == 2);
			MimeMessage mail = RECEIVERS.mailsTo(to).get(1);
			assertThat(mail.getSubject()).isEqualTo("[Lantian] 包头市 橙色预警 released (orange → none)");
			assertThat(mail.getContent().toString()).contains("应急减排 Emergency reduction demanded: 否 no");
		}

		// never to the enterprise listed in 乌海市, nor to the route that opted out: each
		// channel delivers in order on one thread, so what was not there before the
		// release is not coming
		assertThat(RECEIVERS.webhook("wuhai")).isEmpty();
		assertThat(RECEIVERS.webhook("opted-out")).isEmpty();
		assertThat(RECEIVERS.mailsTo("ops@wuhai-heat.test")).isEmpty();
		assertThat(RECEIVERS.mailsTo("alerts-only@bureau.test")).isEmpty();
		assertThat(RECEIVERS.mails()).hasSize(4);
		// a heartbeat after the release: its stream was idle, nothing queued for it
		long beats = wuhaiSse.stream().filter(":heartbeat"::equals).count();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> wuhaiSse.stream().filter(":heartbeat"::equals).count() > beats);
		assertThat(wuhaiSse).doesNotContain("event:warning");
		subscriber.disconnect();
		subscriber.close();
	}

	private static String forecast(Instant issued, LocalDate first, int... aqi) throws IOException {
		List<Object> days = new ArrayList<>();
		for (int i = 0; i < aqi.length; i++) {
			days.add(java.util.Map.of("date", first.plusDays(i).toString(), "aqi", aqi[i]));
		}
		return JSON.writeValueAsString(java.util.Map.of("city", "包头市", "issued",
				issued.atZone(ZONE).toOffsetDateTime().toString(), "days", days));
	}

	private ConfigurableApplicationContext startSecondLantian() throws IOException {
		LocalInfrastructure infrastructure = LocalInfrastructure.shared();
		return new SpringApplicationBuilder(LantianApplication.class).run("--server.port=0",
				"--lantian.mqtt.url=" + infrastructure.mosquitto().url(),
				"--lantian.mqtt.client-id=lantian-it-" + LocalInfrastructure.randomHex(),
				"--lantian.influx.url=" + infrastructure.influxd().url(), "--lantian.influx.database=" + this.database,
				"--lantian.spool.dir=" + infrastructure.newTempDirectory("spool-"),
				"--lantian.deadletters.dir=" + infrastructure.newTempDirectory("deadletters-"),
				"--lantian.hj212.port=0", "--lantian.alerts.mqtt.enabled=false", "--lantian.api.keys[0].key=" + BUREAU,
				"--lantian.api.keys[0].role=bureau");
	}

}
