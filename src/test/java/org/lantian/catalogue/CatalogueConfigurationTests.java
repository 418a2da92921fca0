package org.lantian.catalogue;

import org.junit.jupiter.api.Test;

import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.reduction.ReductionList;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue module's beans from the bundled files, and {@code lantian.warnings.file}
 * / {@code lantian.reductions.file} overriding them.
 */
class CatalogueConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, CatalogueConfiguration.class);

	@Test
	void providesTheBundledWarningRulesAndReductionList() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(WarningRules.class).jointZones().zones()).hasSize(2);
			assertThat(context.getBean(ReductionList.class).entries()).hasSize(16);
		});
	}

	@Test
	void aMissingFileFailsTheStartNamingIt() {
		this.runner.withPropertyValues("lantian.warnings.file=/nonexistent/warnings.yaml").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidWarningsException.class)
				.hasMessageContaining("invalid warning configuration /nonexistent/warnings.yaml")
				.hasMessageContaining("file not found");
		});
		this.runner.withPropertyValues("lantian.reductions.file=classpath:nope.yaml")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("invalid warning configuration classpath:nope.yaml"));
	}

	@Test
	void anotherSiteCatalogueWithoutItsOwnListGetsAnEmptyList() {
		this.runner.withPropertyValues("lantian.sites=classpath:sites/hj212-units.yaml")
			.run((context) -> assertThat(context.getBean(ReductionList.class).entries()).isEmpty());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CatalogueProperties.class)
	static class Properties {

	}

}
