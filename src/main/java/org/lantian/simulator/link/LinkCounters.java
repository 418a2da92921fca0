package org.lantian.simulator.link;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.lantian.simulator.Link;

/**
 * What each link did, for the progress log and the summary: messages queued (JSON
 * readings, HJ 212 uploads), written to the wire (resends included), acknowledged (a
 * PUBACK for JSON, a 9014 data reply for HJ 212), sent again, and dropped from a full
 * queue. Thread-safe.
 */
public final class LinkCounters {

	private final Map<Link, Counts> counts = new EnumMap<>(Link.class);

	public LinkCounters() {
		for (Link link : Link.values()) {
			this.counts.put(link, new Counts());
		}
	}

	public Counts of(Link link) {
		return this.counts.get(link);
	}

	/** One line per link that was used, e.g. for the log. */
	public String summary() {
		StringBuilder text = new StringBuilder();
		this.counts.forEach((link, count) -> {
			if (count.queued.sum() == 0) {
				return;
			}
			if (text.length() > 0) {
				text.append("; ");
			}
			text.append(link)
				.append(" queued=")
				.append(count.queued.sum())
				.append(" sent=")
				.append(count.sent.sum())
				.append(" acked=")
				.append(count.acked.sum())
				.append(" resent=")
				.append(count.resent.sum())
				.append(" dropped=")
				.append(count.dropped.sum());
		});
		return (text.length() == 0) ? "nothing sent" : text.toString();
	}

	/** The counters of one link. */
	public static final class Counts {

		final LongAdder queued = new LongAdder();

		final LongAdder sent = new LongAdder();

		final LongAdder acked = new LongAdder();

		final LongAdder resent = new LongAdder();

		final LongAdder dropped = new LongAdder();

		/** A message was handed to the broker's client: queued and sent at once. */
		public void published() {
			this.queued.increment();
			this.sent.increment();
		}

		public long queued() {
			return this.queued.sum();
		}

		public long sent() {
			return this.sent.sum();
		}

		public long acked() {
			return this.acked.sum();
		}

		public long resent() {
			return this.resent.sum();
		}

		public long dropped() {
			return this.dropped.sum();
		}

	}

}
