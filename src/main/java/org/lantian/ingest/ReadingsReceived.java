package org.lantian.ingest;

import java.util.List;

import org.lantian.domain.Reading;

/**
 * Readings of one payload (a JSON message or request, an HJ 212 frame) were accepted and
 * are durable: in the time-series database or in the on-disk spool
 * ({@link ReadingStore}). Published once per payload on the thread that completed the
 * write, before the device's acknowledgement, so listeners must return at once (mark,
 * count or hand off).
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
