package org.lantian.alerts;

import java.util.Locale;

/**
 * Where an alert is in its lifecycle (INTERFACES §5.4).
 */
public enum AlertStatus {

	/** Raised (or escalated) and not yet acknowledged. */
	OPEN,
	/** Someone has taken it on; still unresolved. */
	ACKNOWLEDGED,
	/** Over: the condition cleared or someone closed it. */
	RESOLVED;

	/** The lower-case name used in JSON and query parameters. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status for a key, or an exception naming it. */
	public static AlertStatus fromKey(String key) {
		for (AlertStatus status : values()) {
			if (status.key().equals(key)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown alert status '" + key + "' (open, acknowledged or resolved)");
	}

}
