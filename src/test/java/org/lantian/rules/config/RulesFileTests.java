package org.lantian.rules.config;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.catalogue.SiteCatalogueFile;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.evaluation.FlagRule;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class RulesFileTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static SiteCatalogue catalogue() throws Exception {
		try (InputStream in = RulesFileTests.class.getClassLoader().getResourceAsStream(SiteCatalogueFile.BUNDLED)) {
			return SiteCatalogueFile.read(in, SiteCatalogueFile.BUNDLED);
		}
	}

	@Test
	void theBundledRulesAreValid() throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/rules.yaml")) {
			List<RuleDefinition> rules = RulesFile.read(in, "rules.yaml", catalogue(), ZONE);
			assertThat(rules).extracting(RuleDefinition::id)
				.contains("stack-hourly-exceedance", "nh3-slip", "no-data-15m", "fault-flag", "maintenance-over-2h",
						"stopped-while-producing", "heavy-pollution-day");
		}
	}

	@Test
	void namesEveryProblemByRuleAndField() throws Exception {
		String yaml = """
				rules:
				  - id: nh3-slip
				    type: threshold
				    severity: high
				    parameters: { key: nh3, above: eight }
				  - id: typo
				    type: treshold
				    severity: urgent
				  - id: flat
				    type: flat-line
				    severity: low
				    appliesTo: { kinds: [chimney], cities: [Atlantis] }
				    parameters: { key: so2, samples: 5 }
				  - id: nodata
				    type: no-data
				    severity: low
				    parameters: { after: 15m, aftr: 5m }
				  - id: nh3-slip
				    type: threshold
				    severity: high
				    clearMargin: 1.5
				    parameters: { key: nh3, above: 8 }
				""";
		assertThatThrownBy(() -> read(yaml)).isInstanceOf(InvalidRulesException.class)
			.satisfies((ex) -> assertThat(((InvalidRulesException) ex).problems()).containsExactly(
					"rules[0] 'nh3-slip': parameters.above: must be a number, was 'eight'",
					"rules[1] 'typo': type: unknown type 'treshold' (one of threshold, hourly-exceedance, sustained, "
							+ "rolling-mean, rate-of-change, no-data, flat-line, flag, ambient-limit, "
							+ "heavy-pollution-day)",
					"rules[1] 'typo': severity: unknown severity 'urgent' (one of low, medium, high, critical)",
					// a city this catalogue lacks only matches nothing (the same file
					// serves every
					// catalogue); a kind that does not exist is a mistake
					"rules[2] 'flat': appliesTo.kinds: 'chimney' is not a site kind (one of ambient, stack)",
					"rules[3] 'nodata': parameters.aftr: unknown parameter (known: after, keys)",
					"rules[4] 'nh3-slip': clearMargin: must be a fraction in [0, 1) (0.05 = 5 %), was '1.5'"));
	}

	@Test
	void refusesADuplicateIdAndAFileWithoutRules() {
		assertThatThrownBy(() -> read("""
				rules:
				  - { id: a, type: no-data, severity: low, parameters: { after: 5m } }
				  - { id: a, type: no-data, severity: low, parameters: { after: 6m } }
				""")).hasMessageContaining("rules[1] 'a': id: duplicate id 'a'");
		assertThatThrownBy(() -> read("sites: []")).hasMessageContaining("no 'rules:' list");
	}

	// the bundled catalogue's design flows are the simulator's full-load flows: 10 % of
	// them is what the per-industry flowAbove values of the bundled rules used to be
	@ParameterizedTest(name = "{0}: production above {1} m³/h")
	@CsvSource(textBlock = """
			BT-POWER-01,     110000
			BT-STEEL-S1,     160000
			BT-STEEL-C1,     26000
			BT-GAS-B1,       3000
			BT-HEAT-B1,      18000
			BT-JINMENG-V1,   3800
			""")
	void theBundledStoppedWhileProducingRuleTakesTenPercentOfEachDesignFlow(String site, BigDecimal threshold)
			throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/rules.yaml")) {
			RuleDefinition rule = RulesFile.read(in, "rules.yaml", catalogue(), ZONE)
				.stream()
				.filter((definition) -> definition.id().equals("stopped-while-producing"))
				.findFirst()
				.orElseThrow();
			assertThat(flagRule(rule).productionThreshold(catalogue().find(SiteId.of(site)).orElseThrow()))
				.hasValueSatisfying((value) -> assertThat(value).isEqualByComparingTo(threshold));
		}
	}

	@Test
	void watchesProductionAtTenPercentOfTheDesignFlowUnlessTold() throws Exception {
		List<RuleDefinition> rules = read(
				"""
						rules:
						  - { id: share, type: flag, severity: high, parameters: { flags: [F], whileProducing: true } }
						  - { id: quarter, type: flag, severity: high, parameters: { flags: [F], flowShare: 0.25 } }
						  - { id: fixed, type: flag, severity: high, parameters: { flags: [F], flowAbove: 5000, flowShare: 0.5 } }
						  - { id: plain, type: flag, severity: high, parameters: { flags: [F] } }
						""");
		Site power = catalogue().find(SiteId.of("BT-POWER-01")).orElseThrow();

		assertThat(rules).extracting((rule) -> flagRule(rule).productionThreshold(power).map(BigDecimal::intValueExact))
			.containsExactly(Optional.of(110000), Optional.of(275000), Optional.of(5000), Optional.empty());
		assertThat(flagRule(rules.get(3)).watchesProduction()).isFalse();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					flowShare: 0       | parameters.flowShare: must be a fraction in (0, 1] of the site's designFlow (0.1 = 10 %), was 0
					flowShare: 1.5     | parameters.flowShare: must be a fraction in (0, 1] of the site's designFlow (0.1 = 10 %), was 1.5
					flowShare: -0.1    | parameters.flowShare: must be a fraction in (0, 1] of the site's designFlow (0.1 = 10 %), was -0.1
					flowShare: ten     | parameters.flowShare: must be a number, was 'ten'
					flowAbove: -1      | parameters.flowAbove: must not be negative, was -1 (m³/h)
					whileProducing: 1  | parameters.whileProducing: must be true or false, was '1'
					whileProducing: false, flowShare: 0.1 | parameters.whileProducing: false contradicts flowShare, which only apply while watching production
					whileProducing: false, flowAbove: 5000 | parameters.whileProducing: false contradicts flowAbove, which only apply while watching production
					flowshare: 0.1     | parameters.flowshare: unknown parameter (known: flags, flowAbove, flowShare, keys, longerThan, whileProducing)
					""")
	void namesAWrongFlowParameter(String parameters, String problem) {
		assertThatThrownBy(() -> read("""
				rules:
				  - { id: f, type: flag, severity: high, parameters: { flags: [F], %s } }
				""".formatted(parameters))).isInstanceOf(InvalidRulesException.class)
			.satisfies((ex) -> assertThat(((InvalidRulesException) ex).problems())
				.containsExactly("rules[0] 'f': " + problem));
	}

	@Test
	void warnsOfStacksThatAShareCannotJudge(CapturedOutput output) throws Exception {
		SiteCatalogue catalogue = SiteCatalogueFile.read(new ByteArrayInputStream(
				"""
						sites:
						  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, designFlow: 30000 }
						  - { id: S-2, name: t, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e } }
						  - { id: A-1, name: a, kind: ambient, city: 包头市, district: 昆都仑区 }
						"""
					.getBytes(StandardCharsets.UTF_8)),
				"test-sites.yaml");
		RulesFile.read(new ByteArrayInputStream("""
				rules:
				  - { id: share, type: flag, severity: high, parameters: { flags: [F], flowShare: 0.1 } }
				  - { id: fixed, type: flag, severity: high, parameters: { flags: [F], flowAbove: 3000 } }
				""".getBytes(StandardCharsets.UTF_8)), "test.yaml", catalogue, ZONE);

		assertThat(output)
			.contains("rule 'share' judges flags while the flow shows production as a share of the"
					+ " design flow; 1 stack(s) of the catalogue have no designFlow and get no such judgement: S-2")
			.doesNotContain("rule 'fixed' judges");
	}

	private static FlagRule flagRule(RuleDefinition rule) {
		return (FlagRule) rule.type().create(rule, ZONE, OxygenCorrection.standard());
	}

	private static List<RuleDefinition> read(String yaml) throws Exception {
		return RulesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", catalogue(),
				ZONE);
	}

}
