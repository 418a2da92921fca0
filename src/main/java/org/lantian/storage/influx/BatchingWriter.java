package org.lantian.storage.influx;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.ingest.ReadingStore;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.lantian.ingest.Transport;
import org.lantian.storage.influx.InfluxWriteException.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores readings in InfluxDB without ever making a caller wait for it: {@link #store}
 * encodes and queues, and one writer thread sends batches of up to {@code batchSize}
 * points (or what arrived within {@code flushInterval}).
 * <ul>
 * <li>InfluxDB acknowledges the batch: the readings are durable.</li>
 * <li>InfluxDB is unreachable or fails (I/O error, timeout, 5xx): the batch goes to the
 * {@link Spool} on disk, which makes it durable too. While the spool holds anything, new
 * batches are appended behind it (so order is kept) and the writer replays the oldest
 * segment with exponential backoff, deleting each once InfluxDB acknowledged it.</li>
 * <li>InfluxDB refuses points as invalid (400, e.g. a field type conflict): the batch is
 * bisected until each invalid point is alone; the valid halves are written (InfluxDB
 * overwrites, so writing a point twice is harmless) and each invalid point becomes a
 * {@link RejectionReason#INVALID_POINT} rejection. They are dealt with, so the caller may
 * acknowledge them.</li>
 * <li>Neither InfluxDB nor the spool takes the batch, or the queue stays full for
 * {@code enqueueTimeout}: the future fails, the caller does not acknowledge, and the
 * device or broker delivers again.</li>
 * </ul>
 * Futures complete on the writer thread; callers that do more than acknowledge should
 * continue asynchronously.
 */
public final class BatchingWriter implements ReadingStore, AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);

	private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private static final long GATHER_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private static final long REPLAY_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private final InfluxHttp influx;

	private final Spool spool;

	/** Per site, the escaped series key of each {@link ReadingPeriod}, by ordinal. */
	private final Map<SiteId, String[]> seriesKeys;

	/** Sites whose tags InfluxDB cannot carry, with the reason. */
	private final Map<SiteId, String> unencodableSites;

	private final Rejections rejections;

	private final Clock clock;

	private final StorageMetrics metrics;

	private final int batchSize;

	private final int queueCapacity;

	private final long flushIntervalNanos;

	private final Duration enqueueTimeout;

	private final InfluxProperties.Backoff backoff;

	private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();

	private final Semaphore room;

	private final ReadWriteLock accepting = new ReentrantReadWriteLock();

	private final Thread thread;

	private volatile boolean open;

	// Writer thread only
	private Duration currentBackoff;

	private long nextReplayNanos;

	BatchingWriter(InfluxProperties properties, InfluxHttp influx, Spool spool, SiteCatalogue catalogue,
			Rejections rejections, MeterRegistry registry, Clock clock) {
		this.influx = influx;
		this.spool = spool;
		Map<SiteId, String> unencodable = new HashMap<>();
		this.seriesKeys = seriesKeys(catalogue, unencodable);
		this.unencodableSites = Map.copyOf(unencodable);
		this.rejections = rejections;
		this.clock = clock;
		this.batchSize = properties.batchSize();
		this.queueCapacity = properties.queueCapacity();
		this.flushIntervalNanos = properties.flushInterval().toNanos();
		this.enqueueTimeout = properties.enqueueTimeout();
		this.backoff = properties.retryBackoff();
		this.currentBackoff = this.backoff.initial();
		this.room = new Semaphore(properties.queueCapacity(), true);
		this.metrics = new StorageMetrics(registry, spool, this.queue);
		this.thread = new Thread(this::run, "lantian-influx-writer");
		this.thread.setDaemon(true);
	}

	/**
	 * The series keys of every catalogue site; a site with a tag InfluxDB cannot carry
	 * gets none, and the reason instead.
	 */
	private static Map<SiteId, String[]> seriesKeys(SiteCatalogue catalogue, Map<SiteId, String> unencodable) {
		Map<SiteId, String[]> keys = new HashMap<>();
		for (Site site : catalogue.sites()) {
			try {
				String[] byPeriod = new String[ReadingPeriod.values().length];
				for (ReadingPeriod period : ReadingPeriod.values()) {
					byPeriod[period.ordinal()] = LineProtocol.seriesKey(site, period);
				}
				keys.put(site.id(), byPeriod);
			}
			catch (IllegalArgumentException ex) {
				LOG.warn("Readings of site {} cannot be stored in InfluxDB: {}", site.id(), ex.getMessage());
				unencodable.put(site.id(), ex.getMessage());
			}
		}
		return Map.copyOf(keys);
	}

	/**
	 * Creates the database if InfluxDB answers (if not, the first write that finds it
	 * missing will) and starts the writer thread, which first replays whatever the spool
	 * holds.
	 */
	void start() {
		try {
			this.influx.createDatabase();
		}
		catch (RuntimeException ex) {
			LOG.warn("Could not create InfluxDB database {} at start ({}); writes will be spooled until it can be",
					this.influx.database(), ex.getMessage());
		}
		this.nextReplayNanos = System.nanoTime();
		this.open = true;
		this.thread.start();
		LOG.info("InfluxDB writer started: database {}, spool {} ({} points waiting)", this.influx.database(),
				this.spool.directory(), this.spool.points());
	}

	/**
	 * Queues the readings; never waits for InfluxDB, and for room in a full queue at most
	 * {@code enqueueTimeout}. Readings of sites missing from the catalogue, or that line
	 * protocol cannot carry, are rejected at once as
	 * {@link RejectionReason#INVALID_POINT}.
	 */
	@Override
	public CompletableFuture<Void> store(List<Reading> readings) {
		Ticket ticket = new Ticket(readings.size(), System.nanoTime());
		if (readings.isEmpty()) {
			ticket.future.complete(null);
			return ticket.future;
		}
		List<Entry> entries = new ArrayList<>(readings.size());
		for (Reading reading : readings) {
			String[] keys = this.seriesKeys.get(reading.site());
			if (keys == null) {
				rejectUnencodable(reading, this.unencodableSites.getOrDefault(reading.site(),
						"site " + reading.site() + " is not in the catalogue"));
				ticket.done(1, this.metrics);
				continue;
			}
			try {
				entries.add(new Entry(LineProtocol.encode(reading, keys[reading.period().ordinal()]),
						reading.time().toEpochMilli(), reading.period() == ReadingPeriod.SAMPLE, reading.site().value(),
						ticket));
			}
			catch (IllegalArgumentException ex) {
				rejectUnencodable(reading, ex.getMessage());
				ticket.done(1, this.metrics);
			}
		}
		if (!entries.isEmpty()) {
			enqueue(entries, ticket);
		}
		return ticket.future;
	}

	private void enqueue(List<Entry> entries, Ticket ticket) {
		this.accepting.readLock().lock();
		try {
			if (!this.open) {
				drop(entries, ticket, new IllegalStateException("the InfluxDB writer is not running"));
				return;
			}
			if (entries.size() > this.queueCapacity) {
				drop(entries, ticket, new RejectedExecutionException(
						entries.size() + " readings exceed the write queue's capacity of " + this.queueCapacity));
				return;
			}
			boolean acquired;
			try {
				acquired = this.room.tryAcquire(entries.size(), this.enqueueTimeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				acquired = false;
			}
			if (!acquired) {
				LOG.warn("Write queue full for {}: {} reading(s) not stored; the sender will have to deliver again",
						this.enqueueTimeout, entries.size());
				drop(entries, ticket, new RejectedExecutionException("write queue full"));
				return;
			}
			this.queue.addAll(entries);
		}
		finally {
			this.accepting.readLock().unlock();
		}
	}

	private void drop(List<Entry> entries, Ticket ticket, Exception reason) {
		this.metrics.dropped.increment(entries.size());
		ticket.fail(reason);
	}

	/**
	 * Stops taking readings, writes or spools what is queued, and stops the writer
	 * thread. The spool is left for the next start to replay.
	 */
	@Override
	public void close() {
		this.accepting.writeLock().lock();
		try {
			if (!this.open) {
				return;
			}
			this.open = false;
		}
		finally {
			this.accepting.writeLock().unlock();
		}
		try {
			this.thread.join(SHUTDOWN_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			LOG.warn("InfluxDB writer did not finish within {}; {} queued point(s) were not acknowledged",
					SHUTDOWN_TIMEOUT, this.queue.size());
		}
		LOG.info("InfluxDB writer stopped; spool holds {} point(s)", this.spool.points());
	}

	private void run() {
		while (true) {
			List<Entry> batch = List.of();
			try {
				batch = drain(waitNanos());
				if (!batch.isEmpty()) {
					handle(batch);
				}
				batch = List.of();
				replayWhileDue();
				if (!this.open && this.queue.isEmpty()) {
					return;
				}
			}
			catch (InterruptedException ex) {
				if (!this.open) {
					return;
				}
			}
			catch (Throwable ex) {
				// Whatever it was, the writer must go on; the readings of the batch are
				// not
				// acknowledged, so their senders deliver them again.
				LOG.error("Unexpected failure in the InfluxDB writer; {} reading(s) not stored, carrying on",
						batch.size(), ex);
				for (Entry entry : batch) {
					entry.fail(ex);
				}
			}
		}
	}

	/**
	 * Replays spool segments, oldest first, for up to {@link #REPLAY_BUDGET_NANOS} while
	 * InfluxDB takes them: one segment per turn would never catch up with a steady
	 * stream, since every new batch is spooled behind the backlog. New readings wait in
	 * the queue meanwhile.
	 */
	private void replayWhileDue() {
		long budgetEnd = System.nanoTime() + REPLAY_BUDGET_NANOS;
		while (this.open && !this.spool.isEmpty() && System.nanoTime() - this.nextReplayNanos >= 0
				&& System.nanoTime() - budgetEnd < 0 && replayHead()) {
			// the next segment, at once
		}
	}

	private long waitNanos() {
		if (!this.open) {
			return 0;
		}
		if (this.spool.isEmpty()) {
			return IDLE_WAIT_NANOS;
		}
		return Math.max(0, Math.min(IDLE_WAIT_NANOS, this.nextReplayNanos - System.nanoTime()));
	}

	private List<Entry> drain(long firstWaitNanos) throws InterruptedException {
		List<Entry> batch = new ArrayList<>();
		Entry first = this.queue.poll(firstWaitNanos, TimeUnit.NANOSECONDS);
		if (first == null) {
			return batch;
		}
		batch.add(first);
		long deadline = System.nanoTime() + this.flushIntervalNanos;
		while (batch.size() < this.batchSize) {
			this.queue.drainTo(batch, this.batchSize - batch.size());
			long remaining = deadline - System.nanoTime();
			if (batch.size() >= this.batchSize || remaining <= 0 || !this.open) {
				break;
			}
			// Nap instead of waiting on the queue: a waiting consumer is woken by every
			// single put, which at 20,000 readings/s costs a context switch per reading.
			LockSupport.parkNanos(Math.min(remaining, GATHER_NAP_NANOS));
		}
		this.room.release(batch.size());
		return batch;
	}

	private void handle(List<Entry> batch) {
		try {
			if (!this.spool.isEmpty()) {
				spool(batch);
				return;
			}
			Attempt attempt = attempt(batch);
			switch (attempt.outcome()) {
				case RETRYABLE -> {
					LOG.warn("InfluxDB write failed ({}); spooling to {} until it recovers", attempt.message(),
							this.spool.directory());
					spool(batch);
					this.nextReplayNanos = System.nanoTime() + this.currentBackoff.toNanos();
				}
				case INVALID -> {
					Sorted sorted = new Sorted();
					isolate(batch, attempt.message(), sorted);
					reject(sorted.invalid, Transport.SPOOL);
					done(sorted.written);
					if (!sorted.pending.isEmpty()) {
						spool(sorted.pending);
						this.nextReplayNanos = System.nanoTime() + this.currentBackoff.toNanos();
					}
				}
				case WRITTEN -> done(batch);
			}
		}
		catch (RuntimeException ex) {
			LOG.error("Could not store a batch of {} point(s)", batch.size(), ex);
			this.metrics.dropped.increment(batch.size());
			batch.forEach((entry) -> entry.fail(ex));
		}
	}

	private void spool(List<Entry> entries) {
		try {
			this.spool.append(entries.stream().map(Entry::line).toList());
			this.metrics.spooled.increment(entries.size());
			done(entries);
		}
		catch (IOException ex) {
			LOG.error("Could not spool {} point(s) to {}; their senders will have to deliver them again",
					entries.size(), this.spool.directory(), ex);
			this.metrics.dropped.increment(entries.size());
			entries.forEach((entry) -> entry.fail(ex));
		}
	}

	/**
	 * Sends the oldest spool segment; deletes it once written, backs off if InfluxDB
	 * still fails.
	 */
	/**
	 * Writes the oldest spool segment.
	 * @return whether it left the spool without backing off
	 */
	private boolean replayHead() {
		Optional<Spool.Segment> head = this.spool.head();
		if (head.isEmpty()) {
			return false;
		}
		Spool.Segment segment = head.get();
		List<Entry> entries;
		try {
			entries = this.spool.read(segment).stream().map(Entry::spooled).toList();
		}
		catch (IOException | RuntimeException ex) {
			LOG.error("Cannot read spool segment {}; will retry", segment.path(), ex);
			backOff();
			return false;
		}
		Attempt attempt = attempt(entries);
		try {
			switch (attempt.outcome()) {
				case RETRYABLE -> {
					LOG.debug("Replay of spool segment {} failed: {}", segment.path(), attempt.message());
					backOff();
					return false;
				}
				case INVALID -> {
					Sorted sorted = new Sorted();
					isolate(entries, attempt.message(), sorted);
					this.metrics.replayed.increment(sorted.written.size());
					reject(sorted.invalid, Transport.SPOOL);
					this.spool.replace(segment, sorted.pending.stream().map(Entry::line).toList());
					if (sorted.pending.isEmpty()) {
						caughtUp();
						return true;
					}
					backOff();
					return false;
				}
				case WRITTEN -> {
					this.metrics.replayed.increment(entries.size());
					this.spool.delete(segment);
					caughtUp();
					return true;
				}
				default -> throw new IllegalStateException("unknown outcome " + attempt.outcome());
			}
		}
		catch (IOException ex) {
			LOG.error("Cannot update spool segment {}; it will be replayed again", segment.path(), ex);
			backOff();
			return false;
		}
	}

	private void backOff() {
		this.nextReplayNanos = System.nanoTime() + this.currentBackoff.toNanos();
		this.currentBackoff = this.backoff.next(this.currentBackoff);
	}

	private void caughtUp() {
		this.currentBackoff = this.backoff.initial();
		this.nextReplayNanos = System.nanoTime();
		if (this.spool.isEmpty()) {
			LOG.info("Spool replayed; InfluxDB has caught up");
		}
	}

	/**
	 * Writes what it can of entries whose write InfluxDB refused as invalid, halving
	 * until each invalid point is alone. Stops writing at the first retryable failure;
	 * everything from there on is pending, in order.
	 */
	private void isolate(List<Entry> entries, String error, Sorted sorted) {
		if (!sorted.pending.isEmpty()) {
			sorted.pending.addAll(entries);
			return;
		}
		if (entries.size() == 1) {
			sorted.invalid.add(new Invalid(entries.get(0), error));
			return;
		}
		int middle = entries.size() / 2;
		for (List<Entry> half : List.of(entries.subList(0, middle), entries.subList(middle, entries.size()))) {
			if (!sorted.pending.isEmpty()) {
				sorted.pending.addAll(half);
				continue;
			}
			Attempt attempt = attempt(half);
			switch (attempt.outcome()) {
				case RETRYABLE -> sorted.pending.addAll(half);
				case INVALID -> isolate(half, attempt.message(), sorted);
				case WRITTEN -> sorted.written.addAll(half);
			}
		}
	}

	/**
	 * One write request (creating the database once if InfluxDB says it is missing).
	 * Counts what was written.
	 */
	private Attempt attempt(List<Entry> entries) {
		StringBuilder body = new StringBuilder(entries.size() * 160);
		for (Entry entry : entries) {
			body.append(entry.line()).append('\n');
		}
		Attempt attempt = send(body.toString(), entries.size(), true);
		if (attempt.outcome() == Outcome.WRITTEN) {
			this.metrics.written.increment(entries.size());
			long now = this.clock.millis();
			for (Entry entry : entries) {
				if (entry.sample()) {
					this.metrics.lag(entry.timeMillis(), now);
				}
			}
		}
		return attempt;
	}

	private Attempt send(String body, int points, boolean mayCreateDatabase) {
		long started = System.nanoTime();
		Failure failure;
		String message;
		try {
			this.influx.write(body);
			return Attempt.WRITTEN;
		}
		catch (InfluxWriteException ex) {
			failure = ex.failure();
			message = String.valueOf(ex.getMessage());
		}
		finally {
			this.metrics.writeLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			this.metrics.batchSize.record(points);
		}
		return switch (failure) {
			case INVALID -> new Attempt(Outcome.INVALID, message);
			case RETRYABLE -> new Attempt(Outcome.RETRYABLE, message);
			case DATABASE_NOT_FOUND ->
				mayCreateDatabase ? createDatabaseAndSend(body, points) : new Attempt(Outcome.RETRYABLE, message);
		};
	}

	private Attempt createDatabaseAndSend(String body, int points) {
		try {
			LOG.info("InfluxDB database {} not found; creating it", this.influx.database());
			this.influx.createDatabase();
		}
		catch (RuntimeException ex) {
			return new Attempt(Outcome.RETRYABLE, "database not found and not created: " + ex.getMessage());
		}
		return send(body, points, false);
	}

	private void done(List<Entry> entries) {
		for (Entry entry : entries) {
			entry.done(this.metrics);
		}
	}

	private void reject(List<Invalid> invalid, Transport transport) {
		for (Invalid point : invalid) {
			LOG.warn("InfluxDB refused a point of site {} as invalid: {}", point.entry().site(), point.error());
			this.metrics.invalid.increment();
			record(new Rejection(this.clock.instant(), transport, RejectionReason.INVALID_POINT, point.error(),
					"influxdb:" + this.influx.database(), point.entry().site(), point.entry().line()));
			point.entry().done(this.metrics);
		}
	}

	private void rejectUnencodable(Reading reading, String detail) {
		LOG.warn("Reading of site {} at {} cannot be stored: {}", reading.site(), reading.time(), detail);
		this.metrics.invalid.increment();
		record(new Rejection(this.clock.instant(), Transport.SPOOL, RejectionReason.INVALID_POINT, detail,
				"influxdb:" + this.influx.database(), reading.site().value(), describe(reading)));
	}

	private void record(Rejection rejection) {
		try {
			this.rejections.record(rejection);
		}
		catch (RuntimeException ex) {
			LOG.error("Could not keep the rejection of a point of site {}", rejection.site(), ex);
		}
	}

	private static String describe(Reading reading) {
		StringBuilder text = new StringBuilder().append(reading.site())
			.append(' ')
			.append(reading.time())
			.append(' ')
			.append(reading.period().key());
		reading.values()
			.forEach((measurand, measurement) -> text.append(' ')
				.append(measurand.key())
				.append('=')
				.append(measurement.value().toPlainString())
				.append('/')
				.append(measurement.flag()));
		return text.toString();
	}

	/**
	 * One queued point and the store() call it belongs to (none for points replayed from
	 * the spool).
	 */
	private record Entry(String line, long timeMillis, boolean sample, @Nullable String site, @Nullable Ticket ticket) {

		static Entry spooled(String line) {
			Map<String, String> tags = LineProtocol.tags(line);
			return new Entry(line, LineProtocol.timestamp(line),
					ReadingPeriod.SAMPLE.key().equals(tags.get(LineProtocol.PERIOD)), tags.get(LineProtocol.SITE),
					null);
		}

		void done(StorageMetrics metrics) {
			if (this.ticket != null) {
				this.ticket.done(1, metrics);
			}
		}

		void fail(Throwable failure) {
			if (this.ticket != null) {
				this.ticket.fail(failure);
			}
		}

	}

	/** The future of one store() call, completed when its last reading is dealt with. */
	private static final class Ticket {

		final CompletableFuture<Void> future = new CompletableFuture<>();

		private final AtomicInteger remaining;

		private final long startedNanos;

		Ticket(int readings, long startedNanos) {
			this.remaining = new AtomicInteger(readings);
			this.startedNanos = startedNanos;
		}

		void done(int readings, StorageMetrics metrics) {
			if (this.remaining.addAndGet(-readings) == 0 && this.future.complete(null)) {
				metrics.durableLatency.record(System.nanoTime() - this.startedNanos, TimeUnit.NANOSECONDS);
			}
		}

		void fail(Throwable failure) {
			this.future.completeExceptionally(failure);
		}

	}

	private enum Outcome {

		WRITTEN, RETRYABLE, INVALID

	}

	private record Attempt(Outcome outcome, String message) {

		static final Attempt WRITTEN = new Attempt(Outcome.WRITTEN, "");

	}

	private record Invalid(Entry entry, String error) {
	}

	private static final class Sorted {

		final List<Entry> written = new ArrayList<>();

		final List<Invalid> invalid = new ArrayList<>();

		final List<Entry> pending = new ArrayList<>();

	}

}
