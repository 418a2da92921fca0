package org.lantian.ingest.json;

import java.time.Clock;

import org.lantian.domain.SiteCatalogue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JsonIngestProperties.class)
class JsonIngestConfiguration {

	@Bean
	JsonReadingParser jsonReadingParser(SiteCatalogue catalogue, Clock clock, JsonIngestProperties properties) {
		return new JsonReadingParser(catalogue, clock, properties.limits());
	}

}
