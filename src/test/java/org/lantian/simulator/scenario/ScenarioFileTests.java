package org.lantian.simulator.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.simulator.Link;
import org.lantian.simulator.Plan;
import org.lantian.simulator.SimulatedPoint;
import org.lantian.simulator.TestWorld;
import org.lantian.simulator.model.EventKind;
import org.lantian.simulator.model.PointModel;
import org.lantian.simulator.model.SimulatedEvent;
import org.lantian.simulator.model.StackModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class ScenarioFileTests {

	static Stream<Path> bundledScenarios() throws IOException {
		return Files.list(TestWorld.SCENARIOS).filter((file) -> file.toString().endsWith(".yaml")).sorted();
	}

	@ParameterizedTest
	@MethodSource("bundledScenarios")
	void everyBundledScenarioParsesAgainstTheBundledCatalogue(Path file) {
		Plan plan = ScenarioFile.read(file, TestWorld.catalogue(), TestWorld.CLOCK);
		assertThat(plan.points()).isNotEmpty();
		assertThat(plan.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
	}

	@Test
	void bundledScenariosAreThoseTheSimulatorsDocument() throws IOException {
		assertThat(bundledScenarios().map((file) -> file.getFileName().toString())).containsExactly("e2e.yaml",
				"live.yaml", "sand-dust.yaml", "stack-events.yaml", "winter-episode.yaml");
	}

	@Test
	void liveRunsEverySiteFromNowWithoutEnd() {
		Plan plan = TestWorld.scenario("live.yaml");
		assertThat(plan.start()).isEqualTo(TestWorld.CLOCK.instant());
		assertThat(plan.end()).isNull();
		assertThat(plan.speed()).isEqualTo(1.0);
		assertThat(plan.sampleInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(plan.points()).hasSize(TestWorld.catalogue().size());
		for (SimulatedPoint point : plan.points()) {
			String id = point.model().site().id().value();
			Link expected = (point.model().site().kind() == SiteKind.AMBIENT) ? Link.MQTT_JSON
					: (id.equals("BT-GAS-B1") || id.equals("WH-CHEM-V1")) ? Link.HJ212_MQTT : Link.HJ212_TCP;
			assertThat(point.link()).as(id).isEqualTo(expected);
		}
	}

	@Test
	void winterEpisodeIsAnAcceleratedWinterWeekOfTwoCities() {
		Plan plan = TestWorld.scenario("winter-episode.yaml");
		assertThat(plan.seed()).isEqualTo(20250108L);
		assertThat(plan.start()).isEqualTo(Instant.parse("2025-01-07T16:00:00Z"));
		assertThat(plan.end()).isEqualTo(Instant.parse("2025-01-14T16:00:00Z"));
		assertThat(plan.speed()).isEqualTo(2000.0);
		assertThat(plan.sampleInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(plan.points()).extracting((point) -> point.model().site().city())
			.containsOnly("包头市", "呼和浩特市")
			.hasSize((int) TestWorld.catalogue()
				.sites()
				.stream()
				.filter((site) -> site.city().equals("包头市") || site.city().equals("呼和浩特市"))
				.count());
	}

	@Test
	void selectorsKeepCatalogueOrderAndTheLastLinkWins() {
		Plan plan = read("""
				name: t
				seed: 1
				start: 2025-01-01T00:00:00+08:00
				duration: PT1H
				links: { stack: hj212-mqtt }
				sites:
				  - { id: WH-BOILER-01, link: hj212-tcp }
				  - BT-KDL-01
				  - { city: 乌海市, kind: stack }
				  - { id: WH-COKE-S1, link: mqtt-json }
				""");
		assertThat(plan.points()).extracting((point) -> point.model().site().id().value() + " " + point.link())
			.startsWith("BT-KDL-01 MQTT_JSON")
			.contains("WH-BOILER-01 HJ212_MQTT", "WH-COKE-S1 MQTT_JSON", "WH-CHEM-V1 HJ212_MQTT");
		assertThat(plan.end()).isEqualTo(Instant.parse("2024-12-31T17:00:00Z"));
	}

	@Test
	void eventTimesMayBeRelativeToTheStart() {
		Plan plan = read("""
				name: t
				seed: 1
				start: 2025-01-01T00:00:00+08:00
				sites: [BT-STEEL-S1]
				events:
				  - { type: communication-gap, sites: [BT-STEEL-S1], start: PT1H, duration: PT10M }
				""");
		var model = plan.points().get(0).model();
		assertThat(model.sample(Instant.parse("2025-01-01T01:05:00+08:00"))).isEmpty();
		assertThat(model.sample(Instant.parse("2025-01-01T01:10:00+08:00"))).isPresent();
	}

	@Test
	void reportsEveryProblemWithTheFileAndWhere() {
		assertThatExceptionOfType(InvalidScenarioException.class).isThrownBy(() -> read("""
				name: broken
				seed: 1
				start: yesterday
				speed: -2
				sites:
				  - NO-SUCH-SITE
				  - { city: 上海市 }
				  - { id: BT-KDL-01, link: carrier-pigeon }
				events:
				  - { type: volcano, sites: [BT-KDL-01], start: PT1H, duration: PT1H }
				  - { type: fault, sites: [BT-KDL-01], start: 2025-13-01T00:00:00+08:00, duration: PT1H }
				  - { type: exceedance, sites: [BT-STEEL-S1], start: PT1H, duration: 1 hour, pollutant: so2 }
				  - { type: sand-dust, sites: [BT-STEEL-S1], start: PT1H, duration: PT1H, factor: 2 }
				""")).satisfies((ex) -> {
			assertThat(ex.getMessage()).startsWith("invalid scenario test.yaml: ");
			assertThat(ex.problems()).containsExactlyInAnyOrder(
					"start: not an ISO instant with an offset (e.g. 2025-01-08T00:00:00+08:00): 'yesterday'",
					"speed: must be a positive number: -2",
					"sites[0]: unknown site 'NO-SUCH-SITE' (not in the catalogue)",
					"sites[1]: no site of the catalogue matches city '上海市'",
					"sites[2].link: unknown link 'carrier-pigeon' (mqtt-json, hj212-tcp or hj212-mqtt)",
					"events[0].type: unknown event type 'volcano' (one of heavy-pollution, sand-dust, shutdown, "
							+ "maintenance, calibration, fault, communication-gap, exceedance, flatline, sudden-drop, "
							+ "emission-cut)",
					"events[1].start: not an ISO instant with an offset (e.g. 2025-01-08T00:00:00+08:00): "
							+ "'2025-13-01T00:00:00+08:00'",
					"events[2].duration: not an ISO duration (e.g. PT30S, PT6H, P7D): '1 hour'",
					"events[3].factor: not a parameter of a sand-dust event (it takes peakPm10)",
					"events[3]: a sand-dust event does not apply to stack site BT-STEEL-S1");
		});
	}

	@Test
	void rejectsAnEndBeforeTheStartAndUnknownKeys() {
		assertThatExceptionOfType(InvalidScenarioException.class).isThrownBy(() -> read("""
				name: t
				seed: 1
				start: 2025-01-01T00:00:00+08:00
				end: 2024-01-01T00:00:00+08:00
				sites: all
				colour: blue
				"""))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(2)
				.anySatisfy((problem) -> assertThat(problem).startsWith("end: 2023-12-31T16:00:00Z is not after start"))
				.anySatisfy((problem) -> assertThat(problem).startsWith("colour: unknown key")));
	}

	@Test
	void anEmissionCutOfAnEnterpriseActsOnEveryStackOfItInTheCatalogue() {
		Plan plan = read("""
				name: t
				seed: 1
				start: 2025-01-10T00:00:00+08:00
				duration: PT6H
				sites: [BT-STEEL-S1, BT-STEEL-C1, BT-HEAT-B1]
				events:
				  - { type: emission-cut, enterprises: [BT-STEEL], start: PT1H, duration: PT4H, cut: 0.3 }
				""");
		Instant afterTheRamp = Instant.parse("2025-01-10T03:00:00+08:00");
		StackModel steelUncut = new StackModel(TestWorld.site("BT-STEEL-C1"), 1, List.of());
		StackModel heatUncut = new StackModel(TestWorld.site("BT-HEAT-B1"), 1, List.of());
		// production cut by 30 %: the flow falls by 30 % (± its rounding to whole m³/h)
		assertThat(flow(model(plan, "BT-STEEL-C1"), afterTheRamp)).isCloseTo(0.7 * flow(steelUncut, afterTheRamp),
				within(1.0));
		assertThat(flow(model(plan, "BT-HEAT-B1"), afterTheRamp)).isEqualTo(flow(heatUncut, afterTheRamp));
		SimulatedEvent cut = ((StackModel) model(plan, "BT-STEEL-S1")).events()
			.stream()
			.filter((event) -> event.kind() == EventKind.EMISSION_CUT)
			.findFirst()
			.orElseThrow();
		assertThat(cut.sites()).extracting(SiteId::value)
			.containsExactlyInAnyOrder("BT-STEEL-S1", "BT-STEEL-S2", "BT-STEEL-C1", "BT-STEEL-B1");
		assertThat(cut.magnitude()).isEqualTo(0.3);
		assertThat(cut.end()).isEqualTo(Instant.parse("2025-01-10T05:00:00+08:00"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
							duration: PT1H, cut: 0           | events[0].cut: a fraction between 0 and 1 (both excluded): 0
					duration: PT1H, cut: 1           | events[0].cut: a fraction between 0 and 1 (both excluded): 1
					duration: PT1H, cut: 1.5         | events[0].cut: a fraction between 0 and 1 (both excluded): 1.5
					duration: PT1H, cut: -0.2        | events[0].cut: must be a number not below 0: -0.2
					duration: PT1H, cut: lots        | events[0].cut: must be a number not below 0: "lots"
					duration: PT1H                   | events[0].cut: an emission cut needs its size, a fraction (e.g. 0.3 for 30 %)
					duration: PT1H, cut: 0.3, drop: 1 | events[0].drop: not a parameter of a emission-cut event (it takes cut)
					duration: PT1H, cut: 0.3, pollutant: nox | events[0].pollutant: an emission cut lowers production, so every pollutant; it takes none
					duration: PT1H, cut: 0.3, share: 1 | events[0].share: unknown key (known: cities, cut, drop, duration, end, enterprises, factor, \
					peakPm10, peakPm25, pollutant, sites, start, type)
					""")
	void rejectsAnEmissionCutThatIsNoFractionOrHasForeignKeys(String parameters, String problem) {
		assertThatExceptionOfType(InvalidScenarioException.class).isThrownBy(() -> read("""
				name: t
				seed: 1
				start: 2025-01-10T00:00:00+08:00
				sites: [BT-STEEL-S1]
				events:
				  - { type: emission-cut, sites: [BT-STEEL-S1], start: PT1H, %s }
				""".formatted(parameters))).satisfies((ex) -> assertThat(ex.problems()).containsExactly(problem));
	}

	@Test
	void rejectsAnUnknownEnterpriseAndAnEmissionCutOfAnAmbientStation() {
		assertThatExceptionOfType(InvalidScenarioException.class).isThrownBy(() -> read("""
				name: t
				seed: 1
				start: 2025-01-10T00:00:00+08:00
				sites: all
				events:
				  - { type: emission-cut, enterprises: [NO-SUCH-WORKS], start: PT1H, duration: PT1H, cut: 0.2 }
				  - { type: emission-cut, sites: [BT-KDL-01], start: PT1H, duration: PT1H, cut: 0.2 }
				  - { type: emission-cut, start: PT1H, duration: PT1H, cut: 0.2 }
				"""))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"events[0].enterprises: no site of the catalogue belongs to enterprise 'NO-SUCH-WORKS'",
					"events[1]: a emission-cut event does not apply to ambient site BT-KDL-01",
					"events[2]: names no sites (give sites, cities, enterprises or several)"));
	}

	@Test
	void reportsTheLineOfBrokenYaml() {
		assertThatExceptionOfType(InvalidScenarioException.class).isThrownBy(() -> read("""
				name: t
				sites: [BT-KDL-01
				seed: 1
				""")).withMessageContaining("test.yaml").withMessageContaining("line ");
	}

	private static PointModel model(Plan plan, String id) {
		return TestWorld.model(plan, id);
	}

	private static double flow(PointModel model, Instant at) {
		return model.sample(at).orElseThrow().values().get(Measurand.FLOW).value().doubleValue();
	}

	private static Plan read(String yaml) {
		return ScenarioFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
				TestWorld.catalogue(), TestWorld.CLOCK);
	}

}
