package org.lantian.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled catalogue is the simulated world of issue 4. */
class BundledCatalogueTests {

	/** The names documented in the catalogue's header comment, for issue 6. */
	private static final Set<String> LIMIT_PROFILES = Set.of("ultra-low-coal-power", "ultra-low-steel-sintering",
			"ultra-low-coke-oven", "gb13271-2014-coal-boiler-special", "gb13271-2014-coal-boiler-existing",
			"gb13271-2014-gas-boiler-special", "gb16297-1996-nmhc-new", "gb28666-2012-ferroalloy-special");

	@ParameterizedTest(name = "{0} keeps MN {1}")
	@CsvSource(textBlock = """
			# ids, MNs and passwords that tests and deployed loggers rely on
			BT-STEEL-S1,    BTSTEEL0000000000000S001, 123456
			BT-STEEL-B1,    BTSTEEL0000000000000B001, 123456
			BYNE-QHCOKE-S1, BYNEQHCOKE00000000000S01, 654321
			WH-BOILER-01,   WHHEAT000000000000BOIL01, 112233
			""")
	void keepsTheExistingStacks(String id, String mn, String password) {
		Site site = TestWorld.site(id);
		assertThat(site.hj212().mn()).isEqualTo(mn);
		assertThat(site.hj212().password()).isEqualTo(password);
	}

	@Test
	void keepsTheExistingAmbientStations() {
		for (String id : List.of("BT-KDL-01", "BT-QS-01", "BT-DH-01", "BYNE-LH-01", "BYNE-WLTQ-01", "WH-HBW-01")) {
			assertThat(TestWorld.site(id).kind()).isEqualTo(SiteKind.AMBIENT);
		}
	}

	@Test
	void coversTheCitiesAndDistrictsOfTheSeeds() {
		Map<String, Set<String>> districts = TestWorld.catalogue()
			.sites()
			.stream()
			.filter((site) -> site.kind() == SiteKind.AMBIENT)
			.collect(Collectors.groupingBy(Site::city, Collectors.mapping(Site::district, Collectors.toSet())));
		// SEEDS-BRIEF §7.1: the 包头 key-region districts
		assertThat(districts.get("包头市")).contains("昆都仑区", "青山区", "东河区", "九原区", "土默特右旗");
		assertThat(districts.get("巴彦淖尔市")).contains("临河区", "乌拉特前旗");
		assertThat(districts.get("乌海市")).contains("海勃湾区", "乌达区", "海南区");
		assertThat(districts.get("呼和浩特市")).hasSizeGreaterThanOrEqualTo(3);
		assertThat(TestWorld.catalogue().sites()).filteredOn((site) -> site.name().contains("背景站")).isNotEmpty();
		assertThat(TestWorld.catalogue().size()).isBetween(25, 40);
	}

	@Test
	void everyStackIsCompleteForTheSimulatorAndTheLimitRules() {
		for (Site site : TestWorld.catalogue().sites()) {
			if (site.kind() != SiteKind.STACK) {
				continue;
			}
			assertThat(site.industry()).as(site.id().value()).isNotBlank();
			assertThat(site.fuel()).as(site.id().value()).isNotBlank();
			assertThat(site.limitProfile()).as(site.id().value()).isIn(LIMIT_PROFILES);
			assertThat(site.hj212().mn()).as(site.id().value()).matches("[A-Za-z0-9]{14,24}");
			assertThat(site.lat()).isNotNull();
			assertThat(site.lon()).isNotNull();
		}
	}

	@ParameterizedTest(name = "{0}: reference O₂ {1} %")
	@CsvSource(textBlock = """
			# STANDARDS §5.1 表6 (coal boilers 9, gas 3.5), §5.2 (coal power 6), §5.3 (sinter 16, coke oven 8)
			WH-BOILER-01,   9
			BT-GAS-B1,      3.5
			BT-POWER-01,    6
			BT-STEEL-S1,    16
			BYNE-QHCOKE-S1, 8
			""")
	void usesTheReferenceOxygenOfTheStandards(String id, BigDecimal referenceO2) {
		assertThat(TestWorld.site(id).referenceO2()).isEqualByComparingTo(referenceO2);
	}

}
