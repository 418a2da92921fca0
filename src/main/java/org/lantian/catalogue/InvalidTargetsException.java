package org.lantian.catalogue;

import java.util.List;

/**
 * The air-quality targets file cannot be used; the message lists every problem.
 */
public class InvalidTargetsException extends RuntimeException {

	private final List<String> problems;

	InvalidTargetsException(String name, List<String> problems) {
		super("invalid air-quality targets " + name + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
