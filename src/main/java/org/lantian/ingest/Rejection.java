package org.lantian.ingest;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One refused input, as kept in the dead letters.
 *
 * @param source where it came from: the MQTT topic, the HTTP caller or the TCP peer
 * @param site the site it named, if any could be read
 * @param payload the refused input, truncated to a few kilobytes
 */
public record Rejection(Instant at, Transport transport, RejectionReason reason, String detail, String source,
		@Nullable String site, String payload) {

	/** The most of a refused payload that is kept. */
	public static final int MAX_PAYLOAD_CHARS = 4096;

	public Rejection {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(transport, "transport");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(detail, "detail");
		Objects.requireNonNull(source, "source");
		payload = (payload.length() > MAX_PAYLOAD_CHARS) ? payload.substring(0, MAX_PAYLOAD_CHARS) + "…" : payload;
	}

}
