package org.lantian.ingest.mqtt;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.ingest.pipeline.ReadingPipeline;
import org.lantian.ingest.tcp.Hj212FrameHandler;

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
			Hj212FrameHandler hj212, MeterRegistry meters) {
		return new MqttReadingSubscriber(properties, pipeline, new Hj212OverMqtt(hj212, properties), meters);
	}

	/** Named so that the health component is {@code mqtt}. */
	@Bean
	MqttHealthIndicator mqttHealthIndicator(MqttReadingSubscriber subscriber) {
		return new MqttHealthIndicator(subscriber);
	}

}
