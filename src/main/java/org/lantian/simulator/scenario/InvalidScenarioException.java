package org.lantian.simulator.scenario;

import java.util.List;

/**
 * A scenario file that cannot be run, with every problem found: where (the file and the
 * path in it, or the line and column) and what is wrong.
 */
public class InvalidScenarioException extends RuntimeException {

	private final List<String> problems;

	public InvalidScenarioException(String file, List<String> problems) {
		super("invalid scenario " + file + ": " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
