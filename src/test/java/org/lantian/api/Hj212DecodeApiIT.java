package org.lantian.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/hj212/decode} through the whole application: API key filter,
 * controller, the bundled site catalogue, Jackson.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.api.keys[0].key=" + Hj212DecodeApiIT.BUREAU, "lantian.api.keys[0].role=bureau",
				"lantian.api.keys[1].key=" + Hj212DecodeApiIT.HEAT, "lantian.api.keys[1].role=enterprise",
				"lantian.api.keys[1].enterprise=WH-HEAT",
				"lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class Hj212DecodeApiIT {

	static final String BUREAU = "bureau-key-for-decode-01";

	/** An enterprise key of another enterprise than BT-STEEL's. */
	static final String HEAT = "wh-heat-key-for-decode-1";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** BT-STEEL-S1 of the bundled catalogue; its password is 123456. */
	private static final Hj212Frame STEEL_HOURLY = new Hj212Frame("20260115090000321", "31", "2061", "123456",
			"BTSTEEL0000000000000S001", 5, null, null,
			"DataTime=20260115080000;a21026-Avg=21.35,a21026-Flag=N;a19001-Avg=15.2,a19001-Flag=N");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Test
	void decodesAValidFrameAndNamesItsSite() throws Exception {
		String frame = new Hj212Encoder().encode(STEEL_HOURLY);
		HttpResponse<String> response = post(BUREAU, "text/plain", frame);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("trailer").asText()).isEqualTo("CRLF");
		assertThat(body.at("/site/id").asText()).isEqualTo("BT-STEEL-S1");
		assertThat(body.at("/fields/PW").asText()).isEqualTo("***");
		assertThat(body.at("/flag/version").asText()).isEqualTo("HJ 212-2017");
		assertThat(body.at("/readings/0/period").asText()).isEqualTo("hour");
		assertThat(body.at("/readings/0/time").asText()).isEqualTo("2026-01-15T08:00+08:00");
		assertThat(body.at("/readings/0/values/0/key").asText()).isEqualTo("so2");
		assertThat(body.at("/readings/0/values/0/unit").asText()).isEqualTo("mg/m³");
		assertThat(body.get("problems")).isEmpty();
		assertThat(response.body()).doesNotContain("PW=123456").doesNotContain("\"123456\"");
	}

	@Test
	void reportsEveryProblemOfABrokenFrameWith200() throws Exception {
		String frame = new Hj212Encoder().encode(STEEL_HOURLY);
		String crc = frame.substring(frame.length() - 6, frame.length() - 2);
		String broken = "##0001" + frame.substring(6, frame.length() - 6) + (crc.equals("0000") ? "0001" : "0000");
		HttpResponse<String> response = post(BUREAU, "application/json",
				JSON.writeValueAsString(java.util.Map.of("frame", broken)));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("valid").asBoolean()).isFalse();
		assertThat(body.get("trailer").asText()).isEqualTo("none");
		assertThat(body.at("/crc/expected").asText()).isEqualTo(crc);
		assertThat(body.at("/length/declared").asInt()).isEqualTo(1);
		assertThat(body.get("problems").findValuesAsText("code")).containsExactly("NO_TRAILER", "BAD_LENGTH",
				"BAD_CRC");
		assertThat(body.at("/problems/1/offset").asInt()).isEqualTo(2);
	}

	@Test
	void showsTheSiteOnlyToKeysThatMayReadIt() throws Exception {
		HttpResponse<String> response = post(HEAT, "text/plain", new Hj212Encoder().encode(STEEL_HOURLY));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("site").isNull()).isTrue();
		assertThat(body.get("problems").findValuesAsText("code")).contains("UNKNOWN_SITE");
	}

	@Test
	void refusesEmptyAndOversizedBodiesAndMissingKeys() throws Exception {
		HttpResponse<String> empty = post(BUREAU, "text/plain", "");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(post(BUREAU, "text/plain", "#".repeat(64 * 1024 + 1)).statusCode()).isEqualTo(413);
		assertThat(post(BUREAU, "application/json", "{\"frames\": 1}").statusCode()).isEqualTo(400);
		assertThat(post(null, "text/plain", "##0000").statusCode()).isEqualTo(401);
	}

	@Test
	void isDescribedInTheOpenApiDocument() throws Exception {
		HttpResponse<String> docs = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(JSON.readTree(docs.body()).at("/paths").has("/api/v1/hj212/decode")).isTrue();
	}

	private HttpResponse<String> post(String key, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/hj212/decode"))
			.header("Content-Type", contentType)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
