package org.lantian.ingest;

import java.util.List;

import org.lantian.domain.Reading;

/**
 * Readings were accepted and are durable: in the time-series database or in the on-disk
 * spool ({@link ReadingStore}). The payloads (JSON messages or requests, HJ 212 frames)
 * of one transport that became durable within about a millisecond are told together, in
 * the order they became durable, on the ingest announcer's thread; listeners must return
 * at once (mark, count or hand off).
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
