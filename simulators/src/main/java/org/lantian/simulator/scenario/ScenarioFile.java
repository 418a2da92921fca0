package org.lantian.simulator.scenario;

import java.nio.file.Path;

import org.lantian.domain.SiteCatalogue;
import org.lantian.simulator.Plan;

/**
 * Placeholder of the scenario file reader, which the world helper writes (issue 4): only
 * its signature, so that the runtime compiles. Replace it with the world helper's.
 */
public final class ScenarioFile {

	private ScenarioFile() {
	}

	/**
	 * The plan a scenario file describes, with the sites of the catalogue.
	 * @throws UnsupportedOperationException always, until the real reader is merged
	 */
	public static Plan read(Path file, SiteCatalogue catalogue) {
		throw new UnsupportedOperationException(
				"scenario files are read by the world helper's ScenarioFile, not merged yet: " + file);
	}

}
