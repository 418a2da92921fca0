package org.lantian.catalogue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.lantian.domain.warning.AqiSeries;
import org.lantian.domain.warning.JointZone;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.WarningScheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WarningsFileTests {

	@Test
	void theBundledFileHoldsTheNationalSchemesAsTheDomainDefinesThem() throws Exception {
		WarningRules rules = bundled();

		// the file's schemes are the same data as the domain's constants (STANDARDS §4.1,
		// §4.2)
		assertThat(rules.schemes().scheme("mee-2024").orElseThrow().levels())
			.isEqualTo(WarningScheme.mee2024().levels());
		assertThat(rules.schemes().scheme("three-level-2019").orElseThrow().levels())
			.isEqualTo(WarningScheme.threeLevel2019().levels());
		assertThat(rules.schemes().scheme("four-level-2017").orElseThrow().levels())
			.isEqualTo(WarningScheme.fourLevel2017().levels());
		assertThat(rules.releaseAfter()).isEqualTo(Duration.ofHours(36));
	}

	@Test
	void innerMongoliaKeptThe2019SchemeUntilIts2024Plan() throws Exception {
		WarningRules rules = bundled();

		assertThat(rules.schemes().schemeFor("包头市", LocalDate.of(2024, 4, 24)).id()).isEqualTo("three-level-2019");
		assertThat(rules.schemes().schemeFor("包头市", LocalDate.of(2024, 4, 25)).id()).isEqualTo("mee-2024");
		assertThat(rules.schemes().schemeFor("北京市", LocalDate.of(2024, 1, 23)).id()).isEqualTo("mee-2024");
		assertThat(rules.schemes().schemeFor("包头市", LocalDate.of(2018, 1, 1)).id()).isEqualTo("four-level-2017");
		// one forecast day at 230: yellow under 2024, nothing under 2019
		AqiSeries oneDay = AqiSeries.daily(LocalDate.of(2024, 4, 24), 230);
		assertThat(rules.grade("包头市", LocalDate.of(2024, 4, 24), oneDay).level()).isEqualTo(WarningLevel.NONE);
		assertThat(rules.grade("包头市", LocalDate.of(2024, 4, 25), oneDay).level()).isEqualTo(WarningLevel.YELLOW);
	}

	@Test
	void theJointZonesOfThe2020Plan() throws Exception {
		assertThat(bundled().jointZones().zones()).extracting(JointZone::name).containsExactly("呼包巴达准", "乌海及周边");
		assertThat(bundled().jointZones().zones().get(0).members()).containsExactly("呼和浩特市", "包头市", "巴彦淖尔市", "达拉特旗",
				"准格尔旗");
	}

	@Test
	void namesEveryInvalidEntryAndField() {
		String yaml = """
				schemes:
				  - id: bad
				    levels:
				      - level: purple
				        anyOf: [[{above: 200, days: 1}]]
				  - id: worse
				    levels:
				      - level: yellow
				        anyOf: [[{above: 200, atLeast: 300, days: 1}]]
				  - id: ok
				    levels:
				      - level: yellow
				        anyOf: [[{above: 600, days: 1}]]
				adoptions:
				  - scheme: ok
				    from: 2024-13-01
				jointZones:
				  - name: lonely
				    members: [包头市]
				""";

		assertThatExceptionOfType(InvalidWarningsException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"schemes[0] (bad): levels[0].level: unknown warning level 'purple' (expected none, blue, yellow, orange or red)",
					"schemes[1] (worse): levels[0] (yellow).anyOf[0][0].above/atLeast: give exactly one threshold",
					"schemes[2] (ok): levels[0] (yellow).anyOf[0][0].threshold: 600 is outside the AQI range 0..500",
					"adoptions[0] (ok): from: '2024-13-01' is not a date (yyyy-mm-dd)",
					"jointZones[0] (lonely): zone lonely: members: a zone needs at least two members"));
	}

	@Test
	void checksTheSchemesAgainstTheAdoptions() {
		String yaml = """
				schemes:
				  - id: ok
				    levels:
				      - level: yellow
				        anyOf: [[{above: 200, days: 1}]]
				adoptions:
				  - scheme: nope
				    from: 2024-01-01
				""";

		assertThatExceptionOfType(InvalidWarningsException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("adoptions[0].scheme: unknown scheme 'nope' (known: [ok])"));
	}

	@Test
	void unknownFieldsAndEmptyFilesAreErrors() {
		assertThatExceptionOfType(InvalidWarningsException.class).isThrownBy(() -> read("schemes: []\n"))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("no schemes: the file must have a non-empty 'schemes:' list"));
		assertThatExceptionOfType(InvalidWarningsException.class).isThrownBy(() -> read("scheme: []\n"))
			.satisfies((ex) -> assertThat(ex.problems().get(0)).startsWith("scheme: Unrecognized field \"scheme\""));
	}

	private static WarningRules read(String yaml) {
		return WarningsFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
	}

	static WarningRules bundled() throws Exception {
		try (InputStream in = WarningsFileTests.class.getResourceAsStream("/" + WarningsFile.BUNDLED)) {
			return WarningsFile.read(in, "bundled");
		}
	}

}
