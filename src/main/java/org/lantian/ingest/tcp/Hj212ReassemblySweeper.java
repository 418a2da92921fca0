package org.lantian.ingest.tcp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Once a second, refuses the split HJ 212 messages whose reassembly timed out, also for
 * sources that have gone quiet (an MQTT topic), so that their packets reach the dead
 * letters and their MQTT messages are acknowledged.
 */
class Hj212ReassemblySweeper implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212ReassemblySweeper.class);

	private static final long PERIOD_MILLIS = 1000;

	private final Hj212FrameHandler handler;

	private @Nullable ScheduledExecutorService timer;

	Hj212ReassemblySweeper(Hj212FrameHandler handler) {
		this.handler = handler;
	}

	@Override
	public synchronized void start() {
		if (this.timer != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "hj212-reassembly");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
		this.timer = started;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService running = this.timer;
		this.timer = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

	private void sweep() {
		try {
			this.handler.expireSplitMessages();
		}
		catch (RuntimeException ex) {
			// a failed sweep must not end the schedule
			LOG.warn("HJ 212 reassembly sweep failed", ex);
		}
	}

}
