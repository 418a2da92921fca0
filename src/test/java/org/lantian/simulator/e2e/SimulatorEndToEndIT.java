package org.lantian.simulator.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.lantian.catalogue.SiteCatalogueFile;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;
import org.lantian.infra.FreePort;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LantianProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.simulator.Link;
import org.lantian.simulator.Plan;
import org.lantian.simulator.SimulatedPoint;
import org.lantian.simulator.link.LinkCounters;
import org.lantian.simulator.model.PointModel;
import org.lantian.simulator.run.RunSettings;
import org.lantian.simulator.run.Runner;
import org.lantian.simulator.scenario.ScenarioFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator against the real stack (issue 4): Lantian in its own JVM with a catalogue
 * of four sites, real mosquitto and influxd; an accelerated plan sends over MQTT JSON, HJ
 * 212 over TCP and HJ 212 over MQTT, and every simulated sample, minute and hour value is
 * a point in InfluxDB, also when Lantian goes away in the middle of the run.
 */
class SimulatorEndToEndIT {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** 2026-02-01 00:00 in Asia/Shanghai. */
	private static final Instant START = Instant.parse("2026-01-31T16:00:00Z");

	private static final Duration SAMPLE = Duration.ofSeconds(30);

	private static final String CATALOGUE = """
			sites:
			  - { id: SIM-A1, name: 仿真站一, kind: ambient, city: 包头市, district: 昆都仑区, keyRegion: true }
			  - { id: SIM-A2, name: 仿真站二, kind: ambient, city: 包头市, district: 青山区, keyRegion: true }
			  - id: SIM-S1
			    name: 仿真烟囱一
			    kind: stack
			    city: 包头市
			    district: 昆都仑区
			    keyRegion: true
			    enterprise: { id: SIM-ENT, name: 仿真企业 }
			    industry: power
			    fuel: coal
			    referenceO2: 6
			    hj212: { mn: "SIMSTACK0000000000000001", password: "123456" }
			  - id: SIM-S2
			    name: 仿真烟囱二
			    kind: stack
			    city: 包头市
			    district: 昆都仑区
			    keyRegion: true
			    enterprise: { id: SIM-ENT, name: 仿真企业 }
			    industry: power
			    fuel: coal
			    referenceO2: 6
			    hj212: { mn: "SIMSTACK0000000000000002", password: "654321", units: { a21026: "ug/m3" } }
			""";

	private static final Map<String, Link> LINKS = Map.of("SIM-A1", Link.MQTT_JSON, "SIM-A2", Link.MQTT_JSON, "SIM-S1",
			Link.HJ212_TCP, "SIM-S2", Link.HJ212_MQTT);

	@Test
	void everySimulatedReadingOfAnAcceleratedPlanIsStored() throws Exception {
		Stack stack = Stack.start();
		try {
			Instant end = START.plus(Duration.ofHours(2));
			Runner runner = new Runner(stack.plan(end, 7200), stack.settings());

			int left = runner.run();

			assertThat(left).isZero();
			stack.assertEverythingStored(end, runner.counters());
		}
		finally {
			stack.lantian.stop();
		}
	}

	@Test
	void consecutiveUnpacedWindowsDeliverWhatOneRunWould() throws Exception {
		Stack stack = Stack.start();
		try {
			Instant end = START.plus(Duration.ofHours(2));
			Plan plan = stack.plan(end, 1);
			Runner last = null;
			// as a test that advances its clock an hour at a time replays each step
			for (Instant from = START; from.isBefore(end); from = from.plus(Duration.ofHours(1))) {
				last = new Runner(plan.window(from, from.plus(Duration.ofHours(1))), stack.settings());
				assertThat(last.run()).isZero();
			}
			stack.assertEverythingStored(end, Objects.requireNonNull(last).counters());
		}
		finally {
			stack.lantian.stop();
		}
	}

