package org.lantian.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.ambient.ZoneClass;

/**
 * A monitoring point of the site catalogue (INTERFACES §2): an ambient station or an
 * enterprise's stack.
 *
 * @param city 盟市, e.g. 包头市
 * @param district 旗县区, e.g. 昆都仑区
 * @param keyRegion whether the site lies in the regional key-area list (重点区域)
 * @param referenceO2 the reference oxygen content in percent for O₂ correction, where one
 * applies
 * @param limitProfile the name of the effective-dated emission limit profile of a stack
 * @param zone the 环境空气功能区 of an ambient site (GB 3095 §4.1), which decides whether its
 * values are judged against the 一级 or the 二级 limits; {@link ZoneClass#CLASS_II} by
 * default and always for stacks, which GB 3095 does not judge
 * @param designFlow a stack's design (or permitted) flue gas flow in m³/h, dry at the
 * standard state (273 K, 101.325 kPa) like the flow HJ 212 reports (Q_snh, HJ 212-2017
 * 附录D 式(31), STANDARDS §3.13); absent where unknown, never on an ambient site
 */
public record Site(SiteId id, String name, SiteKind kind, String city, String district, @Nullable Double lat,
		@Nullable Double lon, boolean keyRegion, @Nullable Enterprise enterprise, @Nullable String industry,
		@Nullable String fuel, @Nullable BigDecimal referenceO2, @Nullable String limitProfile,
		@Nullable Hj212Access hj212, ZoneClass zone, @Nullable BigDecimal designFlow) {

	public Site {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind of " + id);
		requireText(name, "name", id);
		requireText(city, "city", id);
		requireText(district, "district", id);
		if (lat != null && (lat < -90 || lat > 90)) {
			throw new IllegalArgumentException("site " + id + ": latitude out of range: " + lat);
		}
		if (lon != null && (lon < -180 || lon > 180)) {
			throw new IllegalArgumentException("site " + id + ": longitude out of range: " + lon);
		}
		if (kind == SiteKind.STACK && enterprise == null) {
			throw new IllegalArgumentException("stack site " + id + " has no enterprise");
		}
		if (kind == SiteKind.AMBIENT && enterprise != null) {
			throw new IllegalArgumentException("ambient site " + id + " names an enterprise");
		}
		Objects.requireNonNull(zone, "zone of " + id);
		if (kind == SiteKind.STACK && zone != ZoneClass.CLASS_II) {
			throw new IllegalArgumentException(
					"stack site " + id + " has a zone class: GB 3095 zones are for ambient sites");
		}
		if (referenceO2 != null && (referenceO2.signum() < 0 || referenceO2.compareTo(BigDecimal.valueOf(21)) >= 0)) {
			throw new IllegalArgumentException("site " + id + ": reference O2 must be in [0, 21) %: " + referenceO2);
		}
		if (designFlow != null && kind != SiteKind.STACK) {
			throw new IllegalArgumentException(
					"ambient site " + id + " has a designFlow: a design flue gas flow is for stack sites");
		}
		if (designFlow != null && designFlow.signum() <= 0) {
			throw new IllegalArgumentException(
					"site " + id + ": designFlow must be positive: " + designFlow.toPlainString() + " m³/h");
		}
	}

	/** A site without a design flow. */
	public Site(SiteId id, String name, SiteKind kind, String city, String district, @Nullable Double lat,
			@Nullable Double lon, boolean keyRegion, @Nullable Enterprise enterprise, @Nullable String industry,
			@Nullable String fuel, @Nullable BigDecimal referenceO2, @Nullable String limitProfile,
			@Nullable Hj212Access hj212, ZoneClass zone) {
		this(id, name, kind, city, district, lat, lon, keyRegion, enterprise, industry, fuel, referenceO2, limitProfile,
				hj212, zone, null);
	}

	/** A site in a class II zone (二类区), the default, without a design flow. */
	public Site(SiteId id, String name, SiteKind kind, String city, String district, @Nullable Double lat,
			@Nullable Double lon, boolean keyRegion, @Nullable Enterprise enterprise, @Nullable String industry,
			@Nullable String fuel, @Nullable BigDecimal referenceO2, @Nullable String limitProfile,
			@Nullable Hj212Access hj212) {
		this(id, name, kind, city, district, lat, lon, keyRegion, enterprise, industry, fuel, referenceO2, limitProfile,
				hj212, ZoneClass.CLASS_II);
	}

	/** The same site in another zone class. */
	public Site withZone(ZoneClass zone) {
		return new Site(this.id, this.name, this.kind, this.city, this.district, this.lat, this.lon, this.keyRegion,
				this.enterprise, this.industry, this.fuel, this.referenceO2, this.limitProfile, this.hj212, zone,
				this.designFlow);
	}

	/** The same stack with a design flue gas flow in m³/h (dry, standard state). */
	public Site withDesignFlow(@Nullable BigDecimal designFlow) {
		return new Site(this.id, this.name, this.kind, this.city, this.district, this.lat, this.lon, this.keyRegion,
				this.enterprise, this.industry, this.fuel, this.referenceO2, this.limitProfile, this.hj212, this.zone,
				designFlow);
	}

	private static void requireText(@Nullable String value, String what, SiteId id) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("site " + id + " has no " + what);
		}
	}

	public boolean belongsTo(String enterpriseId) {
		return this.enterprise != null && this.enterprise.id().equals(enterpriseId);
	}

}
