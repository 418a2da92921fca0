package org.lantian.ingest.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.lantian.domain.Reading;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.ingest.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells listeners of durable readings in batches, off the storage writer's thread: the
 * payloads that became durable within one {@code delay} are told as one
 * {@link ReadingsReceived} per transport, in the order they became durable. At 20,000
 * payloads a second, one event of a few dozen payloads replaces a few dozen, each of
 * which cost the writer thread Spring's event dispatch.
 */
final class ReadingsAnnouncer implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(ReadingsAnnouncer.class);

	private final ApplicationEventPublisher events;

	private final long delayNanos;

	private final Queue<ReadingsReceived> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread announcer = new Thread(runnable, "lantian-ingest-announcer");
		announcer.setDaemon(true);
		return announcer;
	});

	ReadingsAnnouncer(ApplicationEventPublisher events, long delayNanos) {
		this.events = events;
		this.delayNanos = delayNanos;
	}

	/** Queues the event; it is told within the delay. */
	void announce(ReadingsReceived event) {
		this.pending.add(event);
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.thread.schedule(this::tellPending, this.delayNanos, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				tellPending(); // closing: tell on the caller's thread
			}
		}
	}

	/** Tells what is pending: one event per transport, merged in arrival order. */
	void tellPending() {
		// cleared before draining: an event queued from now on schedules the next run
		this.scheduled.set(false);
		Map<Transport, List<ReadingsReceived>> byTransport = new EnumMap<>(Transport.class);
		ReadingsReceived event;
		while ((event = this.pending.poll()) != null) {
			byTransport.computeIfAbsent(event.transport(), (k) -> new ArrayList<>()).add(event);
		}
		byTransport.forEach((transport, payloads) -> tell(merged(transport, payloads)));
	}

	private static ReadingsReceived merged(Transport transport, List<ReadingsReceived> payloads) {
		if (payloads.size() == 1) {
			return payloads.get(0);
		}
		List<Reading> readings = new ArrayList<>();
		for (ReadingsReceived payload : payloads) {
			readings.addAll(payload.readings());
		}
		return new ReadingsReceived(transport, readings);
	}

	private void tell(ReadingsReceived event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// a listener's failure is its own: the readings are stored all the same
			LOG.warn("a listener of {} failed: {}", ReadingsReceived.class.getSimpleName(), ex.toString(), ex);
		}
	}

	/** Tells what is pending and stops. */
	@Override
	public void close() {
		this.thread.shutdown();
		try {
			this.thread.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		tellPending();
	}

}
