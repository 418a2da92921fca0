package org.lantian.storage.influx;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.domain.SiteCatalogue;
import org.lantian.ingest.Rejections;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the InfluxDB adapter: the client, the spool, the writer
 * ({@link org.lantian.ingest.ReadingStore}), the repository
 * ({@link org.lantian.storage.ReadingRepository}), the {@code influx} health component
 * and the copy of Lantian's own meters into InfluxDB.
 */
@Configuration(proxyBeanMethods = false)
class InfluxConfiguration {

	@Bean(destroyMethod = "close")
	InfluxHttp influxHttp(InfluxProperties properties) {
		return new InfluxHttp(properties);
	}

	@Bean
	Spool spool(SpoolProperties properties) throws IOException {
		return Spool.open(properties.dir(), properties.maxSize().toBytes());
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	BatchingWriter batchingWriter(InfluxProperties properties, InfluxHttp influx, Spool spool, SiteCatalogue catalogue,
			Rejections rejections, MeterRegistry registry, Clock clock) {
		return new BatchingWriter(properties, influx, spool, catalogue, rejections, registry, clock);
	}

	@Bean
	InfluxReadingRepository influxReadingRepository(InfluxHttp influx, InfluxProperties properties,
			ZoneId reportingZone, Clock clock) {
		return new InfluxReadingRepository(influx, properties.lookback(), reportingZone, clock);
	}

	@Bean
	InfluxAirQualityStore influxAirQualityStore(InfluxHttp influx, ZoneId reportingZone) {
		return new InfluxAirQualityStore(influx, reportingZone);
	}

	@Bean
	InfluxAlertJournal influxAlertJournal(InfluxHttp influx) {
		return new InfluxAlertJournal(influx);
	}

	@Bean
	InfluxWarningJournal influxWarningJournal(InfluxHttp influx) {
		return new InfluxWarningJournal(influx);
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnProperty(name = "lantian.influx.metrics.enabled", matchIfMissing = true)
	InfluxMeterExporter influxMeterExporter(InfluxHttp influx, MeterRegistry registry, Clock clock,
			InfluxMetricsProperties properties) {
		return new InfluxMeterExporter(influx, registry, clock, properties.step());
	}

	@Bean
	InfluxHealthIndicator influxHealthIndicator(InfluxHttp influx, Spool spool) {
		return new InfluxHealthIndicator(influx, spool);
	}

}
