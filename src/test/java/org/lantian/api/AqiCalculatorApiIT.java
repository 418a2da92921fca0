package org.lantian.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.infra.LocalInfrastructureConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/aqi/calculate} (INTERFACES §5.2) through the whole application: API
 * key filter, controller, {@code AqiCalculator}, Jackson.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + AqiCalculatorApiIT.EMERGENCY, "lantian.api.keys[0].role=emergency",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class AqiCalculatorApiIT {

	/** Any role may calculate; emergency is the narrowest reader. */
	static final String EMERGENCY = "emergency-key-for-aqi-01";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Test
	void answersTheExampleItemOfInterfaces() throws Exception {
		// INTERFACES §5.2 example; HJ 633-2026 表3 日平均: PM2.5 78 in 60–115 → 100 +
		// 50·18/55
		// = 116.4 → 117 (§4.2.6 rounds up); PM10 120 is the IAQI-100 breakpoint; NO₂ 45 →
		// 50 + 50·5/40 = 56.25 → 57; 表1: 101–150 is 三级 轻度污染, 橙色 (255,126,0).
		HttpResponse<String> response = get(EMERGENCY,
				"standard=HJ633-2026&report=daily&pm25=78&pm10=120&so2=12&no2=45&co=1.2&o3_8h=40");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
				{ "standard": "HJ 633-2026", "aqi": 117, "level": 3, "category": "轻度污染", "color": "#FF7E00",
				  "primaryPollutants": ["pm25"],
				  "iaqi": { "pm25": 117, "pm10": 100, "so2": 12, "no2": 57, "co": 30, "o3_8h": 20 },
				  "concentrations": { "pm25": 78, "pm10": 120, "so2": 12, "no2": 45, "co": 1.2, "o3_8h": 40 },
				  "valid": true }"""));
	}

	@Test
	void publishesNaWhenAnIndicatorIsMissingAndTheRestIsAtMost100() throws Exception {
		// HJ 633-2026 §5.3.1: with an indicator missing, the AQI is published only above
		// 100. PM2.5 30 alone → IAQI 50·30/35 = 42.9 → 43: NA.
		JsonNode na = JSON.readTree(get(EMERGENCY, "standard=HJ633-2026&report=daily&pm25=30").body());
		assertThat(na.get("aqi").isNull()).isTrue();
		assertThat(na.get("level").isNull()).isTrue();
		assertThat(na.get("category").isNull()).isTrue();
		assertThat(na.get("color").isNull()).isTrue();
		assertThat(na.get("primaryPollutants").isNull()).isTrue();
		assertThat(na.at("/iaqi/pm25").asInt()).isEqualTo(43);
		assertThat(na.get("iaqi").has("pm10")).isTrue();
		assertThat(na.at("/iaqi/pm10").isNull()).isTrue();
		assertThat(na.at("/concentrations/o3_8h").isNull()).isTrue();
		assertThat(na.get("valid").asBoolean()).isFalse();

		// the same rule: PM2.5 78 alone → 117 > 100, published although the rest is NA
		JsonNode published = JSON.readTree(get(EMERGENCY, "standard=HJ633-2026&report=daily&pm25=78").body());
		assertThat(published.get("aqi").asInt()).isEqualTo(117);
		assertThat(published.get("valid").asBoolean()).isFalse();
	}

	@Test
	void indexesParticlesByTheir24HourMovingMeanInThe2012RealTimeReport() throws Exception {
		// HJ 633-2012 §5.1.3 / 表4: the real-time PM IAQI is that of the 24-hour moving
		// mean;
		// the 1-hour values are published without IAQI. 表1: PM2.5 78 in 75–115 → 100 +
		// 50·3/40 = 103.75 → 104 (§6.2 rounds up); PM10 120 in 50–150 → 85; SO₂ 1 h 20 →
		// 6.7 → 7; NO₂ 1 h 50 → 25; CO 1 h 1.0 → 10; O₃ 1 h 100 → 31.25 → 32; O₃ 8 h 90 →
		// 45.
		JsonNode body = JSON.readTree(get(EMERGENCY, "standard=HJ633-2012&report=realtime&pm25=150&pm25_24h=78"
				+ "&pm10=200&pm10_24h=120&so2=20&no2=50&co=1.0&o3=100&o3_8h=90")
			.body());
		assertThat(body.get("standard").asText()).isEqualTo("HJ 633-2012");
		assertThat(body.get("aqi").asInt()).isEqualTo(104);
		assertThat(body.get("level").asInt()).isEqualTo(3);
		assertThat(body.get("primaryPollutants")).containsExactly(JSON.getNodeFactory().textNode("pm25_24h"));
		assertThat(JSON.treeToValue(body.get("iaqi"), Map.class)).containsExactly(Map.entry("so2", 7),
				Map.entry("no2", 25), Map.entry("co", 10), Map.entry("o3", 32), Map.entry("o3_8h", 45),
				Map.entry("pm25_24h", 104), Map.entry("pm10_24h", 85));
		assertThat(body.at("/concentrations/pm25").asInt()).isEqualTo(150);
		assertThat(body.at("/concentrations/pm25_24h").asInt()).isEqualTo(78);
		assertThat(body.get("valid").asBoolean()).isTrue();
	}

	@ParameterizedTest(name = "{0} → 400")
	@CsvSource(delimiter = '|', textBlock = """
			report=daily&pm25=78                                | 'standard' is required
			standard=HJ633-2026&pm25=78                         | 'report' is required
			standard=HJ633-2019&report=daily&pm25=78            | must be HJ633-2026 or HJ633-2012
			standard=HJ633-2026&report=hourly&pm25=78           | must be daily or realtime
			standard=HJ633-2026&report=daily&pm25=78&pm1=3      | unknown parameter 'pm1'
			standard=HJ633-2026&report=daily&pm25=-3            | 'pm25' must not be negative
			standard=HJ633-2026&report=daily&pm25=NaN           | 'pm25' must be a plain decimal number
			standard=HJ633-2026&report=daily&co=abc             | 'co' must be a plain decimal number in mg/m³
			standard=HJ633-2026&report=daily&pm25=1e999999999   | 'pm25' must be a plain decimal number
			standard=HJ633-2026&report=daily&pm25=78&pm25=80    | 'pm25' is given 2 times
			standard=HJ633-2026&report=daily&o3=100             | HJ 633-2026 daily report takes no 'o3'
			standard=HJ633-2026&report=realtime&pm25_24h=78     | HJ 633-2026 realtime report takes no 'pm25_24h'
			standard=HJ633-2026&report=realtime&o3_8h=78        | HJ 633-2026 realtime report takes no 'o3_8h'
			standard=HJ633-2012&report=daily&pm25_24h=78        | HJ 633-2012 daily report takes no 'pm25_24h'
			standard=HJ633-2026&report=daily                    | no concentration given
			""")
	void refusesBadParametersWithAProblem(String query, String detail) throws Exception {
		HttpResponse<String> response = get(EMERGENCY, query);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(response.body()).get("detail").asText()).contains(detail);
	}

	@Test
	void needsAKeyAndIsDescribedInTheOpenApiDocument() throws Exception {
		assertThat(get(null, "standard=HJ633-2026&report=daily&pm25=78").statusCode()).isEqualTo(401);
		HttpResponse<String> docs = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode parameters = JSON.readTree(docs.body()).at("/paths/~1api~1v1~1aqi~1calculate/get/parameters");
		assertThat(parameters.findValuesAsText("name")).contains("standard", "report", "pm25", "o3_8h", "pm25_24h");
	}

	private HttpResponse<String> get(@Nullable String key, String query) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/aqi/calculate?" + query))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (key != null) {
			request.header("X-API-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
