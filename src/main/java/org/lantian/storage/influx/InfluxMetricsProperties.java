package org.lantian.storage.influx;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether and how often Lantian copies its own {@code lantian.*} meters into InfluxDB
 * (measurement {@code lantian_meter}) for the Grafana ingestion-health dashboard.
 *
 * @param enabled whether to export at all
 * @param step how often the meters are written
 */
@Validated
@ConfigurationProperties("lantian.influx.metrics")
record InfluxMetricsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") @NotNull Duration step) {

}
