package org.lantian.ingest;

import java.util.List;

import org.lantian.domain.Reading;

/**
 * Readings of one payload (a JSON message or request, an HJ 212 frame) were accepted and
 * handed to the {@link ReadingStore}. Published synchronously on the transport's thread,
 * once per payload, so listeners must return at once (mark, count or hand off).
 *
 * @param transport how the readings arrived
 * @param readings the accepted readings, never empty
 */
public record ReadingsReceived(Transport transport, List<Reading> readings) {

	public ReadingsReceived {
		readings = List.copyOf(readings);
		if (readings.isEmpty()) {
			throw new IllegalArgumentException("an event of no readings");
		}
	}

}
