package org.lantian.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated day of minute samples of two 包头市 stations over MQTT, with gaps that make
 * some hours invalid, back-filled long after the day: the aggregation recomputes it, and
 * the hourly and daily endpoints of the stations and the city return what the test
 * computes by hand from HJ 633-2026 表3 (the day, 2026-03-10, falls under HJ 633-2026 and
 * GB 3095-2026) and the validity rules of GB 3095-2026 表4 (issue 5).
 * <p>
 * The data: BT-KDL-01 samples every minute, PM2.5 = 50 + hour, PM10 100, SO₂ 10, NO₂ 40,
 * CO 0.8, O₃ = 60 + 2 × hour; in hour 03 only 44 minutes (every pollutant invalid); in
 * hour 05 only 45 (valid); in hour 07 twenty PM2.5 minutes flagged M (40 valid: PM2.5
 * invalid). BT-QS-01 has every minute, PM2.5 80 and the rest as BT-KDL-01.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + AirQualityEndToEndIT.ADMIN, "lantian.api.keys[0].role=admin",
				"lantian.api.keys[1].key=" + AirQualityEndToEndIT.BUREAU, "lantian.api.keys[1].role=bureau",
				"lantian.airquality.interval=1s",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-deadletters-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class AirQualityEndToEndIT {

	static final String ADMIN = "admin-key-for-aqi-tests-01";

	static final String BUREAU = "bureau-key-for-aqi-tests-1";

	static final Instant MIDNIGHT = Instant.parse("2026-03-10T00:00:00+08:00");

	static final String DAY = "from=2026-03-10T00:00:00%2B08:00&to=2026-03-11T00:00:00%2B08:00";

	@LocalServerPort
	int port;

	@Value("${lantian.influx.database}")
	String database;

	@Autowired
	HealthEndpoint health;

	ApiClient api;

	@BeforeEach
	void connect() {
		MqttReady.await(this.health);
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void aBackFilledDayGivesTheHourlyAndDailyAqiOfStationsAndCityComputedByHand() throws Exception {
		publishDay();

		// daily, station BT-KDL-01: PM2.5 has 22 valid hours (not 03, 07) ≥ 20 (表4):
		// (Σ(50 + h) − 53 − 57) / 22 = 1366 / 22 = 62.09 → 62 → 100 + 50 × 2 / 55 = 101.8
		// → 102;
		// PM10 100 (23 hours) → 50 + 50 × 50 / 70 = 85.7 → 86; SO₂ 10 → 10; NO₂ 40 → 50;
		// CO 0.8
		// → 20; O₃ 日最大8小时 = hours 16–23: 60 + 2 × 19.5 = 99 → 49.5 → 50
		JsonNode daily = await().atMost(Duration.ofSeconds(90))
			.until(() -> this.api.get("/api/v1/sites/BT-KDL-01/aqi/daily?" + DAY, BUREAU).json(),
					(json) -> json.size() == 1 && json.get(0).path("aqi").asInt() == 102);
		JsonNode day = daily.get(0);
		assertThat(day.path("start").asText()).isEqualTo("2026-03-10T00:00:00+08:00");
		assertThat(day.path("end").asText()).isEqualTo("2026-03-11T00:00:00+08:00");
		assertThat(day.path("standard").asText()).isEqualTo("HJ 633-2026");
		assertThat(day.path("category").asText()).isEqualTo("轻度污染");
		assertThat(day.path("level").asInt()).isEqualTo(3);
		assertThat(day.path("primaryPollutants").get(0).asText()).isEqualTo("pm25");
		assertThat(day.path("concentrations").path("pm25").decimalValue()).isEqualByComparingTo("62");
		assertThat(day.path("iaqi").path("pm10").asInt()).isEqualTo(86);
		assertThat(day.path("iaqi").path("so2").asInt()).isEqualTo(10);
		assertThat(day.path("iaqi").path("no2").asInt()).isEqualTo(50);
		assertThat(day.path("iaqi").path("co").asInt()).isEqualTo(20);
		assertThat(day.path("concentrations").path("o3_8h").decimalValue()).isEqualByComparingTo("99");
		assertThat(day.path("iaqi").path("o3_8h").asInt()).isEqualTo(50);
		assertThat(day.path("valid").asBoolean()).isTrue();

		JsonNode hours = this.api.get("/api/v1/sites/BT-KDL-01/aqi/hourly?" + DAY, BUREAU).json();
		assertThat(hours).hasSize(24);
		// 14:00–15:00: PM2.5 64 on the 日平均 column (HJ 633-2026 §4.2.3): 100 + 50 × 4 / 55
		// =
		// 103.6 → 104; SO₂ 1 h 10 → 4; NO₂ 1 h 40 → 20; CO 1 h 0.8 → 8; O₃ 1 h 88 → 27.5
		// → 28
		JsonNode afternoon = hours.get(14);
		assertThat(afternoon.path("start").asText()).isEqualTo("2026-03-10T14:00:00+08:00");
		assertThat(afternoon.path("end").asText()).isEqualTo("2026-03-10T15:00:00+08:00");
		assertThat(afternoon.path("aqi").asInt()).isEqualTo(104);
		assertThat(afternoon.path("iaqi").path("so2").asInt()).isEqualTo(4);
		assertThat(afternoon.path("iaqi").path("no2").asInt()).isEqualTo(20);
		assertThat(afternoon.path("iaqi").path("co").asInt()).isEqualTo(8);
		assertThat(afternoon.path("iaqi").path("o3").asInt()).isEqualTo(28);
		assertThat(afternoon.path("valid").asBoolean()).isTrue();
		// 03:00: 44 minutes, every pollutant invalid (表4: ≥ 45 minutes) → all NA
		JsonNode gap = hours.get(3);
		assertThat(gap.path("valid").asBoolean()).isFalse();
		assertThat(gap.path("aqi").isNull()).isTrue();
		assertThat(gap.path("concentrations").path("pm25").isNull()).isTrue();
		// 05:00: 45 minutes are enough; PM2.5 55 → 50 + 50 × 20 / 25 = 90; PM10 100 → 86:
		// AQI 90
		assertThat(hours.get(5).path("valid").asBoolean()).isTrue();
		assertThat(hours.get(5).path("aqi").asInt()).isEqualTo(90);
		// 07:00: PM2.5 has 40 valid minutes → NA; the others' highest IAQI is 86 ≤ 100,
		// so the
		// AQI is NA too (HJ 633-2026 §5.3.1)
		JsonNode flagged = hours.get(7);
		assertThat(flagged.path("valid").asBoolean()).isFalse();
		assertThat(flagged.path("aqi").isNull()).isTrue();
		assertThat(flagged.path("concentrations").path("pm25").isNull()).isTrue();
		assertThat(flagged.path("iaqi").path("pm10").asInt()).isEqualTo(86);

		// daily, BT-QS-01: PM2.5 80 → 100 + 50 × 20 / 55 = 118.2 → 119
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get("/api/v1/sites/BT-QS-01/aqi/daily?" + DAY, BUREAU).json(),
					(json) -> json.size() == 1 && json.get(0).path("aqi").asInt() == 119);

		// the city: the mean of its stations with a valid hour (HJ 663); 14:00: (64 + 80)
		// / 2 =
		// 72 → 100 + 50 × 12 / 55 = 110.9 → 111; 03:00: BT-QS-01 alone, valid
		String city = "/api/v1/cities/" + URLEncoder.encode("包头市", StandardCharsets.UTF_8);
		JsonNode cityHours = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get(city + "/aqi/hourly?" + DAY, BUREAU).json(),
					(json) -> json.size() == 24 && json.get(14).path("aqi").asInt() == 111);
		assertThat(cityHours.get(3).path("valid").asBoolean()).isTrue();
		assertThat(cityHours.get(3).path("concentrations").path("pm25").decimalValue()).isEqualByComparingTo("80");
		// city day: PM2.5 = (Σ_{h∉{3,7}} (130 + h) / 2 + 80 + 80) / 24 = 1723 / 24 = 71.8
		// → 72 → 111
		JsonNode cityDay = this.api.get(city + "/aqi/daily?" + DAY, BUREAU).json();
		assertThat(cityDay.get(0).path("concentrations").path("pm25").decimalValue()).isEqualByComparingTo("72");
		assertThat(cityDay.get(0).path("aqi").asInt()).isEqualTo(111);
		assertThat(cityDay.get(0).path("valid").asBoolean()).isTrue();

		// the scorecard of 2026 so far: one effective day (the others have no report or
		// are
		// not valid), not good (AQI 111 > 100): 0.0 % good days, no heavy day; PM2.5 mean
		// 72
		JsonNode scorecard = this.api.get("/api/v1/scorecard?city=%E5%8C%85%E5%A4%B4%E5%B8%82&year=2026", BUREAU)
			.json();
		assertThat(scorecard.path("city").asText()).isEqualTo("包头市");
		JsonNode days = scorecard.path("measured").path("days");
		assertThat(days.path("validDays").asInt()).isEqualTo(1);
		assertThat(days.path("goodDays").asInt()).isZero();
		assertThat(days.path("goodDaysPercent").decimalValue()).isEqualByComparingTo("0");
		assertThat(days.path("heavyDays").asInt()).isZero();
		assertThat(scorecard.path("measured").path("pm25").path("mean").decimalValue()).isEqualByComparingTo("72");
		assertThat(this.api.get("/api/v1/scorecard?city=%E5%8C%85%E5%A4%B4%E5%B8%82", BUREAU).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/scorecard?city=Atlantis&year=2026", BUREAU).status()).isEqualTo(404);
	}

	@Test
	void anOperatorRecomputesARangeAndFollowsTheJob() {
		assertThat(this.api
			.post("/api/v1/admin/recompute", BUREAU,
					"{\"from\":\"2026-03-09T00:00:00+08:00\",\"to\":\"2026-03-10T00:00:00+08:00\"}")
			.status()).isEqualTo(403);
		ApiClient.Answer accepted = this.api.post("/api/v1/admin/recompute", ADMIN,
				"{\"from\":\"2026-03-09T00:00:00+08:00\",\"to\":\"2026-03-10T00:00:00+08:00\",\"site\":\"BT-KDL-01\"}");
		assertThat(accepted.status()).isEqualTo(202);
		String id = accepted.json().path("id").asText();
		assertThat(accepted.json().path("hoursTotal").asInt()).isEqualTo(24);
		JsonNode done = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.api.get("/api/v1/admin/recompute/" + id, ADMIN).json(),
					(json) -> "done".equals(json.path("status").asText()));
		assertThat(done.path("hoursDone").asInt()).isEqualTo(24);
		// no data that day: 24 hours, every one NA and not valid
		JsonNode hours = this.api
			.get("/api/v1/sites/BT-KDL-01/aqi/hourly?from=2026-03-09T00:00:00%2B08:00&to=2026-03-10T00:00:00%2B08:00",
					BUREAU)
			.json();
		assertThat(hours).hasSize(24).allSatisfy((hour) -> {
			assertThat(hour.path("valid").asBoolean()).isFalse();
			assertThat(hour.path("aqi").isNull()).isTrue();
		});
		assertThat(this.api.post("/api/v1/admin/recompute", ADMIN,
				"{\"from\":\"2026-03-09T00:00:00+08:00\",\"to\":\"2026-03-10T00:00:00+08:00\",\"site\":\"BT-STEEL-S1\"}")
			.status()).isEqualTo(400);
	}

	private void publishDay() throws Exception {
		try (StreamPublisher publisher = new StreamPublisher(LocalInfrastructure.shared().mosquitto().url(),
				"it-aqi-" + LocalInfrastructure.randomHex())) {
			int messages = 0;
			for (int hour = 0; hour < 24; hour++) {
				for (String site : List.of("BT-KDL-01", "BT-QS-01")) {
					boolean kundulun = site.equals("BT-KDL-01");
					int minutes = (kundulun && hour == 3) ? 44 : (kundulun && hour == 5) ? 45 : 60;
					List<String> items = new ArrayList<>();
					for (int minute = 0; minute < minutes; minute++) {
						Instant at = MIDNIGHT.plus(Duration.ofMinutes(hour * 60L + minute)).plusSeconds(20);
						String pm25 = kundulun ? String.valueOf(50 + hour) : "80";
						String flags = (kundulun && hour == 7 && minute < 20) ? ",\"flags\":{\"pm25\":\"M\"}" : "";
						items.add("{\"site\":\"" + site + "\",\"time\":\"" + TestPayloads.iso(at) + "\",\"values\":{"
								+ "\"pm25\":" + pm25 + ",\"pm10\":100,\"so2\":10,\"no2\":40,\"co\":0.8,\"o3\":"
								+ (60 + 2 * hour) + "}" + flags + "}");
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
