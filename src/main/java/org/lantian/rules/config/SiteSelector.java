package org.lantian.rules.config;

import java.util.Set;

import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;

/**
 * Which sites a rule applies to: each given list must contain the site's attribute (site
 * id, kind, city, industry, fuel, limit profile); an empty list accepts every site. So
 * {@code kinds: [stack], cities: [包头市]} is "every stack in 包头市".
 */
public record SiteSelector(Set<String> sites, Set<SiteKind> kinds, Set<String> cities, Set<String> industries,
		Set<String> fuels, Set<String> limitProfiles) {

	/** Every site. */
	public static final SiteSelector ALL = new SiteSelector(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

	public SiteSelector {
		sites = Set.copyOf(sites);
		kinds = Set.copyOf(kinds);
		cities = Set.copyOf(cities);
		industries = Set.copyOf(industries);
		fuels = Set.copyOf(fuels);
		limitProfiles = Set.copyOf(limitProfiles);
	}

	public boolean matches(Site site) {
		return accepts(this.sites, site.id().value()) && (this.kinds.isEmpty() || this.kinds.contains(site.kind()))
				&& accepts(this.cities, site.city()) && accepts(this.industries, site.industry())
				&& accepts(this.fuels, site.fuel()) && accepts(this.limitProfiles, site.limitProfile());
	}

	/**
	 * Whether a city-wide condition of this city is for the rule: only the city list
	 * applies (a city has no kind, industry or profile).
	 */
	public boolean matchesCity(String city) {
		return accepts(this.cities, city);
	}

	private static boolean accepts(Set<String> allowed, String value) {
		return allowed.isEmpty() || (value != null && allowed.contains(value));
	}

}
