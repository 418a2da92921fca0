package org.lantian.rules;

import java.util.Locale;

/**
 * How urgent a rule's condition is, lowest first.
 */
public enum Severity {

	/** Worth a look: data quality, a suspicion. */
	LOW,
	/** Needs action within the day. */
	MEDIUM,
	/** Needs action now: a limit is broken. */
	HIGH,
	/** A serious breach or a heavy-pollution day. */
	CRITICAL;

	/** The lower-case name used in configuration and JSON. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The severity for a configuration or JSON key, or an exception naming it. */
	public static Severity fromKey(String key) {
		for (Severity severity : values()) {
			if (severity.key().equals(key)) {
				return severity;
			}
		}
		throw new IllegalArgumentException("unknown severity '" + key + "' (one of low, medium, high, critical)");
	}

}
