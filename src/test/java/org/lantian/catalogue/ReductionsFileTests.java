package org.lantian.catalogue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.lantian.domain.Measurand;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteKind;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.reduction.PerformanceGrade;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.RequiredCut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReductionsFileTests {

	@Test
	void theBundledListCoversEveryEnterpriseOfTheBundledCatalogue() throws Exception {
		SiteCatalogue catalogue = catalogue();
		ReductionList list = bundled(catalogue);

		assertThat(list.entries()).extracting(ReductionEntry::enterpriseId)
			.containsExactlyInAnyOrderElementsOf(catalogue.sites()
				.stream()
				.filter((s) -> s.kind() == SiteKind.STACK)
				.map((s) -> s.enterprise().id())
				.distinct()
				.toList());
		assertThat(list.entries()).allSatisfy((e) -> assertThat(e.sample()).isTrue());
		ReductionEntry steel = list.entry("BT-STEEL").orElseThrow();
		assertThat(steel.name()).isEqualTo("包钢（集团）公司");
		assertThat(steel.region()).isEqualTo("包头市");
		assertThat(steel.grade()).isEqualTo(PerformanceGrade.B);
		assertThat(steel.stacks()).hasSize(4);
		assertThat(steel.stacks().get(0).kgPerHour()).containsEntry(Measurand.SO2, new BigDecimal("24.9"));
		assertThat(list.entriesOf("乌海市")).extracting(ReductionEntry::enterpriseId)
			.containsExactly("WH-HEAT", "WH-HNCOKE", "WH-WDFEALLOY", "WH-QLSCHEM");
	}

	@Test
	void theBundledCutsAre10To30PercentAndAGradeIsExempt() throws Exception {
		ReductionList list = bundled(catalogue());
		ReductionEntry steel = list.entry("BT-STEEL").orElseThrow();

		// SEEDS-BRIEF §3 (S002): 10 / 20 / 30 %
		assertThat(list.requiredCut(steel, WarningLevel.YELLOW, EpisodeDriver.PM25).percent()).hasValue(BigDecimal.TEN);
		assertThat(list.requiredCut(steel, WarningLevel.ORANGE, EpisodeDriver.PM25).percent())
			.hasValue(new BigDecimal("20"));
		assertThat(list.requiredCut(steel, WarningLevel.RED, EpisodeDriver.PM25).percent())
			.hasValue(new BigDecimal("30"));
		assertThat(list.requiredCut(list.entry("BT-JYPOWER").orElseThrow(), WarningLevel.RED, EpisodeDriver.PM25))
			.isEqualTo(new RequiredCut(java.util.Optional.empty(), "grade A exempt (自主减排)"));
	}

	@Test
	void namesEveryInvalidEntryAndField() throws Exception {
		String yaml = """
				defaults:
				  cuts: {yellow: 10, orange: 20, red: 130}
				grades:
				  - grade: E
				enterprises:
				  - enterprise: BT-STEEL
				    grade: B
				    stacks:
				      - site: BT-JINMENG-V1
				        baseline: {so2: 1}
				  - enterprise: BT-QSHEAT
				    grade: Z
				    stacks:
				      - site: BT-HEAT-B1
				        baseline: {so2: 1}
				  - enterprise: WH-HEAT
				    grade: C
				    stacks:
				      - site: NOPE-1
				        baseline: {so2: 1}
				  - enterprise: BT-DHGAS
				    grade: C
				    stacks:
				      - site: BT-GAS-B1
				        baseline: {nox: 0, sox: 1}
				  - enterprise: BT-JYPOWER
				    grade: A
				    stacks:
				      - site: BT-KDL-01
				        baseline: {so2: 1}
				""";

		assertThatExceptionOfType(InvalidWarningsException.class).isThrownBy(() -> read(yaml, catalogue()))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"defaults.cuts.red: must be a percent in 0..100, got 130",
					"grades[0] (E): unknown performance grade 'E' (expected A, B, C, D, leading or ungraded)",
					"enterprises[0] (BT-STEEL): stacks[0].site: BT-JINMENG-V1 belongs to BT-JINMENG, not BT-STEEL",
					"enterprises[1] (BT-QSHEAT): grade: unknown performance grade 'Z' (expected A, B, C, D, leading or ungraded)",
					"enterprises[2] (WH-HEAT): stacks[0].site: NOPE-1 is not in the site catalogue",
					"enterprises[3] (BT-DHGAS): stacks[0].baseline.sox: unknown pollutant key",
					"enterprises[4] (BT-JYPOWER): stacks[0].site: BT-KDL-01 is not a stack"));
	}

	@Test
	void aZeroBaselineIsNamed() throws Exception {
		String yaml = """
				enterprises:
				  - enterprise: BT-DHGAS
				    grade: C
				    stacks:
				      - site: BT-GAS-B1
				        baseline: {nox: 0}
				""";

		assertThatExceptionOfType(InvalidWarningsException.class).isThrownBy(() -> read(yaml, catalogue()))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"enterprises[0] (BT-DHGAS): stacks[0]: stack BT-GAS-B1: baseline.nox: must be a positive kg/h, got 0"));
	}

	private static ReductionList read(String yaml, SiteCatalogue catalogue) {
		return ReductionsFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
				catalogue);
	}

	static ReductionList bundled(SiteCatalogue catalogue) throws Exception {
		try (InputStream in = ReductionsFileTests.class.getResourceAsStream("/" + ReductionsFile.BUNDLED)) {
			return ReductionsFile.read(in, "bundled", catalogue);
		}
	}

	static SiteCatalogue catalogue() throws Exception {
		try (InputStream in = ReductionsFileTests.class.getResourceAsStream("/" + SiteCatalogueFile.BUNDLED)) {
			return SiteCatalogueFile.read(in, "bundled");
		}
	}

}
