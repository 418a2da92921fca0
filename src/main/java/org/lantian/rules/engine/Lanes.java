package org.lantian.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-threaded lanes with bounded queues; a subject (site id or city) always runs on
 * the same lane, so its readings are evaluated in the order they were published.
 * <p>
 * A lane hands tasks over in batches: once its queue is empty it naps for
 * {@link #NAP_NANOS} before it goes to sleep, and only a sleeping lane is woken by the
 * submitter. Under load a lane wakes once per nap and runs what arrived meanwhile,
 * instead of a wake-up (two system calls) per payload; idle, it costs nothing. The nap is
 * the most a task waits for.
 */
final class Lanes {

	private static final Logger LOG = LoggerFactory.getLogger(Lanes.class);

	static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final List<Lane> lanes = new ArrayList<>();

	Lanes(int count, int capacity) {
		for (int i = 0; i < count; i++) {
			Lane lane = new Lane(capacity);
			Thread thread = new Thread(lane, "lantian-rules-" + i);
			thread.setDaemon(true);
			lane.thread = thread;
			this.lanes.add(lane);
			thread.start();
		}
	}

	int count() {
		return this.lanes.size();
	}

	int laneOf(String subject) {
		return Math.floorMod(subject.hashCode(), this.lanes.size());
	}

	/** Queues the task on the subject's lane; false when the lane is full or stopped. */
	boolean submit(String subject, Runnable task) {
		return submitTo(laneOf(subject), task);
	}

	boolean submitTo(int lane, Runnable task) {
		return this.lanes.get(lane).offer(task);
	}

	/** Tasks waiting over all lanes. */
	int queued() {
		int queued = 0;
		for (Lane lane : this.lanes) {
			queued += lane.size.get();
		}
		return queued;
	}

	/** Runs what is queued, then stops the lanes (waiting up to 5 s each). */
	void shutdown() {
		for (Lane lane : this.lanes) {
			lane.running = false;
			LockSupport.unpark(lane.thread);
		}
		for (Lane lane : this.lanes) {
			try {
				lane.thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static final class Lane implements Runnable {

		private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		private final AtomicInteger size = new AtomicInteger();

		private final int capacity;

		private volatile boolean sleeping;

		private volatile boolean running = true;

		private Thread thread;

		Lane(int capacity) {
			this.capacity = capacity;
		}

		boolean offer(Runnable task) {
			if (!this.running) {
				return false;
			}
			if (this.size.incrementAndGet() > this.capacity) {
				this.size.decrementAndGet();
				return false;
			}
			this.tasks.offer(task);
			// read after the offer: either the lane sees the task before it sleeps, or we
			// see it sleeping and wake it
			if (this.sleeping) {
				LockSupport.unpark(this.thread);
			}
			return true;
		}

		@Override
		public void run() {
			while (true) {
				if (drain() == 0) {
					if (!this.running) {
						return;
					}
					LockSupport.parkNanos(this, NAP_NANOS);
					if (this.tasks.isEmpty()) {
						this.sleeping = true;
						// announced before the last look, so a submitter either sees the
						// flag or its task is seen here
						if (this.tasks.isEmpty() && this.running) {
							LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
						}
						this.sleeping = false;
					}
				}
			}
		}

		private int drain() {
			int ran = 0;
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				this.size.decrementAndGet();
				ran++;
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					LOG.error("A rule task failed", ex);
				}
			}
			return ran;
		}

	}

}
