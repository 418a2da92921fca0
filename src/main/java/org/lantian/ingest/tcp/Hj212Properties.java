package org.lantian.ingest.tcp;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HJ 212 TCP listener (INTERFACES §1, §4).
 *
 * @param port the TCP port; 0 disables the listener
 * @param bindAddress the local address to listen on; loopback unless exposed deliberately
 * @param maxConnections connections beyond this are closed as soon as they are accepted
 * @param idleTimeout a connection that sends nothing for this long is closed
 * @param maxFrameBytes the longest frame, {@code ##} to {@code \r\n}; beyond it the
 * buffered bytes are refused as oversized and discarded up to the next {@code ##} (表2:
 * 1024 data segment bytes + 12 bytes of envelope, with some slack)
 * @param legacyLength whether the length field counts the CRC and CR LF too, as some
 * 2005-style loggers do (STANDARDS §3.11); the default for sites whose catalogue entry
 * does not say ({@code hj212.legacyLength})
 * @param maxBadFrames a connection that sends this many refused frames in a row (framing,
 * length, CRC, unknown MN, wrong PW) is closed; an accepted frame starts the count again
 * @param reassemblyTimeout how long the packets of a split message (PNUM/PNO) are held
 * after the first arrived
 * @param reassemblyMaxPackets the largest PNUM accepted
 * @param reassemblyMaxPending how many unfinished split messages one connection or MQTT
 * topic may have; beyond it the oldest is dropped
 */
@Validated
@ConfigurationProperties("lantian.hj212")
record Hj212Properties(@DefaultValue("9212") @Min(0) @Max(65535) int port,
		@DefaultValue("127.0.0.1") @NotBlank String bindAddress, @DefaultValue("1000") @Min(1) int maxConnections,
		@DefaultValue("5m") @NotNull Duration idleTimeout, @DefaultValue("1100") @Min(12) @Max(10012) int maxFrameBytes,
		@DefaultValue("false") boolean legacyLength, @DefaultValue("10") @Min(1) int maxBadFrames,
		@DefaultValue("60s") @NotNull Duration reassemblyTimeout,
		@DefaultValue("32") @Min(1) @Max(9999) int reassemblyMaxPackets,
		@DefaultValue("8") @Min(1) int reassemblyMaxPending) {

	/** Whether the listener is switched on. */
	boolean enabled() {
		return this.port != 0;
	}

}
