package org.lantian.simulator.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteKind;
import org.lantian.simulator.Link;
import org.lantian.simulator.Plan;
import org.lantian.simulator.SimulatedPoint;
import org.lantian.simulator.run.LoadPointModel;

/**
 * Placeholder of the scenario file reader, which the world helper writes (issue 4): it
 * does not read the file, but simulates every catalogue site in real time from now on
 * with the load mode's plain values (ambient stations over MQTT JSON, stacks over HJ 212
 * TCP), so that scripts/run shows data. Replace it with the world helper's.
 */
public final class ScenarioFile {

	private static final Duration SAMPLE = Duration.ofSeconds(30);

	private ScenarioFile() {
	}

	/** A real-time plan of every site of the catalogue, ignoring the file. */
	public static Plan read(Path file, SiteCatalogue catalogue) {
		List<SimulatedPoint> points = new ArrayList<>();
		for (Site site : catalogue.sites()) {
			Link link = (site.kind() == SiteKind.STACK && site.hj212() != null) ? Link.HJ212_TCP : Link.MQTT_JSON;
			points.add(new SimulatedPoint(new LoadPointModel(site, 1), link));
		}
		long now = Instant.now().getEpochSecond();
		Instant start = Instant.ofEpochSecond(now - now % SAMPLE.toSeconds());
		return new Plan("placeholder for " + file.getFileName(), 1, start, null, 1, SAMPLE, points);
	}

}
