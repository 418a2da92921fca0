package org.lantian.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.evaluation.AirQualityTargets;
import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.ReductionList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WarningFilesProperties.class, ReductionFilesProperties.class })
class CatalogueConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(CatalogueConfiguration.class);

	private static final String BUNDLED_SITES = "classpath:" + SiteCatalogueFile.BUNDLED;

	private static final String BUNDLED_REDUCTIONS = "classpath:" + ReductionsFile.BUNDLED;

	@Bean
	SiteCatalogue siteCatalogue(CatalogueProperties properties, ResourceLoader resources) {
		String location = properties.sites();
		Resource resource = resource(resources, location);
		if (!resource.exists()) {
			throw new InvalidCatalogueException(location, List.of("file not found"));
		}
		try (InputStream in = resource.getInputStream()) {
			SiteCatalogue catalogue = SiteCatalogueFile.read(in, location);
			LOG.info("Site catalogue {}: {} sites", location, catalogue.size());
			return catalogue;
		}
		catch (IOException ex) {
			throw new InvalidCatalogueException(location, List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/**
	 * The air-quality targets the scorecard judges by ({@code lantian.targets}); areas
	 * naming cities the catalogue does not know are logged once.
	 */
	@Bean
	AirQualityTargets airQualityTargets(CatalogueProperties properties, ResourceLoader resources,
			SiteCatalogue catalogue) {
		String location = properties.targets();
		Resource resource = resource(resources, location);
		if (!resource.exists()) {
			throw new InvalidTargetsException(location, List.of("file not found"));
		}
		try (InputStream in = resource.getInputStream()) {
			AirQualityTargets targets = TargetsFile.read(in, location);
			List<String> unknown = TargetsFile.unknownCities(targets, catalogue);
			LOG.info("Air-quality targets {}: {} targets{}", location, targets.all().size(),
					unknown.isEmpty() ? "" : "; cities without a station in the catalogue: " + unknown);
			return targets;
		}
		catch (IOException ex) {
			throw new InvalidTargetsException(location, List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/**
	 * The warning grading schemes, their adoptions, the joint zones and the release rule
	 * ({@code lantian.warnings.file}, STANDARDS §4). Joint-zone members the catalogue has
	 * no site in are logged once: they are graded only if a forecast names them.
	 */
	@Bean
	WarningRules warningRules(WarningFilesProperties properties, ResourceLoader resources, SiteCatalogue catalogue) {
		String location = properties.file();
		Resource resource = resource(resources, location);
		if (!resource.exists()) {
			throw new InvalidWarningsException(location, List.of("file not found"));
		}
		try (InputStream in = resource.getInputStream()) {
			WarningRules rules = WarningsFile.read(in, location);
			Set<String> regions = new HashSet<>();
			catalogue.sites().forEach((site) -> {
				regions.add(site.city());
				regions.add(site.district());
			});
			List<String> unknown = rules.jointZones()
				.zones()
				.stream()
				.flatMap((zone) -> zone.members().stream())
				.filter((member) -> !regions.contains(member))
				.distinct()
				.toList();
			LOG.info("Warning rules {}: {} adoptions, {} joint zones{}", location, rules.schemes().adoptions().size(),
					rules.jointZones().zones().size(),
					unknown.isEmpty() ? "" : "; zone members without a site in the catalogue: " + unknown);
			return rules;
		}
		catch (IOException ex) {
			throw new InvalidWarningsException(location, List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/**
	 * The emergency reduction list ({@code lantian.reductions.file}), checked against the
	 * site catalogue. The bundled list names the stacks of the bundled catalogue: with
	 * another catalogue ({@code lantian.sites}) and no list of its own, the list is
	 * empty.
	 */
	@Bean
	ReductionList reductionList(ReductionFilesProperties properties, CatalogueProperties catalogueProperties,
			ResourceLoader resources, SiteCatalogue catalogue) {
		String location = properties.file();
		if (location.equals(BUNDLED_REDUCTIONS) && !catalogueProperties.sites().equals(BUNDLED_SITES)) {
			LOG.info("Emergency reduction list: empty; the bundled list is for the bundled site catalogue, not {} "
					+ "(set lantian.reductions.file)", catalogueProperties.sites());
			return ReductionList.of(CutPercents.seedDefault(), List.of(), List.of());
		}
		Resource resource = resource(resources, location);
		if (!resource.exists()) {
			throw new InvalidWarningsException(location, List.of("file not found"));
		}
		try (InputStream in = resource.getInputStream()) {
			ReductionList list = ReductionsFile.read(in, location, catalogue);
			LOG.info("Emergency reduction list {}: {} enterprises", location, list.entries().size());
			return list;
		}
		catch (IOException ex) {
			throw new InvalidWarningsException(location, List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/** A {@code classpath:} (or other URL) location, or a plain file path. */
	private static Resource resource(ResourceLoader resources, String location) {
		return resources
			.getResource(location.contains(":") && !location.startsWith("/") ? location : "file:" + location);
	}

	/** The reporting time zone (INTERFACES: {@code lantian.zone}). */
	@Bean
	ZoneId reportingZone(CatalogueProperties properties) {
		return properties.zone();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
