package org.lantian.alerts;

import java.util.Locale;

/**
 * What happened to an alert.
 */
public enum ChangeType {

	/** A rule's condition became active and no alert was open for it. */
	RAISED,
	/** The severity rose: a more severe condition, or unacknowledged for too long. */
	ESCALATED,
	/** Someone acknowledged it. */
	ACKNOWLEDGED,
	/** The condition cleared, or someone resolved it. */
	RESOLVED;

	/** The lower-case name used in JSON, metrics and storage. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The change for a key, or an exception naming it. */
	public static ChangeType fromKey(String key) {
		for (ChangeType type : values()) {
			if (type.key().equals(key)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown alert change '" + key + "'");
	}

}
