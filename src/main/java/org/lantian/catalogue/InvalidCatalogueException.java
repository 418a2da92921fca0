package org.lantian.catalogue;

import java.util.List;

/**
 * The site catalogue cannot be used; the message lists every problem.
 */
public class InvalidCatalogueException extends RuntimeException {

	private final List<String> problems;

	InvalidCatalogueException(String name, List<String> problems) {
		super("invalid site catalogue " + name + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
