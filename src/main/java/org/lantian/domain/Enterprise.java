package org.lantian.domain;

/**
 * The enterprise (排污单位) that owns a stack site.
 */
public record Enterprise(String id, String name) {

	public Enterprise {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("enterprise id is blank");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("enterprise " + id + " has no name");
		}
	}

}
