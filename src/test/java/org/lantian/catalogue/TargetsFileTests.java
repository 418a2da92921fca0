package org.lantian.catalogue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.evaluation.AirQualityTarget;
import org.lantian.domain.evaluation.AirQualityTargets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetsFileTests {

	@Test
	void readsTheBundledTargetsOfTheSeeds() throws Exception {
		AirQualityTargets targets = bundled();

		assertThat(targets.all()).extracting(AirQualityTarget::area).containsExactly("全区", "乌海市及周边地区", "巴彦淖尔市");
		// SEEDS-BRIEF §2.1 A1–A3 (S004)
		assertThat(targets.find("全区", 2025)).hasValueSatisfying((target) -> {
			assertThat(target.goodDaysPercentAtLeast()).hasValue(new BigDecimal("90.7"));
			assertThat(target.heavyDaysPercentAtMost()).hasValue(new BigDecimal("0.5"));
			assertThat(target.pm25ChangePercentAtMost()).hasValue(new BigDecimal("-7.1"));
			assertThat(target.members()).hasSize(12).contains("包头市", "阿拉善盟");
			assertThat(target.baseline()).hasValueSatisfying((base) -> assertThat(base.year()).isEqualTo(2020));
			assertThat(target.source()).isEqualTo("S004");
		});
		// A4–A6 (S004)
		assertThat(targets.find("乌海市及周边地区", 2025)).hasValueSatisfying((target) -> {
			assertThat(target.goodDaysPercentAtLeast()).hasValue(new BigDecimal("82.8"));
			assertThat(target.heavyDaysPercentAtMost()).hasValue(new BigDecimal("0.2"));
			assertThat(target.pm25ChangePercentAtMost()).hasValue(new BigDecimal("-12.6"));
			assertThat(target.pm10ChangePercentAtMost()).hasValue(new BigDecimal("-10.5"));
		});
		// A7, A8 (S001 表1), baseline A9
		assertThat(targets.find("巴彦淖尔市", 2025)).hasValueSatisfying((target) -> {
			assertThat(target.isCity()).isTrue();
			assertThat(target.goodDaysPercentAtLeast()).hasValue(new BigDecimal("87.4"));
			assertThat(target.pm25AnnualMeanAtMost()).hasValue(new BigDecimal("29"));
			assertThat(target.baseline().orElseThrow().pm25()).hasValue(new BigDecimal("33"));
			assertThat(target.baseline().orElseThrow().goodDaysPercent()).hasValue(new BigDecimal("84.1"));
			assertThat(target.quote()).contains("87.4");
		});
	}

	@Test
	void namesTheMemberCitiesWithoutAStationInTheCatalogue() throws Exception {
		SiteCatalogue catalogue;
		try (InputStream in = getClass().getResourceAsStream("/" + SiteCatalogueFile.BUNDLED)) {
			catalogue = SiteCatalogueFile.read(in, "bundled");
		}

		// the bundled network has ambient stations in 6 of the 12 盟市
		assertThat(TargetsFile.unknownCities(bundled(), catalogue)).containsExactly("赤峰市", "通辽市", "呼伦贝尔市", "乌兰察布市",
				"兴安盟", "锡林郭勒盟");
	}

	@Test
	void reportsEveryInvalidEntryByPositionAndArea() {
		String yaml = """
				targets:
				  - { area: 巴彦淖尔市, year: 2025, goodDaysPercentAtLeast: 87.4, source: S001 }
				  - { area: 全区, year: 2025, goodDaysPercentAtLeast: 190.7, source: S004 }
				  - { area: 乌海市, year: 2025, source: S004 }
				  - { year: 2025, goodDaysPercentAtLeast: 80, source: S004 }
				  - { area: 包头市, goodDaysPercentAtLeast: 80, source: S000 }
				  - { area: 呼和浩特市, year: 2025, goodDaysPercentAtLeast: 80 }
				  - { area: 鄂尔多斯市, year: 2025, pm25ChangePercentAtMost: -5, baseline: { pm25: 30 }, source: S004 }
				""";
		assertThatExceptionOfType(InvalidTargetsException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"targets[1] (全区): 全区: good-days ratio target out of 0–100 %: 190.7",
					"targets[2] (乌海市): 乌海市: a target needs at least one criterion", "targets[3]: no area",
					"targets[4] (包头市): no year", "targets[5] (呼和浩特市): 呼和浩特市: no source",
					"targets[6] (鄂尔多斯市): baseline has no year"));
	}

	@Test
	void refusesTwoTargetsForOneAreaAndYear() {
		String yaml = """
				targets:
				  - { area: 巴彦淖尔市, year: 2025, goodDaysPercentAtLeast: 87.4, source: S001 }
				  - { area: 巴彦淖尔市, year: 2025, pm25AnnualMeanAtMost: 29, source: S001 }
				""";
		assertThatExceptionOfType(InvalidTargetsException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("two targets for 巴彦淖尔市 in 2025");
	}

	@Test
	void namesTheLineOfAnUnknownPropertyOrABadNumber() {
		assertThatExceptionOfType(InvalidTargetsException.class).isThrownBy(() -> read("""
				targets:
				  - { area: 巴彦淖尔市, year: 2025, goodDaysRatio: 87.4, source: S001 }
				""")).withMessageContaining("goodDaysRatio").withMessageContaining("line 2");
		assertThatExceptionOfType(InvalidTargetsException.class).isThrownBy(() -> read("""
				targets:
				  - { area: 巴彦淖尔市, year: 2025, goodDaysPercentAtLeast: "87.4 %", source: S001 }
				""")).withMessageContaining("targets[0].goodDaysPercentAtLeast: ").withMessageContaining("line 2");
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatExceptionOfType(InvalidTargetsException.class).isThrownBy(() -> read("targets: []\n"))
			.withMessageContaining("non-empty 'targets:' list");
	}

	private AirQualityTargets bundled() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/" + TargetsFile.BUNDLED)) {
			return TargetsFile.read(in, "bundled");
		}
	}

	private static AirQualityTargets read(String yaml) {
		return TargetsFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
	}

}
