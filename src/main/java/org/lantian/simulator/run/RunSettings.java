package org.lantian.simulator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where and how the simulator sends.
 *
 * @param mqttUrl the broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param hj212Host the HJ 212 listener's host
 * @param hj212Port the HJ 212 listener's port
 * @param topicPrefix Lantian's topic prefix ({@code lantian/v1})
 * @param clientId the MQTT client id; the same id resumes the persistent session
 * @param mqttPersistence directory for the MQTT messages in flight, or {@code null} for
 * memory
 * @param zone the zone of local times (HJ 212 DataTime, JSON offsets)
 * @param loggerCapacity uploads a logger keeps unanswered at most
 * @param loggerWindow uploads a logger has on the wire at once
 * @param replyTimeout how long a logger waits for a 9014 before sending again
 * @param stopPatience how long a stop waits for outstanding acknowledgements
 * @param progressEvery how often progress is logged
 */
public record RunSettings(String mqttUrl, String hj212Host, int hj212Port, String topicPrefix, String clientId,
		@Nullable Path mqttPersistence, ZoneId zone, int loggerCapacity, int loggerWindow, Duration replyTimeout,
		Duration stopPatience, Duration progressEvery) {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	public RunSettings {
		Objects.requireNonNull(mqttUrl, "mqttUrl");
		Objects.requireNonNull(hj212Host, "hj212Host");
		Objects.requireNonNull(topicPrefix, "topicPrefix");
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(zone, "zone");
		if (hj212Port < 1 || hj212Port > 65535) {
			throw new IllegalArgumentException("HJ 212 port out of range: " + hj212Port);
		}
		if (loggerCapacity < 1 || loggerWindow < 1 || loggerWindow > loggerCapacity) {
			throw new IllegalArgumentException(
					"need 1 <= loggerWindow <= loggerCapacity: " + loggerWindow + ", " + loggerCapacity);
		}
	}

	/** The defaults of the command line, with the given endpoints. */
	public static RunSettings of(String mqttUrl, String hj212Host, int hj212Port, String clientId,
			@Nullable Path mqttPersistence) {
		return new RunSettings(mqttUrl, hj212Host, hj212Port, "lantian/v1", clientId, mqttPersistence, SHANGHAI,
				100_000, 32, Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(5));
	}

	public RunSettings withReplyTimeout(Duration timeout) {
		return new RunSettings(this.mqttUrl, this.hj212Host, this.hj212Port, this.topicPrefix, this.clientId,
				this.mqttPersistence, this.zone, this.loggerCapacity, this.loggerWindow, timeout, this.stopPatience,
				this.progressEvery);
	}

	public RunSettings withStopPatience(Duration patience) {
		return new RunSettings(this.mqttUrl, this.hj212Host, this.hj212Port, this.topicPrefix, this.clientId,
				this.mqttPersistence, this.zone, this.loggerCapacity, this.loggerWindow, this.replyTimeout, patience,
				this.progressEvery);
	}

}
