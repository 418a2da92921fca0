package org.lantian.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.lantian.domain.ambient.ZoneClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SiteTests {

	@Test
	void putsASiteInAClassIIZoneUnlessToldOtherwise() {
		// GB 3095 §4.1: 二类区 covers residential, commercial, industrial and rural areas
		Site station = new Site(SiteId.of("A-1"), "a", SiteKind.AMBIENT, "阿拉善盟", "阿拉善左旗", null, null, false, null, null,
				null, null, null, null);

		assertThat(station.zone()).isEqualTo(ZoneClass.CLASS_II);
		assertThat(station.withZone(ZoneClass.CLASS_I).zone()).isEqualTo(ZoneClass.CLASS_I);
		assertThat(station.withZone(ZoneClass.CLASS_I).id()).isEqualTo(station.id());
	}

	@Test
	void refusesAClassIZoneOnAStack() {
		Site stack = new Site(SiteId.of("S-1"), "s", SiteKind.STACK, "包头市", "昆都仑区", null, null, true,
				new Enterprise("E", "e"), null, null, null, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> stack.withZone(ZoneClass.CLASS_I))
			.withMessageContaining("stack site S-1 has a zone class");
	}

	@Test
	void carriesAStacksDesignFlowThroughAChangeOfZone() {
		Site stack = new Site(SiteId.of("S-1"), "s", SiteKind.STACK, "包头市", "昆都仑区", null, null, true,
				new Enterprise("E", "e"), null, null, null, null, null);

		assertThat(stack.designFlow()).isNull();
		Site designed = stack.withDesignFlow(new BigDecimal("180000"));
		assertThat(designed.designFlow()).isEqualByComparingTo("180000");
		assertThat(designed.withZone(ZoneClass.CLASS_II).designFlow()).isEqualByComparingTo("180000");
		assertThat(designed.withDesignFlow(null).designFlow()).isNull();
	}

	@Test
	void refusesADesignFlowThatIsNotPositiveOrOnAnAmbientSite() {
		Site stack = new Site(SiteId.of("S-1"), "s", SiteKind.STACK, "包头市", "昆都仑区", null, null, true,
				new Enterprise("E", "e"), null, null, null, null, null);
		Site station = new Site(SiteId.of("A-1"), "a", SiteKind.AMBIENT, "包头市", "昆都仑区", null, null, true, null, null,
				null, null, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> stack.withDesignFlow(BigDecimal.ZERO))
			.withMessage("site S-1: designFlow must be positive: 0 m³/h");
		assertThatIllegalArgumentException().isThrownBy(() -> stack.withDesignFlow(new BigDecimal("-1")))
			.withMessage("site S-1: designFlow must be positive: -1 m³/h");
		assertThatIllegalArgumentException().isThrownBy(() -> station.withDesignFlow(new BigDecimal("30000")))
			.withMessage("ambient site A-1 has a designFlow: a design flue gas flow is for stack sites");
	}

	@Test
	void readsTheStandardsNumeralsAsZoneClasses() {
		assertThat(ZoneClass.fromKey("I")).isEqualTo(ZoneClass.CLASS_I);
		assertThat(ZoneClass.fromKey("II")).isEqualTo(ZoneClass.CLASS_II);
		assertThat(ZoneClass.CLASS_II.key()).isEqualTo("II");
		assertThatIllegalArgumentException().isThrownBy(() -> ZoneClass.fromKey("2"))
			.withMessage("unknown zone class: '2' (I or II)");
	}

}
