package org.lantian.storage.influx;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The store-and-forward spool that keeps acknowledged readings on disk while InfluxDB is
 * unreachable.
 *
 * @param dir the directory of the spool segments ({@code LANTIAN_SPOOL_DIR})
 * @param maxSize the most the spool may hold; beyond it new readings fail and devices
 * redeliver them later
 */
@Validated
@ConfigurationProperties("lantian.spool")
record SpoolProperties(@DefaultValue("./var/spool") @NotNull Path dir,
		@DefaultValue("10GB") @NotNull DataSize maxSize) {

}
