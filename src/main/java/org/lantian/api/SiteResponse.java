package org.lantian.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;

/**
 * A site of the catalogue as the API shows it: everything but the HJ 212 password. An
 * ambient site's {@code zone} is its GB 3095 功能区, {@code I} or {@code II}; stacks have
 * none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SiteResponse(String id, String name, String kind, String city, String district, @Nullable Double lat,
		@Nullable Double lon, boolean keyRegion, @Nullable Enterprise enterprise, @Nullable String industry,
		@Nullable String fuel, @Nullable BigDecimal referenceO2, @Nullable String limitProfile, @Nullable Hj212 hj212,
		@Nullable String zone) {

	static SiteResponse from(Site site) {
		return new SiteResponse(site.id().value(), site.name(), site.kind().key(), site.city(), site.district(),
				site.lat(), site.lon(), site.keyRegion(), site.enterprise(), site.industry(), site.fuel(),
				site.referenceO2(), site.limitProfile(), (site.hj212() != null) ? new Hj212(site.hj212().mn()) : null,
				(site.kind() == SiteKind.AMBIENT) ? site.zone().key() : null);
	}

	record Hj212(String mn) {
	}

}
