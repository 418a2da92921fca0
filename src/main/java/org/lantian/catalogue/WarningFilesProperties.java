package org.lantian.catalogue;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the warning configuration is ({@code lantian.warnings.file}, a path or a
 * {@code classpath:} location; the bundled file holds STANDARDS §4).
 */
@Validated
@ConfigurationProperties("lantian.warnings")
record WarningFilesProperties(@DefaultValue("classpath:" + WarningsFile.BUNDLED) @NotBlank String file) {
}
