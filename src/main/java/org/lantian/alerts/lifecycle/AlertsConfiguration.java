package org.lantian.alerts.lifecycle;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.domain.SiteCatalogue;
import org.lantian.storage.AlertJournal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	AlertService alertService(AlertJournal journal, SiteCatalogue catalogue, ApplicationEventPublisher events,
			Clock clock, AlertsProperties properties, MeterRegistry registry) {
		return new AlertService(journal, catalogue, events, clock, properties, registry);
	}

}
