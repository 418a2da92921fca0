package org.lantian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Lantian (蓝天): air-quality and emissions monitoring for Inner Mongolia's environmental
 * bureaus.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "domain")
public class LantianApplication {

	public static void main(String[] args) {
		SpringApplication.run(LantianApplication.class, args);
	}

}
