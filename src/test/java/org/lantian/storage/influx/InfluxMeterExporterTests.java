package org.lantian.storage.influx;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxMeterExporterTests {

	private static final Instant AT = Instant.parse("2026-03-10T00:00:30Z");

	@Test
	void writesOneLinePerLantianMeterWithItsTagsAndStatistics() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Counter.builder("lantian.ingest.messages")
			.tag("transport", "mqtt")
			.tag("outcome", "accepted")
			.register(registry)
			.increment(42);
		Timer.builder("lantian.storage.write.latency").register(registry).record(250, TimeUnit.MILLISECONDS);
		Counter.builder("jvm.other").register(registry).increment();

		String lines = InfluxMeterExporter.encode(registry.getMeters(), AT);

		assertThat(lines.lines()).containsExactlyInAnyOrder(
				"lantian_meter,meter=lantian.ingest.messages,outcome=accepted,transport=mqtt count=42.0 1773100830000",
				"lantian_meter,meter=lantian.storage.write.latency count=1.0,total=0.25,max=0.25 1773100830000");
	}

	@Test
	void leavesOutMetersWithoutAFiniteValueAndEscapesTagValues() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Gauge.builder("lantian.storage.queue.size", () -> Double.NaN).register(registry);
		AtomicInteger depth = new AtomicInteger(7);
		Gauge.builder("lantian.warnings.level", depth, AtomicInteger::get).tag("region", "包头 市,a=b").register(registry);

		String lines = InfluxMeterExporter.encode(registry.getMeters(), AT);

		assertThat(lines)
			.isEqualTo("lantian_meter,meter=lantian.warnings.level,region=包头\\ 市\\,a\\=b value=7.0 1773100830000\n");
	}

}
