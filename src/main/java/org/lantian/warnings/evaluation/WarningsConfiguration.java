package org.lantian.warnings.evaluation;

import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.airquality.AirQuality;
import org.lantian.domain.warning.WarningRules;
import org.lantian.storage.WarningJournal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarningsProperties.class)
class WarningsConfiguration {

	@Bean
	WarningService warningService(WarningRules rules, WarningJournal journal, AirQuality airQuality,
			ApplicationEventPublisher events, WarningsProperties properties, ZoneId reportingZone, Clock clock,
			MeterRegistry registry) {
		return new WarningService(rules, journal, airQuality, events, properties, reportingZone, clock, registry);
	}

}
