package org.lantian.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.lantian.domain.Enterprise;
import org.lantian.domain.Hj212Access;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;

/**
 * A small site catalogue for ingest tests: two ambient stations in Baotou and one stack
 * of 包钢.
 */
public final class TestSites {

	public static final SiteId KUNDULUN = SiteId.of("BT-KDL-01");

	public static final SiteId DONGHE = SiteId.of("BT-DH-01");

	public static final SiteId BAOGANG_STACK = SiteId.of("BT-BG-S01");

	private TestSites() {
	}

	public static SiteCatalogue catalogue() {
		return SiteCatalogue.of(List.of(ambient(KUNDULUN, "昆都仑区"), ambient(DONGHE, "东河区"),
				new Site(BAOGANG_STACK, "包钢 1# 烧结机头", SiteKind.STACK, "包头市", "昆都仑区", 40.65, 109.82, true,
						new Enterprise("BAOGANG", "包头钢铁（集团）有限责任公司"), "steel", "coal", new BigDecimal("16"),
						"steel-sintering", new Hj212Access("BTBG0000000001", "123456", Map.of()))));
	}

	private static Site ambient(SiteId id, String district) {
		return new Site(id, "包头 " + district, SiteKind.AMBIENT, "包头市", district, 40.6, 109.8, true, null, null, null,
				null, null, null);
	}

}
