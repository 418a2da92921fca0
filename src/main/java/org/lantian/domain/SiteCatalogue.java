package org.lantian.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every monitoring point Lantian accepts data from (INTERFACES §2). A reading for a site
 * that is not here is rejected, never stored.
 */
public final class SiteCatalogue {

	private final Map<SiteId, Site> byId;

	private final Map<String, Site> byMn;

	private SiteCatalogue(Map<SiteId, Site> byId, Map<String, Site> byMn) {
		this.byId = byId;
		this.byMn = byMn;
	}

	/**
	 * A catalogue of the given sites; every problem (duplicate id, duplicate MN) is
	 * reported at once.
	 */
	public static SiteCatalogue of(Collection<Site> sites) {
		Map<SiteId, Site> byId = new LinkedHashMap<>();
		Map<String, Site> byMn = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (Site site : sites) {
			if (byId.putIfAbsent(site.id(), site) != null) {
				problems.add("duplicate site id " + site.id());
			}
			if (site.hj212() != null) {
				Site other = byMn.putIfAbsent(site.hj212().mn(), site);
				if (other != null) {
					problems
						.add("HJ 212 MN " + site.hj212().mn() + " used by both " + other.id() + " and " + site.id());
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("invalid site catalogue: " + String.join("; ", problems));
		}
		return new SiteCatalogue(Collections.unmodifiableMap(byId), Map.copyOf(byMn));
	}

	public Optional<Site> find(SiteId id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/** The site whose data logger has this HJ 212 equipment number. */
	public Optional<Site> findByMn(String mn) {
		return Optional.ofNullable(this.byMn.get(mn));
	}

	/** All sites in catalogue order. */
	public Collection<Site> sites() {
		return this.byId.values();
	}

	public int size() {
		return this.byId.size();
	}

}