	@Test
	void loggersAndTheBrokerKeepWhatLantianMissedWhileItWasAway() throws Exception {
		Stack stack = Stack.start();
		try {
			Instant end = START.plus(Duration.ofHours(3));
			Runner runner = new Runner(stack.plan(end, 1800), stack.settings());
			CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
				try {
					return runner.run();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			// some is stored, then the service (and its HJ 212 listener) goes away
			await().atMost(Duration.ofSeconds(60))
				.until(() -> stack.count("so2", "SIM-S1", "sample", START, end) >= 20);
			stack.lantian.kill();
			// the loggers fail to connect and hold the run back; the broker keeps the
			// rest
			await().atMost(Duration.ofSeconds(30))
				.until(() -> runner.counters().of(Link.HJ212_TCP).queued() > runner.counters()
					.of(Link.HJ212_TCP)
					.acked());
			TimeUnit.SECONDS.sleep(5);
			stack.lantian.start();

			assertThat(run.get(5, TimeUnit.MINUTES)).isZero();
			assertThat(runner.counters().of(Link.HJ212_TCP).resent()).isPositive();
			stack.assertEverythingStored(end, runner.counters());
		}
		finally {
			stack.lantian.stop();
		}
	}

	@Test
	void theE2eScenarioWithTheRealModelsIsDeliveredCompletely() throws Exception {
		Stack stack = Stack.start(null);
		try {
			Plan plan = ScenarioFile.read(Path.of("simulators", "scenarios", "e2e.yaml"), stack.catalogue());
			Runner runner = new Runner(plan, stack.settings());

			int left = runner.run();

			assertThat(left).isZero();
			Instant end = Objects.requireNonNull(plan.end());
			for (SimulatedPoint point : plan.points()) {
				String site = point.model().site().id().value();
				Map<String, Long> expected = expectedPoints(plan, point);
				Map<String, Long> stored = new LinkedHashMap<>();
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					for (String period : expected.keySet()) {
						// flags is written with every point (docs/storage.md)
						stored.put(period, stack.count("flags", site, period, plan.start(), end));
					}
					assertThat(stored).as(site).isEqualTo(expected);
				});
			}
		}
		finally {
			stack.lantian.stop();
		}
	}

	/**
	 * What a point of the plan sends: every sample its model gives, and a minute and an
	 * hour value for every minute and hour with at least one sample.
	 */
	private static Map<String, Long> expectedPoints(Plan plan, SimulatedPoint point) {
		Set<Instant> minutes = new HashSet<>();
		Set<Instant> hours = new HashSet<>();
		long samples = 0;
		for (Instant at = plan.start(); at.isBefore(plan.end()); at = at.plus(plan.sampleInterval())) {
			if (point.model().sample(at).isPresent()) {
				samples++;
				minutes.add(at.truncatedTo(ChronoUnit.MINUTES));
				hours.add(at.truncatedTo(ChronoUnit.HOURS));
			}
		}
		Map<String, Long> expected = new LinkedHashMap<>();
		expected.put("sample", samples);
		expected.put("minute", (long) minutes.size());
		expected.put("hour", (long) hours.size());
		return expected;
	}

	/**
	 * Lantian on a catalogue of the four sites, a database and topic prefix of its own.
	 */
	private record Stack(LantianProcess lantian, InfluxdProcess influxd, String database, SiteCatalogue catalogue,
			String topicPrefix, int hj212Port, String mqttUrl) {

		static Stack start() throws IOException {
			return start(CATALOGUE);
		}

		/**
		 * @param catalogueYaml the sites, or {@code null} for the bundled catalogue
		 */
		static Stack start(@Nullable String catalogueYaml) throws IOException {
			LocalInfrastructure infrastructure = LocalInfrastructure.shared();
			String database = LocalInfrastructure.newDatabaseName();
			Path directory = infrastructure.newTempDirectory("simulator-e2e-");
			Path catalogueFile = directory.resolve("sites.yaml");
			if (catalogueYaml != null) {
				Files.writeString(catalogueFile, catalogueYaml, StandardCharsets.UTF_8);
			}
			SiteCatalogue catalogue;
			try (InputStream in = (catalogueYaml != null) ? Files.newInputStream(catalogueFile)
					: SiteCatalogueFile.class.getClassLoader().getResourceAsStream(SiteCatalogueFile.BUNDLED)) {
				catalogue = SiteCatalogueFile.read(Objects.requireNonNull(in, "catalogue"), "sites.yaml");
			}
			String prefix = "it-sim-" + LocalInfrastructure.randomHex() + "/v1";
			int hj212Port = FreePort.find();
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("lantian.mqtt.url", infrastructure.mosquitto().url());
			properties.put("lantian.mqtt.client-id", "lantian-sim-it-" + LocalInfrastructure.randomHex());
			properties.put("lantian.mqtt.topic-prefix", prefix);
			properties.put("lantian.influx.url", infrastructure.influxd().url());
			properties.put("lantian.influx.database", database);
			properties.put("lantian.spool.dir", directory.resolve("spool").toString());
			properties.put("lantian.deadletters.dir", directory.resolve("deadletters").toString());
			properties.put("lantian.hj212.port", Integer.toString(hj212Port));
			if (catalogueYaml != null) {
				properties.put("lantian.sites", catalogueFile.toString());
			}
			LantianProcess lantian = new LantianProcess(FreePort.find(), properties,
					Path.of("target", "it-logs", "lantian-simulator-" + database + ".log"));
			lantian.start();
			return new Stack(lantian, infrastructure.influxd(), database, catalogue, prefix, hj212Port,
					infrastructure.mosquitto().url());
		}

		Plan plan(Instant end, double speed) {
			List<SimulatedPoint> points = new ArrayList<>();
			for (Site site : this.catalogue.sites()) {
				points.add(new SimulatedPoint(new SteadyModel(site), LINKS.get(site.id().value())));
			}
			return new Plan("simulator-e2e", 42, START, end, speed, SAMPLE, points);
		}

		RunSettings settings() {
			return new RunSettings(this.mqttUrl, "127.0.0.1", this.hj212Port, this.topicPrefix,
					"sim-it-" + LocalInfrastructure.randomHex(), null, SHANGHAI, 10_000, 16, Duration.ofSeconds(5),
					Duration.ofSeconds(60), Duration.ofSeconds(2));
		}

		long count(String field, String site, String period, Instant from, Instant to) {
			return this.influxd.count("SELECT count(\"" + field + "\") FROM reading WHERE site='" + site
					+ "' AND period='" + period + "' AND time >= '" + from + "' AND time < '" + to + "'",
					this.database);
		}

		/**
		 * Every sample, minute and hour of every site: 120 samples, 60 minutes and 1 hour
		 * an hour.
		 */
		void assertEverythingStored(Instant end, LinkCounters counters) {
			long hours = Duration.between(START, end).toHours();
			Map<String, Long> expected = new LinkedHashMap<>();
			Map<String, Long> stored = new LinkedHashMap<>();
			for (Site site : this.catalogue.sites()) {
				String field = (site.kind() == SiteKind.STACK) ? "so2" : "pm25";
				String id = site.id().value();
				expected.put(id + " sample", hours * 120);
				expected.put(id + " minute", hours * 60);
				expected.put(id + " hour", hours);
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					for (String period : List.of("sample", "minute", "hour")) {
						stored.put(id + " " + period, count(field, id, period, START, end));
					}
					assertThat(stored).containsAllEntriesOf(
							Map.of(id + " sample", hours * 120, id + " minute", hours * 60, id + " hour", hours));
				});
			}
			assertThat(stored).isEqualTo(expected);
			// the corrected hour mean of a stack is stored beside its mean (HJ 212
			// -ZsAvg)
			assertThat(this.influxd.count("SELECT count(\"so2_zs\") FROM reading WHERE site='SIM-S1' AND period='hour'",
					this.database))
				.isEqualTo(hours);
			assertThat(counters.of(Link.MQTT_JSON).acked()).isEqualTo(counters.of(Link.MQTT_JSON).queued());
			assertThat(counters.of(Link.HJ212_TCP).acked()).isEqualTo(counters.of(Link.HJ212_TCP).queued());
			assertThat(counters.of(Link.HJ212_MQTT).acked()).isEqualTo(counters.of(Link.HJ212_MQTT).queued());
		}

	}

	/**
	 * Deterministic values that change every sample: a ramp by the minute of the day, and
	 * a calibration (C) of the stack's SO₂ in the first ten minutes of every hour.
	 */
	private record SteadyModel(Site site) implements PointModel {

		@Override
		public Optional<Reading> sample(Instant time) {
			long step = (time.getEpochSecond() / 30) % 2880;
			BigDecimal value = BigDecimal.valueOf(10 + step % 97, 1).add(BigDecimal.TEN);
			Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
			if (this.site.kind() == SiteKind.STACK) {
				DataFlag flag = (time.atZone(SHANGHAI).getMinute() < 10) ? DataFlag.C : DataFlag.N;
				values.put(Measurand.SO2,
						new Measurement(value, flag, Map.of(Statistic.CORRECTED, value.add(BigDecimal.ONE))));
				values.put(Measurand.O2, Measurement.of("12.5", DataFlag.N));
				values.put(Measurand.FLOW, Measurement.of("360000", DataFlag.N));
			}
			else {
				values.put(Measurand.PM25, new Measurement(value, DataFlag.N));
				values.put(Measurand.CO, Measurement.of("0.8", DataFlag.N));
			}
			return Optional.of(new Reading(this.site.id(), time, ReadingPeriod.SAMPLE, values));
		}

	}

}
