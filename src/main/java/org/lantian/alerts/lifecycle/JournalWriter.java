package org.lantian.alerts.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.storage.AlertJournal;
import org.lantian.storage.AlertRecord;

/**
 * Writes alert changes to the {@link AlertJournal} on a thread of its own, in order, in
 * batches: each write is synchronous, and a failed one is retried with a growing pause
 * until InfluxDB takes it, while new changes wait in a bounded in-memory queue. Callers
 * never wait.
 */
final class JournalWriter implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

	private static final int BATCH = 500;

	private final AlertJournal journal;

	private final AlertsProperties.Journal settings;

	private final LinkedBlockingDeque<AlertRecord> queue;

	private final List<AlertRecord> batch = new ArrayList<>();

	private final Thread thread;

	private final Counter written;

	private final Counter failures;

	private final Counter dropped;

	private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

	private volatile boolean running = true;

	private volatile int inFlight;

	JournalWriter(AlertJournal journal, AlertsProperties.Journal settings, MeterRegistry registry) {
		this.journal = journal;
		this.settings = settings;
		this.queue = new LinkedBlockingDeque<>(settings.capacity());
		this.written = Counter.builder("lantian.alerts.journal.written")
			.description("Alert changes written to InfluxDB")
			.register(registry);
		this.failures = Counter.builder("lantian.alerts.journal.failures")
			.description("Failed writes of alert changes to InfluxDB (retried)")
			.register(registry);
		this.dropped = Counter.builder("lantian.alerts.journal.dropped")
			.description("Alert changes not journalled because the journal queue was full")
			.register(registry);
		Gauge.builder("lantian.alerts.journal.pending", this, JournalWriter::pending)
			.description("Alert changes waiting to be written to InfluxDB")
			.register(registry);
		this.thread = new Thread(this::run, "alerts-journal");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/** Queues a change; never waits. */
	void add(AlertRecord record) {
		if (!this.queue.offerLast(record)) {
			this.dropped.increment();
			LOG.error("Alert journal queue full ({}): change {}#{} is not journalled", this.settings.capacity(),
					record.alert(), record.seq());
		}
	}

	int pending() {
		return this.queue.size() + this.inFlight;
	}

	@Nullable String lastError() {
		return this.lastError.get();
	}

	private void run() {
		Duration pause = this.settings.retryInterval();
		while (this.running || !this.queue.isEmpty() || !this.batch.isEmpty()) {
			try {
				if (this.batch.isEmpty()) {
					AlertRecord first = this.queue.pollFirst(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					this.batch.add(first);
					this.queue.drainTo(this.batch, BATCH - 1);
					this.inFlight = this.batch.size();
				}
				this.journal.append(this.batch);
				this.written.increment(this.batch.size());
				this.batch.clear();
				this.inFlight = 0;
				if (this.lastError.getAndSet(null) != null) {
					LOG.info("Alert journal writes succeed again");
				}
				pause = this.settings.retryInterval();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				this.failures.increment();
				if (this.lastError.getAndSet(Instant.now() + " " + ex.getMessage()) == null) {
					LOG.warn("Alert journal write failed, retrying every {} up to {}: {}", pause,
							this.settings.maxRetryInterval(), ex.getMessage());
				}
				if (!this.running) {
					return;
				}
				try {
					Thread.sleep(pause.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				Duration doubled = pause.multipliedBy(2);
				pause = (doubled.compareTo(this.settings.maxRetryInterval()) > 0) ? this.settings.maxRetryInterval()
						: doubled;
			}
		}
	}

	/** Stops after writing what waits, for at most the flush timeout. */
	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(this.settings.flushTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			this.thread.interrupt();
			LOG.warn("Stopped with {} alert changes not journalled", pending());
		}
	}

}
