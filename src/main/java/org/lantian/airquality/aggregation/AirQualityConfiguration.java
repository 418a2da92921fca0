package org.lantian.airquality.aggregation;

import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.airquality.AirQualityProperties;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.evaluation.AirQualityTargets;
import org.lantian.storage.AirQualityStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AQI aggregation: one {@link AirQualityAggregator}, started with the application.
 */
@Configuration(proxyBeanMethods = false)
class AirQualityConfiguration {

	@Bean
	AirQualityAggregator airQualityAggregator(AirQualityStore store, SiteCatalogue catalogue, AirQualityTargets targets,
			ZoneId reportingZone, Clock clock, AirQualityProperties properties, ApplicationEventPublisher events,
			MeterRegistry meters) {
		return new AirQualityAggregator(store, catalogue, targets, reportingZone, clock, properties, events, meters);
	}

}
