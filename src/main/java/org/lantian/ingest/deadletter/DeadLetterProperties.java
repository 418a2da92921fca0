package org.lantian.ingest.deadletter;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how long the dead letters are kept.
 *
 * @param dir the directory of the daily {@code rejections-YYYY-MM-DD.jsonl} files (UTC
 * days)
 * @param recent how many of the newest rejections are kept in memory for listing
 * @param retention how long the files are kept; at least a day
 */
@Validated
@ConfigurationProperties("lantian.deadletters")
record DeadLetterProperties(@DefaultValue("./var/deadletters") @NotNull Path dir,
		@DefaultValue("10000") @Min(1) int recent, @DefaultValue("30d") @NotNull Duration retention) {
}
