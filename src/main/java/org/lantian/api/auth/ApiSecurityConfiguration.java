package org.lantian.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyProperties properties, MeterRegistry registry) {
		ApiKeys keys = ApiKeys.of(properties.keys());
		if (keys.size() == 0) {
			LOG.warn("No API keys are configured (lantian.api.keys): every /api/v1 request will be refused");
		}
		else {
			LOG.info("{} API keys configured", keys.size());
		}
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(keys, registry));
		registration.addUrlPatterns("/api/*");
		registration.setName("apiKeyFilter");
		return registration;
	}

}
