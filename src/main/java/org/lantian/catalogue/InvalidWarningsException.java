package org.lantian.catalogue;

import java.util.List;

/**
 * The warnings or the reductions file cannot be used; the message lists every problem.
 */
public class InvalidWarningsException extends RuntimeException {

	private final List<String> problems;

	InvalidWarningsException(String name, List<String> problems) {
		super("invalid warning configuration " + name + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
