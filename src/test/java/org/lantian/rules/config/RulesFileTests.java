package org.lantian.rules.config;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.catalogue.SiteCatalogueFile;
import org.lantian.domain.SiteCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
						"heavy-pollution-day");
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

	private static List<RuleDefinition> read(String yaml) throws Exception {
		return RulesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", catalogue(),
				ZONE);
	}

}
