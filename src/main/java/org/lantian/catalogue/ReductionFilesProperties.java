package org.lantian.catalogue;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the emergency reduction list is ({@code lantian.reductions.file}, a path or a
 * {@code classpath:} location; the bundled file is sample data for the bundled sites).
 */
@Validated
@ConfigurationProperties("lantian.reductions")
record ReductionFilesProperties(@DefaultValue("classpath:" + ReductionsFile.BUNDLED) @NotBlank String file) {
}
