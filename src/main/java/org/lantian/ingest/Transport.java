package org.lantian.ingest;

import java.util.Locale;

/**
 * The way a reading reached Lantian; a bounded metric tag.
 */
public enum Transport {

	MQTT, HTTP, HJ212_TCP, HJ212_MQTT, SPOOL;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
