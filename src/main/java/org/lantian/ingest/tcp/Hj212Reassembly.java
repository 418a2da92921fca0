package org.lantian.ingest.tcp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;
import org.lantian.ingest.hj212.Hj212DataArea;
import org.lantian.ingest.hj212.Hj212Frame;

/**
 * Holds the packets of split HJ 212 messages (Flag bit D, PNUM/PNO; STANDARDS §3.3,
 * §3.12) until all have arrived, per source (a TCP connection, an MQTT topic). Packets
 * belong together when they come from the same source with the same MN, CN and
 * {@code DataTime}: each part has its own QN, and every part repeats {@code DataTime}
 * (表C.47–C.50, STANDARDS §3.12 and §3.15 item 7); only a part without {@code DataTime} is
 * grouped by its QN. Bounded: at most {@code maxPackets} per message, at most
 * {@code maxPending} unfinished messages per source (the oldest is dropped), each for at
 * most {@code timeout} after its first packet. Time is passed in, never read.
 * Thread-safe.
 */
final class Hj212Reassembly {

	private final int maxPackets;

	private final int maxPending;

	private final Duration timeout;

	/** Per source, the unfinished messages, oldest first. */
	private final Map<String, LinkedHashMap<Key, Pending>> bySource = new HashMap<>();

	private int pendingCount;

	Hj212Reassembly(int maxPackets, int maxPending, Duration timeout) {
		if (maxPackets < 1 || maxPending < 1 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("reassembly limits must be positive: maxPackets=" + maxPackets
					+ ", maxPending=" + maxPending + ", timeout=" + timeout);
		}
		this.maxPackets = maxPackets;
		this.maxPending = maxPending;
		this.timeout = timeout;
	}

	/**
	 * Takes one authenticated packet of a split message.
	 * @param evicted receives the messages dropped to make room for a new one
	 * @return what became of the packet
	 */
	synchronized Outcome accept(Transport transport, String source, String siteId, Hj212Frame frame, String text,
			Instant now, List<Abandoned> evicted) {
		Integer pnum = frame.pnum();
		Integer pno = frame.pno();
		if (pnum == null || pno == null) {
			throw new IllegalArgumentException("not a split packet: PNUM=" + pnum + ", PNO=" + pno);
		}
		Part part = new Part(frame, text);
		String dataTime = frame.dataArea().fields().get("DataTime");
		if (dataTime == null && frame.qn() == null) {
			return new Refused(RejectionReason.SPLIT_INCONSISTENT,
					"split packet PNO=" + pno + " of MN=" + frame.mn() + " CN=" + frame.cn()
							+ " has neither DataTime nor QN, so it cannot be put together with its other packets",
					List.of(part), CompletableFuture.completedFuture(null));
		}
		Key key = new Key(frame.mn(), frame.cn(), (dataTime != null) ? "DataTime=" + dataTime : "QN=" + frame.qn());
		LinkedHashMap<Key, Pending> pending = this.bySource.get(source);
		Pending message = (pending != null) ? pending.get(key) : null;
		if (pnum > this.maxPackets) {
			List<Part> parts = new ArrayList<>();
			CompletableFuture<Void> durable = CompletableFuture.completedFuture(null);
			if (message != null) {
				remove(source, pending, key);
				parts.addAll(message.parts.values());
				durable = message.durable;
			}
			parts.add(part);
			return new Refused(RejectionReason.OVERSIZED, key + ": PNUM=" + pnum + " packets exceeds the maximum of "
					+ this.maxPackets + " (lantian.hj212.reassembly-max-packets)", parts, durable);
		}
		if (message == null) {
			if (pending == null) {
				pending = new LinkedHashMap<>();
			}
			if (pending.size() >= this.maxPending) {
				Map.Entry<Key, Pending> oldest = pending.entrySet().iterator().next();
				remove(source, pending, oldest.getKey());
				evicted.add(abandoned(source, oldest.getKey(), oldest.getValue(),
						"dropped: more than " + this.maxPending + " split messages pending from this source"));
			}
			message = new Pending(transport, siteId, pnum, now.plus(this.timeout));
			pending.put(key, message);
			// also when the eviction above removed the source's last message
			this.bySource.put(source, pending);
			this.pendingCount++;
		}
		else if (message.pnum != pnum) {
			remove(source, pending, key);
			List<Part> parts = new ArrayList<>(message.parts.values());
			parts.add(part);
			return new Refused(RejectionReason.SPLIT_INCONSISTENT,
					key + ": PNUM changed from " + message.pnum + " to " + pnum + " (PNO=" + pno + ")", parts,
					message.durable);
		}
		Part earlier = message.parts.get(pno);
		if (earlier != null) {
			if (earlier.frame().cp().equals(frame.cp())) {
				return new Duplicate(message.durable);
			}
			remove(source, pending, key);
			List<Part> parts = new ArrayList<>(message.parts.values());
			parts.add(part);
			return new Refused(RejectionReason.SPLIT_INCONSISTENT,
					key + ": PNO=" + pno + " came twice with different data areas", parts, message.durable);
		}
		message.parts.put(pno, part);
		if (message.parts.size() < pnum) {
			return new Held(message.durable);
		}
		remove(source, pending, key);
		return new Completed(key.toString(), List.copyOf(message.parts.values()), message.durable);
	}

