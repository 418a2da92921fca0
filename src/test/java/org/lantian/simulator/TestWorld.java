package org.lantian.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.lantian.catalogue.SiteCatalogueFile;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.simulator.model.PointModel;
import org.lantian.simulator.scenario.ScenarioFile;

/** Fixtures of the simulator tests: the bundled catalogue and the bundled scenarios. */
public final class TestWorld {

	/**
	 * Where the bundled scenarios are, relative to the project (Maven runs tests there).
	 */
	public static final Path SCENARIOS = Path.of("simulators", "scenarios");

	public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

	private static final SiteCatalogue CATALOGUE = read();

	private TestWorld() {
	}

	public static SiteCatalogue catalogue() {
		return CATALOGUE;
	}

	public static Site site(String id) {
		return CATALOGUE.find(SiteId.of(id)).orElseThrow(() -> new IllegalArgumentException("no site " + id));
	}

	public static Plan scenario(String file) {
		return ScenarioFile.read(SCENARIOS.resolve(file), CATALOGUE, CLOCK);
	}

	public static PointModel model(Plan plan, String siteId) {
		return plan.points()
			.stream()
			.map(SimulatedPoint::model)
			.filter((model) -> model.site().id().value().equals(siteId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(siteId + " is not in plan " + plan.name()));
	}

	private static SiteCatalogue read() {
		try (InputStream in = TestWorld.class.getClassLoader().getResourceAsStream(SiteCatalogueFile.BUNDLED)) {
			return SiteCatalogueFile.read(in, SiteCatalogueFile.BUNDLED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
