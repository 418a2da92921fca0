package org.lantian.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lantian.LantianApplication;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert's whole life against the real services (issue 6): the test publishes the rule
 * engine's {@link RuleConditionChanged} events; the alert appears over REST, over SSE (a
 * real HTTP client reading the stream), over MQTT (a subscriber on mosquitto), at a
 * webhook receiver ({@link HttpServer}) and at an SMTP server (GreenMail), all in this
 * JVM; its acknowledgement and resolution too. Then a second alert is left open and a
 * second Lantian is started on the same InfluxDB database: it finds that alert still
 * open, once, and deduplicates the rule engine's repeated condition against it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + AlertsEndToEndIT.ADMIN, "lantian.api.keys[0].role=admin",
				"lantian.api.keys[1].key=" + AlertsEndToEndIT.BUREAU, "lantian.api.keys[1].role=bureau",
				"lantian.api.keys[2].key=" + AlertsEndToEndIT.EMERGENCY, "lantian.api.keys[2].role=emergency",
				"lantian.api.keys[3].key=" + AlertsEndToEndIT.STEEL, "lantian.api.keys[3].role=enterprise",
				"lantian.api.keys[3].enterprise=BT-STEEL", "lantian.api.keys[4].key=" + AlertsEndToEndIT.OTHER,
				"lantian.api.keys[4].role=enterprise", "lantian.api.keys[4].enterprise=BT-JINMENG",
				"lantian.alerts.escalate-after=0s", "lantian.alerts.stream.heartbeat=1s",
				"lantian.alerts.webhook.delivery.backoff=100ms" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class AlertsEndToEndIT {

	static final String ADMIN = "admin-key-for-alert-tests-1";

	static final String BUREAU = "bureau-key-for-alert-tests";

	static final String EMERGENCY = "emergency-key-for-alert-tst";

	static final String STEEL = "steel-key-for-alert-tests-1";

	static final String OTHER = "jinmeng-key-for-alert-tests";

	static final ObjectMapper JSON = new ObjectMapper();

	static final String TOPICS = "it-" + LocalInfrastructure.randomHex() + "/alerts";

	static final AlertReceivers RECEIVERS = new AlertReceivers();

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("lantian.alerts.email.host", () -> "127.0.0.1");
		registry.add("lantian.alerts.email.port", RECEIVERS::smtpPort);
		// a list binds from one property source only: the routes are all here
		registry.add("lantian.alerts.routes[0].name", () -> "bureau-baotou");
		registry.add("lantian.alerts.routes[0].role", () -> "bureau");
		registry.add("lantian.alerts.routes[0].cities[0]", () -> "包头市");
		registry.add("lantian.alerts.routes[0].min-severity", () -> "medium");
		registry.add("lantian.alerts.routes[0].emails[0]", () -> "duty@bureau.test");
		registry.add("lantian.alerts.routes[1].name", () -> "jinmeng");
		registry.add("lantian.alerts.routes[1].role", () -> "enterprise");
		registry.add("lantian.alerts.routes[1].enterprise", () -> "BT-JINMENG");
		registry.add("lantian.alerts.routes[1].emails[0]", () -> "ops@jinmeng.test");
		registry.add("lantian.alerts.routes[0].webhooks[0]", RECEIVERS::webhookUrl);
		registry.add("lantian.alerts.mqtt.topic-prefix", () -> TOPICS);
	}

	@AfterAll
	static void stopServers() {
		RECEIVERS.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Value("${lantian.influx.database}")
	String database;

	static RuleConditionChanged condition(String rule, State state, Severity severity, String value) {
		return new RuleConditionChanged(rule, "BT-STEEL-S1", "so2", state, severity,
				Instant.parse("2026-01-15T08:00:00+08:00"), new BigDecimal(value), new BigDecimal("35"),
				"SO₂ hourly mean (O₂-corrected) " + value + " mg/m³, limit 35 mg/m³ (ultra-low)");
	}

	@Test
	void anAlertReachesEveryChannelThroughItsLifeAndAnOpenOneSurvivesARestart() throws Exception {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		List<JsonNode> mqtt = new CopyOnWriteArrayList<>();
		MqttClient subscriber = new MqttClient(LocalInfrastructure.shared().mosquitto().url(),
				"alerts-it-" + LocalInfrastructure.randomHex(), new MemoryPersistence());
		subscriber.connect(new MqttConnectOptions());
		subscriber.subscribe(TOPICS + "/#", 1, (topic, message) -> {
			if (topic.equals(TOPICS + "/BT-STEEL-S1") && !message.isRetained() && message.getQos() == 1) {
				mqtt.add(JSON.readTree(message.getPayload()));
			}
		});
		List<String> sse = new CopyOnWriteArrayList<>();
		Thread reader = readStream(BUREAU, sse);
		await().atMost(Duration.ofSeconds(10)).until(() -> sse.contains(":lantian alert stream"));

		this.events.publishEvent(condition("stack-so2-hourly", State.ACTIVE, Severity.HIGH, "57.3"));
		this.events.publishEvent(condition("stack-so2-hourly", State.ACTIVE, Severity.HIGH, "58.0"));

		// REST: one open alert with the §5.4 fields, visible to the enterprise that owns
		// the
		// site, not to another
		// (the conditions wait until the alerts of the journal are rebuilt at start)
		JsonNode open = await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/v1/alerts?status=open", BUREAU).json(), (json) -> json.size() == 1);
		JsonNode alert = open.get(0);
		String id = alert.path("id").asText();
		assertThat(alert.path("rule").asText()).isEqualTo("stack-so2-hourly");
		assertThat(alert.path("site").asText()).isEqualTo("BT-STEEL-S1");
		assertThat(alert.path("key").asText()).isEqualTo("so2");
		assertThat(alert.path("severity").asText()).isEqualTo("high");
		assertThat(alert.path("status").asText()).isEqualTo("open");
		assertThat(alert.path("raisedAt").asText()).isEqualTo("2026-01-15T08:00:00+08:00");
		assertThat(alert.path("updatedAt").asText()).isEqualTo("2026-01-15T08:00:00+08:00");
		assertThat(alert.path("value").decimalValue()).isEqualByComparingTo("57.3");
		assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("35");
		assertThat(alert.path("message").asText()).contains("57.3 mg/m³");
		assertThat(alert.path("city").asText()).isEqualTo("包头市");
		assertThat(api.get("/api/v1/alerts?site=BT-STEEL-S1", STEEL).json()).hasSize(1);
		assertThat(api.get("/api/v1/alerts", OTHER).json()).isEmpty();
		assertThat(api.get("/api/v1/alerts/" + id, OTHER).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/alerts?status=closed", BUREAU).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/alerts/no-such-alert", BUREAU).status()).isEqualTo(404);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(events(sse, "raised")).singleElement()
				.satisfies((json) -> assertThat(json.path("id").asText()).isEqualTo(id));
			assertThat(mqtt).extracting((json) -> json.path("change").asText()).containsExactly("raised");
			assertThat(RECEIVERS.webhook()).extracting((json) -> json.path("change").asText())
				.containsExactly("raised");
			assertThat(RECEIVERS.mails()).hasSize(1);
		});
		assertThat(mqtt.get(0).path("status").asText()).isEqualTo("open");
		assertThat(mqtt.get(0).path("value").decimalValue()).isEqualByComparingTo("57.3");
		assertThat(RECEIVERS.webhook().get(0).path("id").asText()).isEqualTo(id);
		MimeMessage mail = RECEIVERS.mails()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("duty@bureau.test");
		assertThat(mail.getSubject()).isEqualTo("[Lantian] HIGH alert raised: stack-so2-hourly at BT-STEEL-S1 (so2)");

		// acknowledge: not by the enterprise; by the emergency staff, with who and why
		assertThat(api.post("/api/v1/alerts/" + id + "/ack", STEEL, "{\"by\":\"x\"}").status()).isEqualTo(403);
		ApiClient.Answer ack = api.post("/api/v1/alerts/" + id + "/ack", EMERGENCY,
				"{\"by\":\"应急值班 王工\",\"comment\":\"phoned the plant\"}");
		assertThat(ack.status()).isEqualTo(200);
		assertThat(ack.json().path("status").asText()).isEqualTo("acknowledged");
		assertThat(ack.json().path("acknowledgedBy").asText()).isEqualTo("应急值班 王工");
		assertThat(api.post("/api/v1/alerts/" + id + "/ack", BUREAU, "{}").status()).isEqualTo(409);
		// resolve by hand: not by the emergency staff; the bureau may
		assertThat(api.post("/api/v1/alerts/" + id + "/resolve", EMERGENCY, "{}").status()).isEqualTo(403);
		ApiClient.Answer resolved = api.post("/api/v1/alerts/" + id + "/resolve", BUREAU,
				"{\"by\":\"监察科 张科长\",\"comment\":\"desulphuriser pump replaced\"}");
		assertThat(resolved.json().path("status").asText()).isEqualTo("resolved");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(events(sse, "acknowledged")).hasSize(1);
			assertThat(events(sse, "resolved")).hasSize(1);
			assertThat(mqtt).extracting((json) -> json.path("change").asText())
				.containsExactly("raised", "acknowledged", "resolved");
			assertThat(RECEIVERS.webhook()).extracting((json) -> json.path("change").asText())
				.containsExactly("raised", "acknowledged", "resolved");
			assertThat(RECEIVERS.mails()).hasSize(3);
		});
		assertThat(events(sse, "resolved").get(0).path("resolvedBy").asText()).isEqualTo("监察科 张科长");
		assertThat(mqtt.get(1).path("acknowledgedBy").asText()).isEqualTo("应急值班 王工");
		assertThat(RECEIVERS.webhook().get(2).path("resolveComment").asText()).isEqualTo("desulphuriser pump replaced");
		assertThat(RECEIVERS.mails()[2].getSubject()).startsWith("[Lantian] HIGH alert resolved");
		assertThat(RECEIVERS.mails()).extracting((message) -> message.getAllRecipients()[0].toString())
			.containsOnly("duty@bureau.test");
		JsonNode history = api.get("/api/v1/alerts/" + id, BUREAU).json().path("history");
		assertThat(history).extracting((entry) -> entry.path("change").asText())
			.containsExactly("raised", "acknowledged", "resolved");
		assertThat(history.get(1).path("comment").asText()).isEqualTo("phoned the plant");

		// a second alert stays open; a second Lantian on the same database finds it, once
		// (a
		// rule of the bundled file: open conditions of rules not in the file resolve at
		// start)
		this.events.publishEvent(condition("stack-so2-flat-line", State.ACTIVE, Severity.MEDIUM, "41"));
		String openId = api.get("/api/v1/alerts?status=open", BUREAU).json().get(0).path("id").asText();
		// every change is in InfluxDB: 3 of the first alert, 1 of the second
		InfluxAnswers influx = new InfluxAnswers(LocalInfrastructure.shared().influxd(), this.database);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> influx.count("SELECT count(\"seq\") FROM \"alert_event\""), (count) -> count == 4);
		assertThat(influx.rows("SELECT * FROM \"alert_event\" WHERE \"change\" = 'acknowledged'")).singleElement()
			.satisfies((row) -> {
				assertThat(row).containsEntry("alert", id).containsEntry("by", "应急值班 王工");
				assertThat(row).containsEntry("comment", "phoned the plant").containsEntry("status", "acknowledged");
			});
		try (ConfigurableApplicationContext second = secondLantian()) {
			int secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
			ApiClient secondApi = new ApiClient("http://127.0.0.1:" + secondPort);
			JsonNode stillOpen = secondApi.get("/api/v1/alerts?status=open", BUREAU).json();
			assertThat(stillOpen).singleElement().satisfies((json) -> {
				assertThat(json.path("id").asText()).isEqualTo(openId);
				assertThat(json.path("rule").asText()).isEqualTo("stack-so2-flat-line");
				assertThat(json.path("severity").asText()).isEqualTo("medium");
			});
			second.publishEvent(condition("stack-so2-flat-line", State.ACTIVE, Severity.MEDIUM, "42"));
			assertThat(secondApi.get("/api/v1/alerts?status=open", BUREAU).json()).hasSize(1);
			// the resolved one is in the journal with its history
			JsonNode old = secondApi.get("/api/v1/alerts/" + id, BUREAU).json();
			assertThat(old.path("status").asText()).isEqualTo("resolved");
			assertThat(old.path("history")).hasSize(3);
			second.publishEvent(condition("stack-so2-flat-line", State.CLEARED, Severity.MEDIUM, "30"));
			assertThat(secondApi.get("/api/v1/alerts?status=open", BUREAU).json()).isEmpty();
		}
		reader.interrupt();
		subscriber.disconnect();
		subscriber.close();
	}

	private ConfigurableApplicationContext secondLantian() {
		LocalInfrastructure infrastructure = LocalInfrastructure.shared();
		// command-line arguments: default properties would lose to application.yaml
		return new SpringApplicationBuilder(LantianApplication.class).run("--server.port=0",
				"--lantian.mqtt.url=" + infrastructure.mosquitto().url(),
				"--lantian.mqtt.client-id=lantian-it-" + LocalInfrastructure.randomHex(),
				"--lantian.influx.url=" + infrastructure.influxd().url(), "--lantian.influx.database=" + this.database,
				"--lantian.spool.dir=" + infrastructure.newTempDirectory("spool-"),
				"--lantian.deadletters.dir=" + infrastructure.newTempDirectory("deadletters-"),
				"--lantian.hj212.port=0", "--lantian.alerts.mqtt.enabled=false", "--lantian.api.keys[0].key=" + BUREAU,
				"--lantian.api.keys[0].role=bureau");
	}

	private Thread readStream(String key, List<String> lines) {
		return SseLines.read("http://127.0.0.1:" + this.port + "/api/v1/alerts/stream", key, lines);
	}

	/** The data of the stream's events of one name. */
	private static List<JsonNode> events(List<String> lines, String name) {
		List<String> copy = List.copyOf(lines);
		List<JsonNode> found = new java.util.ArrayList<>();
		for (int i = 0; i < copy.size(); i++) {
			if (copy.get(i).equals("event:" + name)) {
				for (int j = i + 1; j < copy.size() && !copy.get(j).isEmpty(); j++) {
					if (copy.get(j).startsWith("data:")) {
						try {
							found.add(JSON.readTree(copy.get(j).substring(5)));
						}
						catch (IOException ex) {
							throw new IllegalStateException(ex);
						}
					}
				}
			}
		}
		return found;
	}

}