	/** Drops the messages whose time ran out. */
	synchronized List<Abandoned> expire(Instant now) {
		List<Abandoned> expired = new ArrayList<>();
		Iterator<Map.Entry<String, LinkedHashMap<Key, Pending>>> sources = this.bySource.entrySet().iterator();
		while (sources.hasNext()) {
			Map.Entry<String, LinkedHashMap<Key, Pending>> source = sources.next();
			Iterator<Map.Entry<Key, Pending>> messages = source.getValue().entrySet().iterator();
			while (messages.hasNext()) {
				Map.Entry<Key, Pending> message = messages.next();
				if (!now.isBefore(message.getValue().deadline)) {
					messages.remove();
					this.pendingCount--;
					expired.add(abandoned(source.getKey(), message.getKey(), message.getValue(),
							"not complete " + this.timeout.toSeconds() + " s after its first packet"
									+ " (lantian.hj212.reassembly-timeout)"));
				}
			}
			if (source.getValue().isEmpty()) {
				sources.remove();
			}
		}
		return expired;
	}

	/** Drops every message of a source that is gone (a closed connection). */
	synchronized List<Abandoned> close(String source) {
		LinkedHashMap<Key, Pending> pending = this.bySource.remove(source);
		if (pending == null) {
			return List.of();
		}
		List<Abandoned> closed = new ArrayList<>();
		pending.forEach((key, message) -> closed
			.add(abandoned(source, key, message, "the connection closed before the other packets arrived")));
		this.pendingCount -= pending.size();
		return closed;
	}

	/** The unfinished messages held, over all sources. */
	synchronized int pending() {
		return this.pendingCount;
	}

