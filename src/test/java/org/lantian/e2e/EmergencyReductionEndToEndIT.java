package org.lantian.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.infra.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.e2e.ComplianceAnswers.enterprise;
import static org.lantian.e2e.ComplianceAnswers.pollutant;
import static org.lantian.e2e.ComplianceAnswers.reductionAlerts;
import static org.awaitility.Awaitility.await;

/**
 * Emergency-reduction verification end to end (issue 7), in simulated time (a test
 * {@link SettableClock} in January 2025), against real mosquitto and influxd: a bureau
 * forecast with two days above 200 raises orange for 包头市 (MEE 2024, adopted by Inner
 * Mongolia from 2024-04-25; docs/warnings.md: 20 % cut at orange). Two listed enterprises
 * send hourly stack values (period {@code hour}, as HJ 212 CN 2061 would) as JSON
 * readings over MQTT: the coal heating boiler at 65 % of its baseline, the gas boiler at
 * 100 %. The compliance report (JSON and CSV) shows the arithmetic of HJ 212-2017 附录D
 * 式(33), and exactly one emergency-reduction alert (key {@code emission-cut}) opens, for
 * the gas boiler, and is resolved by a later hour within the allowed rate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + EmergencyReductionEndToEndIT.BUREAU,
				"lantian.api.keys[0].role=bureau", "lantian.api.keys[1].key=" + EmergencyReductionEndToEndIT.EMERGENCY,
				"lantian.api.keys[1].role=emergency", "lantian.api.keys[2].key=" + EmergencyReductionEndToEndIT.GAS,
				"lantian.api.keys[2].role=enterprise", "lantian.api.keys[2].enterprise=BT-DHGAS",
				"lantian.api.keys[3].key=" + EmergencyReductionEndToEndIT.STEEL, "lantian.api.keys[3].role=enterprise",
				"lantian.api.keys[3].enterprise=BT-STEEL",
				"lantian.reductions.file=classpath:warnings/it-reductions.yaml",
				"lantian.warnings.reduction.interval=1s", "lantian.alerts.mqtt.enabled=false" })
@Import({ LocalInfrastructureConfiguration.class, EmergencyReductionEndToEndIT.SimulatedTime.class })
@DirtiesContext
class EmergencyReductionEndToEndIT {

	static final String BUREAU = "bureau-key-for-reduction-tests";

	static final String EMERGENCY = "emergency-key-for-reduction-t";

	static final String GAS = "gas-key-for-reduction-tests-1";

	static final String STEEL = "steel-key-for-reduction-test1";

	static final String TOPICS = "it-" + LocalInfrastructure.randomHex() + "/v1";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** 2025-01-15 08:00 in Asia/Shanghai: the warning is raised on the hour. */
	static final OffsetDateTime T0 = OffsetDateTime.parse("2025-01-15T08:00:00+08:00");

	static final ObjectMapper JSON = new ObjectMapper();

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		registry.add("lantian.mqtt.topic-prefix", () -> TOPICS);
	}

	@LocalServerPort
	int port;

	@Autowired
	SettableClock clock;

	@Autowired
	HealthEndpoint health;

	@BeforeEach
	void ready() {
		// the readings are published over MQTT: only once the service has subscribed
		MqttReady.await(this.health);
	}

	@Test
	void aCuttingAndANonCuttingEnterpriseUnderAnOrangeWarning() throws Exception {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port);

		// two forecast days > 200: orange (MEE 2024 "日AQI>200持续48小时"), raised at T0
		ApiClient.Answer posted = api.post("/api/v1/forecasts", BUREAU,
				JSON.writeValueAsString(Map.of("city", "包头市", "issued", T0.toString(), "days",
						List.of(Map.of("date", "2025-01-15", "aqi", 230), Map.of("date", "2025-01-16", "aqi", 240),
								Map.of("date", "2025-01-17", "aqi", 180)))));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		String id = posted.json().path("warning").path("id").asText();
		assertThat(id).isEqualTo("包头市-" + T0.toInstant().toEpochMilli());
		assertThat(posted.json().path("warning").path("level").asText()).isEqualTo("orange");
		String path = "/api/v1/warnings/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/compliance";

		// three hours later, the stacks' hourly values of 08:00, 09:00 and 10:00 arrive
		this.clock.set(T0.plusHours(3).toInstant());
		// coal boiler: SO2 13 mg/m³, NOx 26 mg/m³ (measured, dry, standard state) at
		// 150000 m³/h
		publish("BT-HEAT-B1", 0, 3, Map.of("so2", 13, "nox", 26, "o2", 9.5, "flow", 150000));
		// gas boiler: NOx 30 mg/m³ at 12000 m³/h
		publish("BT-GAS-B1", 0, 3, Map.of("nox", 30, "o2", 3.5, "flow", 12000));

		JsonNode report = await().atMost(Duration.ofSeconds(20))
			.until(() -> api.get(path, EMERGENCY).json(), (r) -> judged(r, "BT-QSHEAT", "so2") == 3
					&& judged(r, "BT-QSHEAT", "nox") == 3 && judged(r, "BT-DHGAS", "nox") == 3);
		assertThat(report.path("warningId").asText()).isEqualTo(id);
		assertThat(report.path("city").asText()).isEqualTo("包头市");
		assertThat(report.path("level").asText()).isEqualTo("orange");
		assertThat(report.path("driver").asText()).isEqualTo("pm25");
		assertThat(report.path("emergencyReduction").asBoolean()).isTrue();
		assertThat(report.path("period").path("start").asText()).isEqualTo("2025-01-15T08:00:00+08:00");
		assertThat(report.path("period").path("end").asText()).isEqualTo("2025-01-15T11:00:00+08:00");
		assertThat(report.path("period").path("hours").asInt()).isEqualTo(3);

		JsonNode heat = enterprise(report, "BT-QSHEAT");
		assertThat(heat.path("name").asText()).isEqualTo("包头市青山区供热站（模拟）");
		assertThat(heat.path("grade").asText()).isEqualTo("C");
		// SEEDS-BRIEF §3 (S002): 20 % at orange
		assertThat(heat.path("requiredNow").path("percent").decimalValue()).isEqualByComparingTo("20");
		assertThat(heat.path("requiredCuts").get(0).path("level").asText()).isEqualTo("orange");
		assertThat(heat.path("compliant").asBoolean()).isTrue();
		JsonNode heatSo2 = pollutant(heat, "so2");
		// HJ 212-2017 附录D 式(33): G = C × Q × 10⁻⁶ = 13 mg/m³ × 150000 m³/h × 10⁻⁶ = 1.95
		// kg/h
		// baseline 3 kg/h, allowed 3 × (1 − 20 %) = 2.4 kg/h; achieved (3 − 1.95) / 3 =
		// 35.0 %
		JsonNode hour = heatSo2.path("hours").get(0);
		assertThat(hour.path("start").asText()).isEqualTo("2025-01-15T08:00:00+08:00");
		assertThat(hour.path("measuredKgPerHour").decimalValue()).isEqualByComparingTo("1.95");
		assertThat(hour.path("allowedKgPerHour").decimalValue()).isEqualByComparingTo("2.4");
		assertThat(hour.path("baselineKgPerHour").decimalValue()).isEqualByComparingTo("3");
		assertThat(hour.path("achievedPercent").decimalValue()).isEqualByComparingTo("35.0");
		assertThat(hour.path("compliant").asBoolean()).isTrue();
		// the measured (not O₂-corrected) concentration × flow
		assertThat(hour.path("stacks").get(0).path("concentration").decimalValue()).isEqualByComparingTo("13");
		assertThat(hour.path("stacks").get(0).path("flow").decimalValue()).isEqualByComparingTo("150000");
		assertThat(heatSo2.path("hoursCompliant").asInt()).isEqualTo(3);
		// 3 h × 3 kg/h = 9 kg baseline, 3 h × 1.95 = 5.85 kg measured
		assertThat(heatSo2.path("baselineKg").decimalValue()).isEqualByComparingTo("9");
		assertThat(heatSo2.path("measuredKg").decimalValue()).isEqualByComparingTo("5.85");
		assertThat(heatSo2.path("achievedPercent").decimalValue()).isEqualByComparingTo("35.0");
		// NOx: 26 × 150000 × 10⁻⁶ = 3.9 kg/h of a 6 kg/h baseline: 35.0 %
		JsonNode heatNox = pollutant(heat, "nox");
		assertThat(heatNox.path("hours").get(2).path("measuredKgPerHour").decimalValue()).isEqualByComparingTo("3.9");
		assertThat(heatNox.path("achievedPercent").decimalValue()).isEqualByComparingTo("35.0");

		JsonNode gas = enterprise(report, "BT-DHGAS");
		assertThat(gas.path("compliant").asBoolean()).isFalse();
		JsonNode gasNox = pollutant(gas, "nox");
		// 30 × 12000 × 10⁻⁶ = 0.36 kg/h = the baseline: allowed 0.36 × 0.8 = 0.288,
		// achieved 0.0 %
		assertThat(gasNox.path("hours").get(1).path("measuredKgPerHour").decimalValue()).isEqualByComparingTo("0.36");
		assertThat(gasNox.path("hours").get(1).path("allowedKgPerHour").decimalValue()).isEqualByComparingTo("0.288");
		assertThat(gasNox.path("hoursJudged").asInt()).isEqualTo(3);
		assertThat(gasNox.path("hoursCompliant").asInt()).isZero();
		assertThat(gasNox.path("achievedPercent").decimalValue()).isEqualByComparingTo("0.0");
		assertThat(gasNox.path("nonCompliantHours")).hasSize(3);

		// CSV: by ?format=csv and by Accept: text/csv; UTF-8 with a BOM, a header, 3 × (2
		// + 1) rows
		ApiClient.Answer csv = api.get(path + "?format=csv", BUREAU);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFwarning_id,city,enterprise,enterprise_name,grade,pollutant,");
		List<String> rows = List.of(csv.body().substring(1).split("\r\n"));
		assertThat(rows).hasSize(1 + 9);
		assertThat(rows).contains(id + ",包头市,BT-DHGAS,东河区燃气供热站（模拟）,B,nox,2025-01-15T10:00+08:00,"
				+ "2025-01-15T11:00+08:00,orange,20,0.36,0.288,0.36,0.0,true,false,");
		assertThat(rows).contains(id + ",包头市,BT-QSHEAT,包头市青山区供热站（模拟）,C,so2,2025-01-15T08:00+08:00,"
				+ "2025-01-15T09:00+08:00,orange,20,3,2.4,1.95,35.0,true,true,");
		assertThat(api.get(path, EMERGENCY, "text/csv").body()).isEqualTo(csv.body());

		// an enterprise key sees its own entry only; one not listed gets 403; unknown id
		// 404
		JsonNode own = api.get(path, GAS).json();
		assertThat(own.path("enterprises")).hasSize(1);
		assertThat(own.path("enterprises").get(0).path("enterprise").asText()).isEqualTo("BT-DHGAS");
		assertThat(api.get(path, STEEL).status()).isEqualTo(403);
		assertThat(api
			.get("/api/v1/warnings/" + URLEncoder.encode("包头市-1", StandardCharsets.UTF_8) + "/compliance", BUREAU)
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/warnings/nonsense/compliance", BUREAU, "text/csv").status()).isEqualTo(404);

		// exactly one emergency-reduction alert, for the enterprise that did not cut
		List<JsonNode> opened = await().atMost(Duration.ofSeconds(20))
			.until(() -> reductionAlerts(api, BUREAU, "?status=open"), (a) -> !a.isEmpty());
		assertThat(opened).hasSize(1);
		JsonNode alert = opened.get(0);
		assertThat(alert.path("site").asText()).isEqualTo("BT-GAS-B1");
		// one alert per warning and enterprise (key emission-cut): the worst pollutant's
		// achieved cut against the 20 % owed at orange
		assertThat(alert.path("key").asText()).isEqualTo("emission-cut");
		assertThat(alert.path("severity").asText()).isEqualTo("high");
		assertThat(alert.path("enterprise").asText()).isEqualTo("BT-DHGAS");
		assertThat(alert.path("city").asText()).isEqualTo("包头市");
		assertThat(alert.path("value").decimalValue()).isEqualByComparingTo("0.0");
		assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("20");
		// the hour is the latest judged when the round ran (08:00, 09:00 or 10:00: the
		// three readings may be stored across rounds)
		assertThat(alert.path("message").asText())
			.startsWith("东河区燃气供热站（模拟） (BT-DHGAS) above the allowed rate in 2025-01-15 ")
			.endsWith(", 橙色预警 (orange, warning " + id + "): achieved 0.0 % of the required 20 % cut; "
					+ "NOX 0.36 kg/h > allowed 0.288 (achieved 0.0 %)");

		// the gas boiler cuts in the 11:00 hour (20 mg/m³: 0.24 kg/h ≤ 0.288): resolved
		this.clock.set(T0.plusHours(4).toInstant());
		publish("BT-GAS-B1", 3, 1, Map.of("nox", 20, "o2", 3.5, "flow", 12000));
		publish("BT-HEAT-B1", 3, 1, Map.of("so2", 13, "nox", 26, "o2", 9.5, "flow", 150000));
		await().atMost(Duration.ofSeconds(20)).until(() -> reductionAlerts(api, BUREAU, "?status=open").isEmpty());
		List<JsonNode> resolved = reductionAlerts(api, BUREAU, "?status=resolved");
		assertThat(resolved).hasSize(1);
		assertThat(resolved.get(0).path("id").asText()).isEqualTo(alert.path("id").asText());
		JsonNode after = api.get(path, BUREAU).json();
		assertThat(pollutant(enterprise(after, "BT-DHGAS"), "nox").path("hoursCompliant").asInt()).isEqualTo(1);
		assertThat(after.path("period").path("hours").asInt()).isEqualTo(4);
	}

	/**
	 * {@code count} hourly readings of a stack from T0 + {@code first} hours, over MQTT.
	 */
	private static void publish(String site, int first, int count, Map<String, Object> values) throws Exception {
		List<Object> readings = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			readings.add(Map.of("site", site, "time", T0.plusHours(i).toString(), "period", "hour", "values", values));
		}
		LocalInfrastructure.shared()
			.mosquitto()
			.publish(TOPICS + "/readings/" + site, JSON.writeValueAsString(readings));
	}

	private static int judged(JsonNode report, String enterprise, String pollutant) {
		JsonNode e = enterprise(report, enterprise);
		return (e == null) ? -1 : pollutant(e, pollutant).path("hoursJudged").asInt(-1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SimulatedTime {

		@Bean
		@Primary
		SettableClock simulatedClock() {
			return new SettableClock(T0.toInstant());
		}

	}

}
