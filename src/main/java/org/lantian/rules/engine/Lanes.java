package org.lantian.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Single-threaded executors with bounded queues; a subject (site id or city) always runs
 * on the same lane, so its readings are evaluated in the order they were published.
 */
final class Lanes {

	private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

	Lanes(int count, int capacity) {
		for (int i = 0; i < count; i++) {
			int number = i;
			this.lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
					(runnable) -> {
						Thread thread = new Thread(runnable, "lantian-rules-" + number);
						thread.setDaemon(true);
						return thread;
					}));
		}
	}

	int count() {
		return this.lanes.size();
	}

	int laneOf(String subject) {
		return Math.floorMod(subject.hashCode(), this.lanes.size());
	}

	/** Queues the task on the subject's lane; false when the lane is full. */
	boolean submit(String subject, Runnable task) {
		return submitTo(laneOf(subject), task);
	}

	boolean submitTo(int lane, Runnable task) {
		try {
			this.lanes.get(lane).execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Tasks waiting over all lanes. */
	int queued() {
		int queued = 0;
		for (ThreadPoolExecutor lane : this.lanes) {
			queued += lane.getQueue().size();
		}
		return queued;
	}

	void shutdown() {
		for (ThreadPoolExecutor lane : this.lanes) {
			lane.shutdown();
		}
		for (ThreadPoolExecutor lane : this.lanes) {
			try {
				lane.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
