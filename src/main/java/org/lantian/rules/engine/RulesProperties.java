package org.lantian.rules.engine;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rule engine's settings ({@code lantian.rules.*}).
 *
 * @param file the rules file: a path or a {@code classpath:} location
 * @param reloadInterval how often the file's modification time is checked
 * @param tick how often timer-driven conditions (no data, silent hours, events) are
 * decided
 * @param lanes parallel evaluation lanes; a site always goes to the same lane
 * @param queueCapacity tasks waiting per lane; beyond it readings are dropped and counted
 * @param rebuildLookback how much stored history rebuilds rule state at start
 */
@Validated
@ConfigurationProperties("lantian.rules")
record RulesProperties(@DefaultValue("classpath:rules/rules.yaml") @NotBlank String file,
		@DefaultValue("30s") @NotNull Duration reloadInterval, @DefaultValue("30s") @NotNull Duration tick,
		@DefaultValue("2") @Min(1) int lanes, @DefaultValue("10000") @Min(1) int queueCapacity,
		@DefaultValue("2h") @NotNull Duration rebuildLookback) {
}
