package org.lantian.alerts.lifecycle;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The alert lifecycle's settings ({@code lantian.alerts.*}).
 *
 * @param escalateAfter an open alert not acknowledged for this long since its raise or
 * last escalation is escalated one severity step; {@code 0} never escalates
 * @param escalationCheck how often overdue alerts are looked for
 * @param keepResolved how many resolved alerts stay in memory (older ones are read from
 * the journal)
 * @param journal the journal writer's queue and retries
 */
@Validated
@ConfigurationProperties("lantian.alerts")
record AlertsProperties(@DefaultValue("30m") @NotNull Duration escalateAfter,
		@DefaultValue("15s") @NotNull Duration escalationCheck, @DefaultValue("10000") @Min(0) int keepResolved,
		@DefaultValue @Valid Journal journal) {

	/**
	 * @param capacity changes waiting for InfluxDB at most; beyond it new changes are
	 * dropped from the journal (and counted), never from memory
	 * @param retryInterval the first wait after a failed write; doubled up to
	 * {@code maxRetryInterval}
	 * @param flushTimeout how long a shutdown waits for waiting changes to be written
	 */
	record Journal(@DefaultValue("100000") @Min(1) int capacity, @DefaultValue("1s") @NotNull Duration retryInterval,
			@DefaultValue("30s") @NotNull Duration maxRetryInterval,
			@DefaultValue("10s") @NotNull Duration flushTimeout) {
	}

}
