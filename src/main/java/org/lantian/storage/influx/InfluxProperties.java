package org.lantian.storage.influx;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Lantian reaches InfluxDB 1.x (v1 HTTP API) and how it batches writes. The password
 * comes from the environment only ({@code LANTIAN_INFLUX_PASSWORD}).
 *
 * @param url base URL of the v1 HTTP API
 * @param database the database, created at start if it does not exist
 * @param batchSize the most points one {@code /write} carries
 * @param flushInterval how long the writer waits for a batch to fill
 * @param queueCapacity the most points waiting in memory for the writer
 * @param enqueueTimeout how long {@code store} may wait for room in a full queue before
 * it fails
 * @param retryBackoff the pause between attempts to replay the spool while InfluxDB fails
 * @param lookback how far back {@code latest} looks
 * @param connectTimeout TCP connect timeout of one request
 * @param readTimeout response timeout of one request
 */
@Validated
@ConfigurationProperties("lantian.influx")
record InfluxProperties(@DefaultValue("http://127.0.0.1:8086") @NotBlank String url,
		@DefaultValue("lantian") @NotBlank String database, @Nullable String username, @Nullable String password,
		@DefaultValue("5000") @Positive int batchSize, @DefaultValue("100ms") @NotNull Duration flushInterval,
		@DefaultValue("200000") @Positive int queueCapacity, @DefaultValue("2s") @NotNull Duration enqueueTimeout,
		@DefaultValue @Valid Backoff retryBackoff, @DefaultValue("400d") @NotNull Duration lookback,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("10s") @NotNull Duration readTimeout) {

	InfluxProperties {
		if (batchSize > queueCapacity) {
			throw new IllegalArgumentException(
					"lantian.influx.batch-size " + batchSize + " exceeds queue-capacity " + queueCapacity);
		}
	}

	@Override
	public String toString() {
		return "InfluxProperties[url=" + this.url + ", database=" + this.database + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "***" : null) + ", batchSize=" + this.batchSize
				+ ", flushInterval=" + this.flushInterval + ", queueCapacity=" + this.queueCapacity + ", retryBackoff="
				+ this.retryBackoff + ", lookback=" + this.lookback + "]";
	}

	/**
	 * Exponential backoff: {@code initial}, doubled after each failure, at most
	 * {@code max}.
	 */
	record Backoff(@DefaultValue("200ms") @NotNull Duration initial, @DefaultValue("10s") @NotNull Duration max) {

		static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

		Backoff {
			if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
				throw new IllegalArgumentException("retry backoff needs 0 < initial <= max: " + initial + ", " + max);
			}
		}

		Duration next(Duration current) {
			Duration doubled = current.multipliedBy(2);
			return (doubled.compareTo(this.max) > 0) ? this.max : doubled;
		}

	}

}
