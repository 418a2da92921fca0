package org.lantian.catalogue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Hj212Access;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.ambient.ZoneClass;

/**
 * Reads a site catalogue file: {@code sites:} followed by a list of sites (INTERFACES
 * §2). Every invalid entry is reported, by position and id, in one exception. Public for
 * the simulators, which read the same catalogue as the service.
 */
public final class SiteCatalogueFile {

	/**
	 * The bundled catalogue of the simulated Inner Mongolia network, on the classpath.
	 */
	public static final String BUNDLED = "sites/inner-mongolia.yaml";

	private SiteCatalogueFile() {
	}

	/**
	 * Parses the catalogue (YAML is a superset of JSON, so both are read alike).
	 * @param name the file's name for error messages
	 * @throws InvalidCatalogueException naming every problem found
	 */
	public static SiteCatalogue read(InputStream in, String name) {
		Document document = YamlDocuments.read(in, Document.class,
				(problems) -> new InvalidCatalogueException(name, problems));
		if (document == null || document.sites() == null || document.sites().isEmpty()) {
			throw new InvalidCatalogueException(name,
					List.of("no sites: the file must have a non-empty 'sites:' list"));
		}
		List<String> problems = new ArrayList<>();
		List<Site> sites = new ArrayList<>();
		for (int i = 0; i < document.sites().size(); i++) {
			Entry entry = document.sites().get(i);
			try {
				sites.add(entry.toSite());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add("sites[" + i + "]" + ((entry.id() != null) ? " (" + entry.id() + ")" : "") + ": "
						+ ex.getMessage());
			}
		}
		if (problems.isEmpty()) {
			try {
				return SiteCatalogue.of(sites);
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		throw new InvalidCatalogueException(name, problems);
	}

	record Document(@Nullable List<Entry> sites) {
	}

	record Entry(@Nullable String id, @Nullable String name, @Nullable String kind, @Nullable String city,
			@Nullable String district, @Nullable Double lat, @Nullable Double lon, @Nullable Boolean keyRegion,
			@Nullable EnterpriseEntry enterprise, @Nullable String industry, @Nullable String fuel,
			@Nullable BigDecimal referenceO2, @Nullable String limitProfile, @Nullable Hj212Entry hj212,
			@Nullable String zone, @Nullable BigDecimal designFlow) {

		Site toSite() {
			if (this.kind == null) {
				throw new IllegalArgumentException("no kind (ambient or stack)");
			}
			SiteKind siteKind = SiteKind.fromKey(this.kind);
			if (this.zone != null && siteKind != SiteKind.AMBIENT) {
				throw new IllegalArgumentException("zone '" + this.zone + "' on a stack: only ambient sites have one");
			}
			return new Site(SiteId.of(this.id), this.name, siteKind, this.city, this.district, this.lat, this.lon,
					Boolean.TRUE.equals(this.keyRegion),
					(this.enterprise != null) ? new Enterprise(this.enterprise.id(), this.enterprise.name()) : null,
					this.industry, this.fuel, this.referenceO2, this.limitProfile,
					(this.hj212 != null) ? this.hj212.toAccess() : null,
					(this.zone != null) ? ZoneClass.fromKey(this.zone) : ZoneClass.CLASS_II, this.designFlow);
		}

	}

	record EnterpriseEntry(@Nullable String id, @Nullable String name) {
	}

	/**
	 * The {@code hj212} block: {@code crc} is {@code hj212} (default) or {@code modbus};
	 * {@code legacyLength} absent means the platform's
	 * {@code lantian.hj212.legacy-length} (STANDARDS §3.11).
	 */
	record Hj212Entry(@Nullable String mn, @Nullable String password, @Nullable Map<String, String> units,
			@Nullable String crc, @Nullable Boolean legacyLength) {

		Hj212Access toAccess() {
			Hj212Access.Crc mode = (this.crc != null) ? Hj212Access.Crc.fromKey(this.crc) : Hj212Access.Crc.HJ212;
			return new Hj212Access(this.mn, this.password, this.units, mode, this.legacyLength);
		}

	}

}
