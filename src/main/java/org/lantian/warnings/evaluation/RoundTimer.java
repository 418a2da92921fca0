package org.lantian.warnings.evaluation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs a round on a daemon thread of its own, again each interval after the last one
 * ended, from {@link #start} to {@link #stop}: the grading of the warnings and the
 * verification of emergency reductions. The round catches its own failures.
 */
public final class RoundTimer {

	private final String thread;

	private @Nullable ScheduledExecutorService timer;

	public RoundTimer(String thread) {
		this.thread = thread;
	}

	public synchronized void start(Duration firstAfter, Duration interval, Runnable round) {
		if (this.timer != null) {
			return;
		}
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.thread);
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(round, firstAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		this.timer = timer;
	}

	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
