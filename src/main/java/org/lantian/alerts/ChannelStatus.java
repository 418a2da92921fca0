package org.lantian.alerts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a notification channel is doing since start.
 *
 * @param delivered notifications it delivered
 * @param failed notifications it gave up on after its retries
 * @param dropped notifications it refused because its queue was full
 * @param queued notifications waiting now
 * @param lastError the last failure's description, if any
 * @param consecutiveFailures notifications given up on or dropped since the last one
 * delivered
 * @param connected for a channel with a connection (MQTT), whether it is connected now;
 * null for the others
 */
public record ChannelStatus(String channel, boolean enabled, long delivered, long failed, long dropped, int queued,
		@Nullable String lastError, @Nullable Instant lastErrorAt, long consecutiveFailures,
		@Nullable Boolean connected) {
}
