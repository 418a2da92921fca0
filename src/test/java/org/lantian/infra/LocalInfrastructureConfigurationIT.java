package org.lantian.infra;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@link LocalInfrastructureConfiguration} points a context at the local
 * binaries, both in tests and in a plain {@code SpringApplication}.
 */
class LocalInfrastructureConfigurationIT {

	@Test
	void configuresAnApplicationStartedOutsideTheTestFramework() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
				LocalInfrastructureConfiguration.class)
			.web(WebApplicationType.NONE)
			.run()) {
			assertPointsAtLocalInfrastructure(context.getEnvironment());
		}
	}

	static void assertPointsAtLocalInfrastructure(Environment environment) {
		LocalInfrastructure infrastructure = LocalInfrastructure.shared();
		assertThat(environment.getProperty("lantian.mqtt.url")).isEqualTo(infrastructure.mosquitto().url());
		assertThat(environment.getProperty("lantian.influx.url")).isEqualTo(infrastructure.influxd().url());
		assertThat(environment.getProperty("lantian.influx.database")).matches("it_[0-9a-f]{16}");
		assertThat(environment.getProperty("lantian.mqtt.client-id")).matches("lantian-it-[0-9a-f]{16}");
		assertThat(Path.of(environment.getRequiredProperty("lantian.spool.dir"))).isEmptyDirectory();
	}

	@Nested
	@SpringJUnitConfig(LocalInfrastructureConfiguration.class)
	class InATestContext {

		@Autowired
		Environment environment;

		@Test
		void configuresTheContext() {
			assertPointsAtLocalInfrastructure(this.environment);
		}

	}

}
