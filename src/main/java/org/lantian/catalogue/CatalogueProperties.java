package org.lantian.catalogue;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform-wide settings of INTERFACES §1.
 *
 * @param sites where the site catalogue is: a file path or a {@code classpath:} location
 * (YAML or JSON)
 * @param zone the reporting time zone; a "day" is the natural day in it
 * @param targets where the air-quality targets are ({@code lantian.targets}): a file path
 * or a {@code classpath:} location; the bundled file holds SEEDS-BRIEF A1–A8
 */
@Validated
@ConfigurationProperties("lantian")
public record CatalogueProperties(@DefaultValue("classpath:sites/inner-mongolia.yaml") @NotBlank String sites,
		@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
		@DefaultValue("classpath:airquality/targets.yaml") @NotBlank String targets) {
}