	/**
	 * One frame that carries the packets' data areas together, in PNO order: plain fields
	 * ({@code DataTime}) once, every factor's values; Flag without the D and A bits, no
	 * PNUM/PNO, the QN of the first packet.
	 * @throws IllegalArgumentException if the packets contradict each other: a plain
	 * field with different values, or a factor's value sent twice
	 */
	static Hj212Frame merge(List<Part> parts) {
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no packets");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, Map<String, String>> factors = new LinkedHashMap<>();
		for (Part part : parts) {
			Hj212DataArea area = part.frame().dataArea();
			for (Map.Entry<String, String> field : area.fields().entrySet()) {
				String earlier = fields.putIfAbsent(field.getKey(), field.getValue());
				if (earlier != null && !earlier.equals(field.getValue())) {
					throw new IllegalArgumentException(field.getKey() + " differs between packets: '" + earlier
							+ "' and '" + field.getValue() + "'");
				}
			}
			for (Map.Entry<String, Map<String, String>> factor : area.factors().entrySet()) {
				Map<String, String> values = factors.computeIfAbsent(factor.getKey(), (code) -> new LinkedHashMap<>());
				for (Map.Entry<String, String> value : factor.getValue().entrySet()) {
					if (values.putIfAbsent(value.getKey(), value.getValue()) != null) {
						throw new IllegalArgumentException(
								factor.getKey() + "-" + value.getKey() + " is sent in more than one packet");
					}
				}
			}
		}
		StringJoiner cp = new StringJoiner(";");
		fields.forEach((name, value) -> cp.add(name + "=" + value));
		factors.forEach((code, values) -> {
			StringJoiner factor = new StringJoiner(",");
			values.forEach((suffix, value) -> factor.add(code + "-" + suffix + "=" + value));
			cp.add(factor.toString());
		});
		Hj212Frame first = parts.get(0).frame();
		Integer flag = (first.flag() != null) ? first.flag() & ~0b11 : null;
		return new Hj212Frame(first.qn(), first.st(), first.cn(), first.pw(), first.mn(), flag, null, null,
				cp.toString());
	}

	private void remove(String source, LinkedHashMap<Key, Pending> pending, Key key) {
		if (pending.remove(key) != null) {
			this.pendingCount--;
		}
		if (pending.isEmpty()) {
			this.bySource.remove(source);
		}
	}

	private static Abandoned abandoned(String source, Key key, Pending message, String why) {
		return new Abandoned(message.transport, source, message.siteId, List.copyOf(message.parts.values()),
				key + " with PNUM=" + message.pnum + ": " + why + "; packets received: PNO " + message.parts.keySet(),
				message.durable);
	}

	/** One packet as received. */
	record Part(Hj212Frame frame, String text) {
	}

	/** Which packets belong together (STANDARDS §3.12). */
	private record Key(String mn, String cn, String group) {

		@Override
		public String toString() {
			return "split message MN=" + this.mn + " CN=" + this.cn + " " + this.group;
		}

	}

	/** An unfinished message. */
	private static final class Pending {

		private final Transport transport;

		private final String siteId;

		private final int pnum;

		private final Instant deadline;

		private final TreeMap<Integer, Part> parts = new TreeMap<>();

		/** Completes once the whole message is durable, or refused. */
		private final CompletableFuture<Void> durable = new CompletableFuture<>();

		Pending(Transport transport, String siteId, int pnum, Instant deadline) {
			this.transport = transport;
			this.siteId = siteId;
			this.pnum = pnum;
			this.deadline = deadline;
		}

	}

	/** What became of a packet. */
	sealed interface Outcome permits Held, Duplicate, Completed, Refused {

	}

	/**
	 * Kept until the others arrive; {@code durable} completes with the whole message.
	 */
	record Held(CompletableFuture<Void> durable) implements Outcome {
	}

	/** The same packet again (a retransmission); nothing changes. */
	record Duplicate(CompletableFuture<Void> durable) implements Outcome {
	}

	/**
	 * The last missing packet: the message's packets in PNO order; the caller stores them
	 * and completes {@code durable}.
	 */
	record Completed(String description, List<Part> parts, CompletableFuture<Void> durable) implements Outcome {
	}

	/**
	 * The message (or this packet alone) refused: {@code parts} are the packets to keep
	 * in the dead letters, this one included; the caller completes {@code durable}.
	 */
	record Refused(RejectionReason reason, String detail, List<Part> parts,
			CompletableFuture<Void> durable) implements Outcome {
	}

	/**
	 * A message dropped unfinished ({@link RejectionReason#SPLIT_INCOMPLETE}); the caller
	 * keeps its packets in the dead letters and completes {@code durable}.
	 */
	record Abandoned(Transport transport, String source, String siteId, List<Part> parts, String detail,
			CompletableFuture<Void> durable) {
	}

}
