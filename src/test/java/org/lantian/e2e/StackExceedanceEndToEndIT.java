package org.lantian.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6 end to end, from a data logger to the people: the 包钢 power-plant boiler stack
 * (BT-STEEL-B1, coal power ultra-low, SO₂ 35 mg/m³ at 6 % O₂, STANDARDS §5.2) uploads an
 * hour of HJ 212 minute values (CN 2051) over TCP with SO₂ 30 mg/m³ at 9 % O₂: corrected
 * 30 × (21 − 6) / (21 − 9) = 37.5 mg/m³ (STANDARDS §5.4), above the limit. The bundled
 * {@code stack-hourly-exceedance} rule judges the valid hourly mean when the next hour's
 * first value arrives; one alert opens and reaches REST, SSE, MQTT, a webhook receiver
 * ({@link HttpServer}) and an SMTP server (GreenMail) in this test; an hour at 20 mg/m³
 * (corrected 25 ≤ 35 × 0.95) clears it, and the alert is resolved on every channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + StackExceedanceEndToEndIT.BUREAU, "lantian.api.keys[0].role=bureau",
				"lantian.rules.tick=1s", "lantian.alerts.mqtt.topic-prefix=" + StackExceedanceEndToEndIT.TOPICS,
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class StackExceedanceEndToEndIT {

	static final String BUREAU = "bureau-key-for-stack-tests-1";

	static final String TOPICS = "it-stack-exceedance/alerts";

	static final String MN = "BTSTEEL0000000000000B001";

	static final ObjectMapper JSON = new ObjectMapper();

	static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	static final AlertReceivers RECEIVERS = new AlertReceivers();

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("lantian.alerts.email.host", () -> "127.0.0.1");
		registry.add("lantian.alerts.email.port", RECEIVERS::smtpPort);
		registry.add("lantian.alerts.routes[0].name", () -> "bureau-baotou");
		registry.add("lantian.alerts.routes[0].role", () -> "bureau");
		registry.add("lantian.alerts.routes[0].cities[0]", () -> "包头市");
		registry.add("lantian.alerts.routes[0].min-severity", () -> "high");
		registry.add("lantian.alerts.routes[0].emails[0]", () -> "duty@bureau.test");
		registry.add("lantian.alerts.routes[0].webhooks[0]", RECEIVERS::webhookUrl);
	}

	@AfterAll
	static void stopServers() {
		RECEIVERS.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	HealthEndpoint health;

	@Value("${lantian.hj212.port}")
	int hj212Port;

	@BeforeEach
	void ready() {
		MqttReady.await(this.health);
	}

	@Test
	void anHourAboveTheUltraLowLimitOpensOneAlertOnEveryChannelAndAnHourBelowResolvesIt() throws Exception {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);
		List<JsonNode> mqtt = new CopyOnWriteArrayList<>();
		MqttClient subscriber = new MqttClient(LocalInfrastructure.shared().mosquitto().url(),
				"stack-it-" + LocalInfrastructure.randomHex(), new MemoryPersistence());
		subscriber.connect(new MqttConnectOptions());
		subscriber.subscribe(TOPICS + "/BT-STEEL-B1", 1,
				(topic, message) -> mqtt.add(JSON.readTree(message.getPayload())));
		List<String> sse = new CopyOnWriteArrayList<>();
		SseLines.read("http://127.0.0.1:" + this.port + "/api/v1/alerts/stream", BUREAU, sse);

		// three hours ago, local time, on the hour
		LocalDateTime hour = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.HOURS).minusHours(3);
		try (Socket socket = new Socket("127.0.0.1", this.hj212Port)) {
			socket.setSoTimeout(30_000);
			BufferedReader replies = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			sendHour(socket, replies, hour, "30");
			// the first value of the next hour closes the hour
			sendMinute(socket, replies, hour.plusHours(1), "20");

			JsonNode open = await().atMost(Duration.ofSeconds(60))
				.until(() -> api.get("/api/v1/alerts?status=open&site=BT-STEEL-B1", BUREAU).json(),
						(json) -> json.findValues("rule")
							.stream()
							.anyMatch((rule) -> rule.asText().equals("stack-hourly-exceedance")));
			List<JsonNode> exceedances = alertsOf(open, "stack-hourly-exceedance");
			assertThat(exceedances).hasSize(1);
			JsonNode alert = exceedances.get(0);
			assertThat(alert.path("key").asText()).isEqualTo("so2");
			assertThat(alert.path("severity").asText()).isEqualTo("high");
			assertThat(alert.path("value").decimalValue()).isEqualByComparingTo("37.5");
			assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("35");
			String id = alert.path("id").asText();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(mqtt).anySatisfy((m) -> assertThat(m.path("id").asText()).isEqualTo(id)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(sse).anySatisfy((line) -> assertThat(line).contains(id)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(RECEIVERS.webhook())
					.anySatisfy((hook) -> assertThat(hook.path("id").asText()).isEqualTo(id)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(mails(id)).singleElement()
					.satisfies((subject) -> assertThat(subject).contains("alert raised").contains("BT-STEEL-B1")));

			// an hour at 20 mg/m³ (corrected 25) clears the condition
			sendHour(socket, replies, hour.plusHours(1), "20");
			sendMinute(socket, replies, hour.plusHours(2), "20");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> api.get("/api/v1/alerts/" + id, BUREAU).json().path("status").asText(),
						"resolved"::equals);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mqtt).anySatisfy((m) -> {
				assertThat(m.path("id").asText()).isEqualTo(id);
				assertThat(m.path("status").asText()).isEqualTo("resolved");
			}));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(sse)
					.anySatisfy((line) -> assertThat(line).contains(id).contains("\"status\":\"resolved\"")));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(RECEIVERS.webhook()).anySatisfy((hook) -> {
					assertThat(hook.path("id").asText()).isEqualTo(id);
					assertThat(hook.path("status").asText()).isEqualTo("resolved");
				}));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(mails(id))
					.anySatisfy((subject) -> assertThat(subject).contains("resolved").contains("BT-STEEL-B1")));
		}
		// one alert for the hour, not one per minute value
		JsonNode all = api.get("/api/v1/alerts?site=BT-STEEL-B1", BUREAU).json();
		assertThat(alertsOf(all, "stack-hourly-exceedance")).hasSize(1);
		subscriber.disconnect();
		subscriber.close();
	}

	/** The subjects of the e-mails about the alert (its id is in the body). */
	private static List<String> mails(String id) throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : RECEIVERS.mails()) {
			if (String.valueOf(mail.getContent()).contains(id)) {
				subjects.add(mail.getSubject());
			}
		}
		return subjects;
	}

	private static List<JsonNode> alertsOf(JsonNode alerts, String rule) {
		List<JsonNode> found = new ArrayList<>();
		alerts.forEach((alert) -> {
			if (alert.path("rule").asText().equals(rule)) {
				found.add(alert);
			}
		});
		return found;
	}

	private void sendHour(Socket socket, BufferedReader replies, LocalDateTime hour, String so2) throws IOException {
		for (int minute = 0; minute < 60; minute++) {
			sendMinute(socket, replies, hour.plusMinutes(minute), so2);
		}
	}

	/** One CN 2051 minute upload asking for a reply; waits for the 9014 (stored). */
	private void sendMinute(Socket socket, BufferedReader replies, LocalDateTime minute, String so2)
			throws IOException {
		String time = DATA_TIME.format(minute);
		// the values swing a little around their mean, as real analysers' do (a constant
		// value is what the flat-line rules look for)
		String swing = (minute.getMinute() % 2 == 0) ? "-0.5" : "0.5";
		Hj212Frame frame = new Hj212Frame(time + "000", "31", "2051", "123456", MN, 5, null, null,
				"DataTime=" + time + ";a21026-Avg=" + new BigDecimal(so2).add(new BigDecimal(swing))
						+ ",a21026-Flag=N;a21002-Avg=" + new BigDecimal("20").add(new BigDecimal(swing))
						+ ",a21002-Flag=N;a34013-Avg="
						+ new BigDecimal("3").subtract(new BigDecimal(swing).movePointLeft(1))
						+ ",a34013-Flag=N;a19001-Avg=9,a19001-Flag=N");
		OutputStream out = socket.getOutputStream();
		out.write(new Hj212Encoder().encode(frame).getBytes(StandardCharsets.UTF_8));
		out.flush();
		String reply = replies.readLine();
		assertThat(reply).as("9014 reply").isNotNull();
		assertThat(new Hj212Decoder().decode(reply + "\r\n").qn()).isEqualTo(frame.qn());
	}

}
