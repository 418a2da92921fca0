package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies Lantian's own meters ({@code lantian.*}) into InfluxDB every {@code step}, so
 * that Grafana's ingestion-health dashboard reads them from the same data source as the
 * readings: measurement {@code lantian_meter}, tag {@code meter} (the meter's name) and
 * the meter's own tags (bounded, S-18), one field per statistic ({@code count},
 * {@code total} (seconds for timers), {@code max}, {@code value}, …) as the registry
 * reports it, i.e. cumulative for counters and timers (read with
 * {@code non_negative_derivative}).
 * <p>
 * A failed write is logged at WARN once per outage and not retried: metrics are a view,
 * not data, and the next step writes the totals again.
 */
final class InfluxMeterExporter implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(InfluxMeterExporter.class);

	static final String MEASUREMENT = "lantian_meter";

	static final String METER_TAG = "meter";

	static final String PREFIX = "lantian.";

	private final InfluxHttp influx;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Duration step;

	private final ScheduledExecutorService scheduler;

	private boolean failing;

	InfluxMeterExporter(InfluxHttp influx, MeterRegistry registry, Clock clock, Duration step) {
		if (step.isNegative() || step.isZero()) {
			throw new IllegalArgumentException("lantian.influx.metrics.step must be positive, got " + step);
		}
		this.influx = influx;
		this.registry = registry;
		this.clock = clock;
		this.step = step;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lantian-influx-meters");
			thread.setDaemon(true);
			return thread;
		});
	}

	void start() {
		long millis = this.step.toMillis();
		this.scheduler.scheduleAtFixedRate(this::export, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Writes one point per {@code lantian.*} meter, stamped with the current step. */
	void export() {
		long millis = this.step.toMillis();
		Instant at = Instant.ofEpochMilli(Math.floorDiv(this.clock.millis(), millis) * millis);
		String lines = encode(this.registry.getMeters(), at);
		if (lines.isEmpty()) {
			return;
		}
		try {
			this.influx.write(lines);
			if (this.failing) {
				LOG.info("Writing meters to InfluxDB again");
				this.failing = false;
			}
		}
		catch (InfluxWriteException | RuntimeException ex) {
			if (!this.failing) {
				LOG.warn("Could not write meters to InfluxDB: {}", ex.getMessage());
				this.failing = true;
			}
		}
	}

	/**
	 * The line protocol of the {@code lantian.*} meters at {@code at}: one line each,
	 * without meters that have no finite value.
	 */
	static String encode(Collection<Meter> meters, Instant at) {
		StringBuilder lines = new StringBuilder(meters.size() * 120);
		for (Meter meter : meters) {
			Meter.Id id = meter.getId();
			if (!id.getName().startsWith(PREFIX)) {
				continue;
			}
			String fields = fields(meter.measure());
			if (fields == null) {
				continue;
			}
			lines.append(LineProtocol.measurement(MEASUREMENT))
				.append(',')
				.append(METER_TAG)
				.append('=')
				.append(LineProtocol.key(id.getName()));
			for (Tag tag : id.getTagsAsIterable()) {
				if (!tag.getKey().equals(METER_TAG) && !tag.getValue().isEmpty()) {
					lines.append(',')
						.append(LineProtocol.key(tag.getKey()))
						.append('=')
						.append(LineProtocol.key(tag.getValue()));
				}
			}
			lines.append(' ').append(fields).append(' ').append(at.toEpochMilli()).append('\n');
		}
		return lines.toString();
	}

	private static @Nullable String fields(Iterable<Measurement> measurements) {
		StringBuilder fields = new StringBuilder(64);
		for (Measurement measurement : measurements) {
			double value = measurement.getValue();
			if (!Double.isFinite(value)) {
				continue;
			}
			if (fields.length() > 0) {
				fields.append(',');
			}
			fields.append(measurement.getStatistic().getTagValueRepresentation().toLowerCase(Locale.ROOT))
				.append('=')
				.append(BigDecimal.valueOf(value).toPlainString());
		}
		return (fields.length() == 0) ? null : fields.toString();
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
