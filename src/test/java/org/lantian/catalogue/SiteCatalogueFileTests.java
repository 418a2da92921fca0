package org.lantian.catalogue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.lantian.domain.Hj212Access;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.ambient.ZoneClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SiteCatalogueFileTests {

	@Test
	void readsTheBundledCatalogue() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/sites/inner-mongolia.yaml")) {
			SiteCatalogue catalogue = SiteCatalogueFile.read(in, "bundled");
			assertThat(catalogue.sites()).extracting((site) -> site.city()).contains("包头市", "巴彦淖尔市", "乌海市");
			assertThat(catalogue.find(SiteId.of("BT-KDL-01"))).hasValueSatisfying((site) -> {
				assertThat(site.kind()).isEqualTo(SiteKind.AMBIENT);
				assertThat(site.district()).isEqualTo("昆都仑区");
				assertThat(site.keyRegion()).isTrue();
			});
			assertThat(catalogue.findByMn("BTSTEEL0000000000000S001")).hasValueSatisfying((site) -> {
				assertThat(site.id()).isEqualTo(SiteId.of("BT-STEEL-S1"));
				assertThat(site.belongsTo("BT-STEEL")).isTrue();
				assertThat(site.referenceO2()).isEqualByComparingTo(new BigDecimal("16"));
			});
		}
	}

	@Test
	void reportsEveryInvalidEntryByPositionAndId() {
		String yaml = """
				sites:
				  - { id: A-1, name: a, kind: ambient, city: 包头市, district: 昆都仑区 }
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区 }
				  - { id: A-2, name: b, kind: river, city: 包头市, district: 昆都仑区 }
				  - { id: A-3, name: c, kind: ambient, city: 包头市, district: 昆都仑区, lat: 91 }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"sites[1] (S-1): stack site S-1 has no enterprise",
					"sites[2] (A-2): unknown site kind: 'river' (ambient or stack)",
					"sites[3] (A-3): site A-3: latitude out of range: 91.0"));
	}

	@Test
	void refusesDuplicateIdsAndMns() {
		String yaml = """
				sites:
				  - { id: A-1, name: a, kind: ambient, city: 包头市, district: 昆都仑区 }
				  - { id: A-1, name: b, kind: ambient, city: 包头市, district: 昆都仑区 }
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M1", password: "p" } }
				  - { id: S-2, name: t, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M1", password: "p" } }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("duplicate site id A-1")
			.withMessageContaining("HJ 212 MN M1 used by both S-1 and S-2");
	}

	@Test
	void readsEachSitesHj212CodecOptions() {
		// INTERFACES §2 hj212 block; STANDARDS §3.11 field variants
		String yaml = """
				sites:
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M1", password: "p" } }
				  - { id: S-2, name: t, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M2", password: "p", crc: modbus, legacyLength: true } }
				  - { id: S-3, name: u, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M3", password: "p", crc: hj212, legacyLength: false } }
				""";
		SiteCatalogue catalogue = read(yaml);

		assertThat(catalogue.findByMn("M1").orElseThrow().hj212()).satisfies((access) -> {
			assertThat(access.crc()).isEqualTo(Hj212Access.Crc.HJ212);
			assertThat(access.legacyLength()).isNull();
			assertThat(access.legacyLengthOr(true)).isTrue();
		});
		assertThat(catalogue.findByMn("M2").orElseThrow().hj212()).satisfies((access) -> {
			assertThat(access.crc()).isEqualTo(Hj212Access.Crc.MODBUS);
			assertThat(access.legacyLengthOr(false)).isTrue();
		});
		assertThat(catalogue.findByMn("M3").orElseThrow().hj212()).satisfies((access) -> {
			assertThat(access.crc()).isEqualTo(Hj212Access.Crc.HJ212);
			assertThat(access.legacyLengthOr(true)).isFalse();
		});
	}

	@Test
	void refusesAnUnknownCrcModeByPositionAndId() {
		String yaml = """
				sites:
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M1", password: "p", crc: both } }
				  - { id: S-2, name: t, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M2", password: "p", crc: MODBUS } }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"sites[0] (S-1): unknown HJ 212 CRC mode: 'both' (hj212 or modbus)",
					"sites[1] (S-2): unknown HJ 212 CRC mode: 'MODBUS' (hj212 or modbus)"));
	}

	@Test
	void refusesALegacyLengthThatIsNoBoolean() {
		String yaml = """
				sites:
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, hj212: { mn: "M1", password: "p", legacyLength: sometimes } }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("sites[0].hj212.legacyLength: ")
			.withMessageContaining("sometimes")
			.withMessageContaining("line 2");
	}

	@Test
	void namesTheLineOfAnUnknownProperty() {
		String yaml = """
				sites:
				  - { id: A-1, name: a, kind: ambient, city: 包头市, district: 昆都仑区, colour: blue }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("colour")
			.withMessageContaining("line 2");
	}

	@Test
	void readsEachAmbientSitesZoneClassDefaultingToClassII() {
		// GB 3095 §4.1 功能区: 一类区 → 一级 limits, 二类区 → 二级 limits (STANDARDS §2.2)
		String yaml = """
				sites:
				  - { id: A-1, name: a, kind: ambient, city: 阿拉善盟, district: 阿拉善左旗, zone: I }
				  - { id: A-2, name: b, kind: ambient, city: 包头市, district: 昆都仑区, zone: II }
				  - { id: A-3, name: c, kind: ambient, city: 包头市, district: 昆都仑区 }
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e } }
				""";
		SiteCatalogue catalogue = read(yaml);

		assertThat(catalogue.sites()).extracting((site) -> site.zone())
			.containsExactly(ZoneClass.CLASS_I, ZoneClass.CLASS_II, ZoneClass.CLASS_II, ZoneClass.CLASS_II);
	}

	@Test
	void refusesAnUnknownZoneClassAndAZoneOnAStack() {
		String yaml = """
				sites:
				  - { id: A-1, name: a, kind: ambient, city: 包头市, district: 昆都仑区, zone: III }
				  - { id: A-2, name: b, kind: ambient, city: 包头市, district: 昆都仑区, zone: i }
				  - { id: A-3, name: c, kind: ambient, city: 包头市, district: 昆都仑区, zone: 1 }
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, zone: II }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"sites[0] (A-1): unknown zone class: 'III' (I or II)",
					"sites[1] (A-2): unknown zone class: 'i' (I or II)",
					"sites[2] (A-3): unknown zone class: '1' (I or II)",
					"sites[3] (S-1): zone 'II' on a stack: only ambient sites have one"));
	}

	@Test
	void putsOnlyTheBundledBackgroundStationInAClassIZone() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/sites/inner-mongolia.yaml")) {
			SiteCatalogue catalogue = SiteCatalogueFile.read(in, "bundled");
			assertThat(catalogue.sites()).filteredOn((site) -> site.zone() == ZoneClass.CLASS_I)
				.extracting((site) -> site.id())
				.containsExactly(SiteId.of("ALS-BG-01"));
		}
	}

	@Test
	void readsAStacksDesignFlowInCubicMetresPerHour() {
		String yaml = """
				sites:
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, designFlow: 180000 }
				  - { id: S-2, name: t, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e } }
				""";
		SiteCatalogue catalogue = read(yaml);

		assertThat(catalogue.find(SiteId.of("S-1")).orElseThrow().designFlow())
			.isEqualByComparingTo(new BigDecimal("180000"));
		assertThat(catalogue.find(SiteId.of("S-2")).orElseThrow().designFlow()).isNull();
	}

	@Test
	void refusesADesignFlowThatIsNotPositiveOrOnAnAmbientSite() {
		String yaml = """
				sites:
				  - { id: S-1, name: s, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, designFlow: 0 }
				  - { id: S-2, name: t, kind: stack, city: 包头市, district: 昆都仑区, enterprise: { id: E, name: e }, designFlow: -30000 }
				  - { id: A-1, name: a, kind: ambient, city: 包头市, district: 昆都仑区, designFlow: 30000 }
				""";
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"sites[0] (S-1): site S-1: designFlow must be positive: 0 m³/h",
					"sites[1] (S-2): site S-2: designFlow must be positive: -30000 m³/h",
					"sites[2] (A-1): ambient site A-1 has a designFlow: a design flue gas flow is for stack sites"));
	}

	@Test
	void givesEveryBundledStackADesignFlow() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/sites/inner-mongolia.yaml")) {
			SiteCatalogue catalogue = SiteCatalogueFile.read(in, "bundled");
			assertThat(catalogue.sites()).filteredOn((site) -> site.kind() == SiteKind.STACK)
				.hasSize(21)
				.allSatisfy((site) -> assertThat(site.designFlow()).isPositive());
			assertThat(catalogue.find(SiteId.of("BT-POWER-01")).orElseThrow().designFlow())
				.isEqualByComparingTo(new BigDecimal("1100000"));
		}
	}

	@Test
	void refusesAnEmptyCatalogue() {
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> read("sites: []\n"))
			.withMessageContaining("non-empty 'sites:' list");
	}

	private static SiteCatalogue read(String yaml) {
		return SiteCatalogueFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
	}

}
