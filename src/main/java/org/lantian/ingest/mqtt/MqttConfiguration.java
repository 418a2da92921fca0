package org.lantian.ingest.mqtt;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.ingest.pipeline.ReadingPipeline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MqttProperties.class)
@ConditionalOnProperty(prefix = "lantian.mqtt", name = "enabled", havingValue = "true", matchIfMissing = true)
class MqttConfiguration {

	@Bean
	MqttReadingSubscriber mqttReadingSubscriber(MqttProperties properties, ReadingPipeline pipeline,
			MeterRegistry meters) {
		return new MqttReadingSubscriber(properties, pipeline, meters);
	}

	/** Named so that the health component is {@code mqtt}. */
	@Bean
	MqttHealthIndicator mqttHealthIndicator(MqttReadingSubscriber subscriber) {
		return new MqttHealthIndicator(subscriber);
	}

}
