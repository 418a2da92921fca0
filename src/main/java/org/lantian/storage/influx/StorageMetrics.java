package org.lantian.storage.influx;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of the writer, registered once (S-18). No tags: every meter is about the one
 * database.
 */
final class StorageMetrics {

	final Counter written;

	final Counter spooled;

	final Counter replayed;

	final Counter invalid;

	final Counter dropped;

	final DistributionSummary batchSize;

	final Timer writeLatency;

	final Timer durableLatency;

	final Timer lag;

	StorageMetrics(MeterRegistry registry, Spool spool, Collection<?> queue) {
		this.written = Counter.builder("lantian.storage.points.written")
			.description("Points InfluxDB acknowledged, written directly or replayed from the spool")
			.baseUnit("points")
			.register(registry);
		this.spooled = Counter.builder("lantian.storage.points.spooled")
			.description("Points appended to the on-disk spool because InfluxDB could not take them")
			.baseUnit("points")
			.register(registry);
		this.replayed = Counter.builder("lantian.storage.points.replayed")
			.description("Spooled points InfluxDB acknowledged on replay")
			.baseUnit("points")
			.register(registry);
		this.invalid = Counter.builder("lantian.storage.points.invalid")
			.description("Points refused as invalid (by InfluxDB or before encoding) and kept as rejections")
			.baseUnit("points")
			.register(registry);
		this.dropped = Counter.builder("lantian.storage.points.dropped")
			.description("Points whose store() failed: queue full, or neither InfluxDB nor the spool took them")
			.baseUnit("points")
			.register(registry);
		Gauge.builder("lantian.storage.spool.depth", spool, Spool::points)
			.description("Points waiting in the on-disk spool for InfluxDB")
			.baseUnit("points")
			.register(registry);
		Gauge.builder("lantian.storage.spool.segments", spool, Spool::segments)
			.description("Segment files waiting in the on-disk spool for InfluxDB")
			.baseUnit("segments")
			.register(registry);
		Gauge.builder("lantian.storage.queue.size", queue, Collection::size)
			.description("Points waiting in memory for the writer thread")
			.baseUnit("points")
			.register(registry);
		this.batchSize = DistributionSummary.builder("lantian.storage.batch.size")
			.description("Points per InfluxDB write request")
			.baseUnit("points")
			.register(registry);
		this.writeLatency = Timer.builder("lantian.storage.write.latency")
			.description("Duration of one InfluxDB write request, successful or not")
			.register(registry);
		this.durableLatency = Timer.builder("lantian.storage.durable.latency")
			.description("From a store() call to all of its readings being durable (in InfluxDB or the spool)")
			.register(registry);
		this.lag = Timer.builder("lantian.storage.lag")
			.description("From a sample reading's own time to InfluxDB acknowledging it")
			.register(registry);
	}

	void lag(long readingMillis, long nowMillis) {
		this.lag.record(Math.max(0, nowMillis - readingMillis), TimeUnit.MILLISECONDS);
	}

}
