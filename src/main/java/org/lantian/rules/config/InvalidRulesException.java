package org.lantian.rules.config;

import java.util.List;

/**
 * A rules file that cannot be used, with every problem found, each naming rule and field.
 */
public class InvalidRulesException extends RuntimeException {

	private final List<String> problems;

	public InvalidRulesException(String file, List<String> problems) {
		super("invalid rules file " + file + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
