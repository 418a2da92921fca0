package org.lantian.simulator.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The uploads a data logger has not had answered yet, oldest first, as HJ 212 loggers
 * keep them (Flag A bit, STANDARDS §3.3 and §3.12): an upload leaves only when a 9014
 * data reply with its QN arrives. The oldest {@code window} uploads are on the wire at a
 * time; one not answered within {@code timeout} is sent again, and after a lost
 * connection all are sent again. Bounded: when full, the oldest upload is dropped and
 * counted. Time is passed in, never read. Not thread-safe.
 */
public final class PendingUploads {

	private final int capacity;

	private final int window;

	private final Duration timeout;

	/** By QN, oldest first. */
	private final LinkedHashMap<String, Upload> uploads = new LinkedHashMap<>();

	private long dropped;

	private long resent;

	public PendingUploads(int capacity, int window, Duration timeout) {
		if (capacity < 1 || window < 1 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"capacity, window and timeout must be positive: " + capacity + ", " + window + ", " + timeout);
		}
		this.capacity = capacity;
		this.window = window;
		this.timeout = timeout;
	}

	/**
	 * Queues an upload, dropping the oldest when full.
	 * @return the QN of the upload dropped to make room, if one was
	 * @throws IllegalArgumentException if an upload with that QN is pending
	 */
	public @Nullable String add(String qn, String text) {
		Objects.requireNonNull(text, "text");
		if (this.uploads.containsKey(qn)) {
			throw new IllegalArgumentException("QN " + qn + " is already pending");
		}
		String evicted = null;
		if (this.uploads.size() >= this.capacity) {
			Iterator<String> oldest = this.uploads.keySet().iterator();
			evicted = oldest.next();
			oldest.remove();
			this.dropped++;
		}
		this.uploads.put(qn, new Upload(text));
		return evicted;
	}

	/**
	 * The uploads to send now, oldest first: those of the window never sent, or sent at
	 * least {@code timeout} ago; they count as sent at {@code now}.
	 */
	public List<String> due(Instant now) {
		List<String> due = new ArrayList<>();
		int position = 0;
		for (Upload upload : this.uploads.values()) {
			if (position++ >= this.window) {
				break;
			}
			if (upload.sentAt == null || !upload.sentAt.plus(this.timeout).isAfter(now)) {
				if (upload.sentAt != null) {
					this.resent++;
				}
				upload.sentAt = now;
				due.add(upload.text);
			}
		}
		return due;
	}

	/**
	 * The earliest instant an upload of the window falls due again, if one is on the
	 * wire; {@code now}-ish when one was never sent.
	 */
	public @Nullable Instant nextDue() {
		Instant next = null;
		int position = 0;
		for (Upload upload : this.uploads.values()) {
			if (position++ >= this.window) {
				break;
			}
			Instant due = (upload.sentAt != null) ? upload.sentAt.plus(this.timeout) : Instant.MIN;
			if (next == null || due.isBefore(next)) {
				next = due;
			}
		}
		return next;
	}

	/**
	 * A data reply arrived: the upload with its QN is done.
	 * @return whether an upload was waiting for it (a late duplicate reply finds none)
	 */
	public boolean acknowledge(String qn) {
		return this.uploads.remove(qn) != null;
	}

	/** The connection was lost: everything on the wire must go again. */
	public void connectionLost() {
		for (Map.Entry<String, Upload> upload : this.uploads.entrySet()) {
			if (upload.getValue().sentAt != null) {
				upload.getValue().sentAt = null;
				this.resent++;
			}
		}
	}

	public int size() {
		return this.uploads.size();
	}

	/** Uploads dropped because the queue was full. */
	public long dropped() {
		return this.dropped;
	}

	/**
	 * Uploads sent again: after a timeout, or to be sent again after a lost connection.
	 */
	public long resent() {
		return this.resent;
	}

	private static final class Upload {

		private final String text;

		private @Nullable Instant sentAt;

		Upload(String text) {
			this.text = text;
		}

	}

}
