package org.lantian.alerts.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.alerts.ChannelStatus;

/**
 * One channel's thread and bounded queue: deliveries are tried in order, each up to the
 * configured attempts with exponential backoff; a full queue drops the new delivery.
 * Counts {@code lantian.alerts.notifications{channel, outcome}} with outcomes
 * {@code delivered}, {@code retried}, {@code failed} and {@code dropped}, alert changes
 * and warning notices together; warning notices are counted again, alone, in
 * {@code lantian.alerts.warning.notices{channel, outcome}}.
 */
final class ChannelWorker implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);

	/** One notification to one destination. */
	@FunctionalInterface
	interface Delivery {

		void deliver() throws Exception;

	}

	private final String channel;

	private final boolean enabled;

	private final ChannelProperties.Delivery settings;

	private final ThreadPoolExecutor executor;

	private final Counter delivered;

	private final Counter retried;

	private final Counter failed;

	private final Counter dropped;

	private final Outcomes warnings;

	private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

	private final AtomicLong consecutiveFailures = new AtomicLong();

	private final AtomicReference<@Nullable Instant> lastErrorAt = new AtomicReference<>();

	ChannelWorker(String channel, boolean enabled, ChannelProperties.Delivery settings, MeterRegistry registry) {
		this.channel = channel;
		this.enabled = enabled;
		this.settings = settings;
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(settings.capacity()), (task) -> {
					Thread thread = new Thread(task, "alerts-" + channel);
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.delivered = counter(registry, "delivered");
		this.retried = counter(registry, "retried");
		this.failed = counter(registry, "failed");
		this.dropped = counter(registry, "dropped");
		this.warnings = new Outcomes(warningCounter(registry, "delivered"), warningCounter(registry, "retried"),
				warningCounter(registry, "failed"), warningCounter(registry, "dropped"));
	}

	private Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("lantian.alerts.notifications")
			.description("Alert notifications by channel and outcome")
			.tag("channel", this.channel)
			.tag("outcome", outcome)
			.register(registry);
	}

	private Counter warningCounter(MeterRegistry registry, String outcome) {
		return Counter.builder("lantian.alerts.warning.notices")
			.description(
					"Heavy-pollution warning notices by channel and outcome (also in lantian.alerts.notifications)")
			.tag("channel", this.channel)
			.tag("outcome", outcome)
			.register(registry);
	}

	/** Queues a delivery of an alert change; never waits. */
	void submit(String what, Delivery delivery) {
		enqueue(what, delivery, null);
	}

	/** Queues a delivery of a heavy-pollution warning notice; never waits. */
	void submitWarning(String what, Delivery delivery) {
		enqueue(what, delivery, this.warnings);
	}

	private void enqueue(String what, Delivery delivery, @Nullable Outcomes notice) {
		try {
			this.executor.execute(() -> attempt(what, delivery, notice));
		}
		catch (RejectedExecutionException ex) {
			this.dropped.increment();
			if (notice != null) {
				notice.dropped().increment();
			}
			this.consecutiveFailures.incrementAndGet();
			error("queue full (" + this.settings.capacity() + "): dropped " + what);
		}
	}

	private void attempt(String what, Delivery delivery, @Nullable Outcomes notice) {
		Duration pause = this.settings.backoff();
		for (int attempt = 1;; attempt++) {
			try {
				delivery.deliver();
				this.delivered.increment();
				if (notice != null) {
					notice.delivered().increment();
				}
				this.consecutiveFailures.set(0);
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed(notice);
				return;
			}
			catch (Exception ex) {
				String message = what + ": " + ex;
				if (attempt >= this.settings.attempts()) {
					failed(notice);
					this.consecutiveFailures.incrementAndGet();
					error("gave up after " + attempt + " attempts: " + message);
					return;
				}
				this.retried.increment();
				if (notice != null) {
					notice.retried().increment();
				}
				LOG.debug("Alert channel {} attempt {} failed, retrying in {}: {}", this.channel, attempt, pause,
						message);
				this.lastError.set(message);
				this.lastErrorAt.set(Instant.now());
				try {
					Thread.sleep(pause.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					failed(notice);
					return;
				}
				Duration doubled = pause.multipliedBy(2);
				pause = (doubled.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : doubled;
			}
		}
	}

	private void failed(@Nullable Outcomes notice) {
		this.failed.increment();
		if (notice != null) {
			notice.failed().increment();
		}
	}

	private void error(String message) {
		this.lastError.set(message);
		this.lastErrorAt.set(Instant.now());
		LOG.warn("Alert channel {}: {}", this.channel, message);
	}

	/**
	 * Queues a task that is no delivery (connecting), on the channel's thread; false if
	 * the queue is full.
	 */
	boolean execute(Runnable task) {
		try {
			this.executor.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	ChannelStatus status(@Nullable Boolean connected) {
		return new ChannelStatus(this.channel, this.enabled, (long) this.delivered.count(), (long) this.failed.count(),
				(long) this.dropped.count(), this.executor.getQueue().size() + this.executor.getActiveCount(),
				this.lastError.get(), this.lastErrorAt.get(), this.consecutiveFailures.get(), connected);
	}

	ChannelStatus status() {
		return status(null);
	}

	@Override
	public void close() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(5, TimeUnit.SECONDS)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.executor.shutdownNow();
		}
	}

	/** The counters of one kind of notice, by outcome. */
	private record Outcomes(Counter delivered, Counter retried, Counter failed, Counter dropped) {
	}

}
