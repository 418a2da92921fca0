package org.lantian.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lantian.domain.SiteCatalogue;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.simulator.Plan;
import org.lantian.simulator.run.RunSettings;
import org.lantian.simulator.run.Runner;
import org.lantian.simulator.scenario.ScenarioFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query of every Grafana dashboard in {@code grafana/dashboards} (issue 8) runs on
 * a real influxd that holds a simulated scenario written through Lantian's own path: the
 * simulator publishes yesterday and today (Beijing time) of two 包头市 stations over MQTT
 * JSON and the 包钢 sinter stack over HJ 212 on MQTT, with an SO₂ exceedance and a
 * calibration (flag C); the aggregator computes the hourly and daily AQI, the rule engine
 * raises alerts, and Lantian copies its meters into InfluxDB. Each panel must have the
 * provisioned data source and a target; each query, with Grafana's macros and the
 * dashboard's variables replaced as Grafana would (a variable takes the first value of
 * its own query, or all of them with "All"), must parse and return at least one series. A
 * misspelt measurement, field or tag therefore fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lantian.airquality.interval=1s", "lantian.airquality.initial-lookback=72h",
				"lantian.rules.tick=1s", "lantian.influx.metrics.step=1s" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class GrafanaDashboardsIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final Path DASHBOARDS = Path.of("grafana", "dashboards");

	private static final String DATASOURCE = "lantian-influxdb";

	/** What Grafana's {@code $__interval} becomes here: small enough for two buckets. */
	private static final String INTERVAL = "10s";

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

	@Autowired
	SiteCatalogue catalogue;

	@Autowired
	HealthEndpoint health;

	@Value("${lantian.influx.database}")
	String database;

	@Test
	void everyPanelQueryReturnsDataFromASimulatedScenario() throws Exception {
		Instant start = LocalDate.now(BEIJING).minusDays(1).atStartOfDay(BEIJING).toInstant();
		Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
		simulate(start, end);
		InfluxdProcess influx = LocalInfrastructure.shared().influxd();
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(influx.count("SELECT count(\"aqi\") FROM \"aqi_daily\" WHERE \"scope\" = 'city'", this.database))
				.as("daily city AQI")
				.isPositive();
			assertThat(influx.count("SELECT count(\"status\") FROM \"alert_event\"", this.database)).as("alert changes")
				.isPositive();
			assertThat(influx.count(
					"SELECT count(\"count\") FROM \"lantian_meter\" WHERE \"meter\" = 'lantian.ingest.messages' AND time > now() - 1m",
					this.database))
				.as("meters written in the last minute")
				.isGreaterThan(20);
		});
		String timeFilter = "time >= " + start.toEpochMilli() + "ms AND time <= "
				+ Instant.now().plusSeconds(60).toEpochMilli() + "ms";

		List<Path> files;
		try (Stream<Path> listing = Files.list(DASHBOARDS)) {
			files = listing.filter((path) -> path.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).extracting((path) -> path.getFileName().toString())
			.contains("lantian-overview.json", "lantian-city.json", "lantian-station.json", "lantian-stacks.json",
					"lantian-ingest-health.json");
		List<String> failures = new ArrayList<>();
		int queries = 0;
		for (Path file : files) {
			JsonNode dashboard = JSON.readTree(file.toFile());
			Map<String, String> variables = new LinkedHashMap<>();
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				String name = variable.path("name").asText();
				String query = substitute(variable.path("query").asText(), timeFilter, variables);
				queries++;
				List<String> values = tagValues(influx, query, failures, file, "variable " + name);
				if (!values.isEmpty()) {
					variables.put(name,
							variable.path("includeAll").asBoolean() ? "("
									+ String.join("|", values.stream().map(GrafanaDashboardsIT::escape).toList()) + ")"
									: escape(values.get(0)));
				}
			}
			assertThat(dashboard.path("panels")).as("panels of %s", file).isNotEmpty();
			for (JsonNode panel : dashboard.path("panels")) {
				String where = file.getFileName() + " panel \"" + panel.path("title").asText() + "\"";
				assertThat(panel.path("datasource").path("uid").asText()).as("data source of %s", where)
					.isEqualTo(DATASOURCE);
				assertThat(panel.path("targets")).as("targets of %s", where).isNotEmpty();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("rawQuery").asBoolean()).as("raw InfluxQL in %s", where).isTrue();
					String query = substitute(target.path("query").asText(), timeFilter, variables);
					queries++;
					check(influx, query, failures, where + " " + target.path("refId").asText());
				}
			}
		}
		assertThat(failures).as("of %d queries", queries).isEmpty();
		assertThat(queries).isGreaterThan(30);
	}

	/**
	 * Replaces Grafana's macros and the dashboard's variables; anything left that looks
	 * like a variable is an error, except the end-of-line anchor of a regex.
	 */
	static String substitute(String query, String timeFilter, Map<String, String> variables) {
		String macros = query.replace("$timeFilter", timeFilter)
			.replace("$__interval", INTERVAL)
			.replace("$interval", INTERVAL);
		Matcher matcher = VARIABLE.matcher(macros);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			if (value == null) {
				throw new AssertionError("unknown variable $" + matcher.group(1) + " in " + query);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(out).toString();
	}

	/**
	 * A value as Grafana's InfluxDB data source puts it into a regex: every metacharacter
	 * and the slash escaped with a backslash.
	 */
	static String escape(String value) {
		return value.replaceAll("[\\\\^$*+?.()|\\[\\]{}/]", "\\\\$0");
	}

	private List<String> tagValues(InfluxdProcess influx, String query, List<String> failures, Path file, String what) {
		JsonNode result = check(influx, query, failures, file.getFileName() + " " + what);
		List<String> values = new ArrayList<>();
		for (JsonNode series : result.path("series")) {
			for (JsonNode row : series.path("values")) {
				values.add(row.path(1).asText());
			}
		}
		return values.stream().distinct().sorted().toList();
	}

	private JsonNode check(InfluxdProcess influx, String query, List<String> failures, String where) {
		JsonNode result;
		try {
			result = JSON.readTree(influx.query(query, this.database)).path("results").path(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (result.has("error")) {
			failures.add(where + ": " + result.path("error").asText() + "\n    " + query);
		}
		else if (result.path("series").isEmpty()) {
			failures.add(where + ": no series\n    " + query);
		}
		return result;
	}

	private void simulate(Instant start, Instant end) throws Exception {
		awaitMqtt();
		long seconds = Duration.between(start, end).toSeconds();
		// SO₂ of the sinter stack at 3 × its corrected limit for two whole hours of
		// yesterday
		Instant exceedance = start.plus(Duration.ofHours(10));
		String scenario = """
				name: grafana
				seed: 8
				start: %s
				duration: PT%dS
				speed: %d
				sampleInterval: PT1M
				sites:
				  - BT-KDL-01
				  - BT-QS-01
				  - { id: BT-STEEL-S1, link: hj212-mqtt }
				events:
				  - type: exceedance
				    sites: [BT-STEEL-S1]
				    start: %s
				    duration: PT2H
				    pollutant: so2
				    factor: 3
				  - type: calibration
				    sites: [BT-STEEL-S1]
				    start: %s
				    duration: PT30M
				""".formatted(start, seconds, Math.max(1, seconds / 40), exceedance,
				exceedance.plus(Duration.ofHours(4)));
		Path file = LocalInfrastructure.shared().newTempDirectory("grafana-scenario-").resolve("grafana.yaml");
		Files.writeString(file, scenario);
		Plan plan = ScenarioFile.read(file, this.catalogue);
		RunSettings settings = RunSettings.of(LocalInfrastructure.shared().mosquitto().url(), "127.0.0.1", 1,
				"grafana-it-" + LocalInfrastructure.randomHex(), null);
		int left = new Runner(plan, settings).run();
		assertThat(left).as("readings the broker did not acknowledge").isZero();
	}

	private void awaitMqtt() {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			HealthComponent mqtt = this.health.healthForPath("mqtt");
			return mqtt != null && Status.UP.equals(mqtt.getStatus());
		});
	}

}
