package org.lantian.airquality.aggregation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.lantian.domain.SiteId;

/**
 * Hours of stations that readings arrived for after they were computed: per station, the
 * span from the earliest to the latest such hour (one span, so the bookkeeping stays
 * bounded whatever arrives). Thread-safe.
 */
final class LateHours {

	private final Map<SiteId, Span> spans = new HashMap<>();

	/**
	 * Marks the hours starting at {@code first} … {@code last} (inclusive) of a station.
	 */
	synchronized void mark(SiteId site, Instant first, Instant last) {
		this.spans.merge(site, new Span(first, last), Span::union);
	}

	/** Every marked span, forgetting them. */
	synchronized Map<SiteId, Span> drain() {
		Map<SiteId, Span> drained = new HashMap<>(this.spans);
		this.spans.clear();
		return drained;
	}

	/** Whether nothing is marked. */
	synchronized boolean isEmpty() {
		return this.spans.isEmpty();
	}

	/** Hours starting at {@code first} … {@code last}, inclusive. */
	record Span(Instant first, Instant last) {

		Span union(Span other) {
			return new Span(this.first.isBefore(other.first) ? this.first : other.first,
					this.last.isAfter(other.last) ? this.last : other.last);
		}

	}

}
