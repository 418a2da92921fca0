package org.lantian.ingest.deadletter;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
class DeadLetterConfiguration {

	@Bean
	FileRejections fileRejections(DeadLetterProperties properties, Clock clock) {
		return new FileRejections(properties.dir(), properties.recent(), properties.retention(), clock);
	}

}
