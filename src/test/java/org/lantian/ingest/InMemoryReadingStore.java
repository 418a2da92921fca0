package org.lantian.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.lantian.domain.Reading;

/**
 * A {@link ReadingStore} that keeps what it is given. By default every batch is durable
 * at once; it can be told to hold the futures (as a slow database would) or to fail them
 * (as a full disk would).
 */
public final class InMemoryReadingStore implements ReadingStore {

	public enum Mode {

		DURABLE, HOLD, FAIL

	}

	private final List<List<Reading>> batches = new ArrayList<>();

	private final List<CompletableFuture<Void>> held = new ArrayList<>();

	private Mode mode = Mode.DURABLE;

	@Override
	public synchronized CompletableFuture<Void> store(List<Reading> readings) {
		if (this.mode != Mode.FAIL) {
			this.batches.add(List.copyOf(readings));
		}
		switch (this.mode) {
			case HOLD -> {
				CompletableFuture<Void> future = new CompletableFuture<>();
				this.held.add(future);
				return future;
			}
			case FAIL -> {
				return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
			}
			default -> {
				return CompletableFuture.completedFuture(null);
			}
		}
	}

	public synchronized void mode(Mode mode) {
		this.mode = mode;
	}

	/** Every call that did not fail, in call order. */
	public synchronized List<List<Reading>> batches() {
		return List.copyOf(this.batches);
	}

	/** Every reading of every call, in call order. */
	public synchronized List<Reading> readings() {
		return this.batches.stream().flatMap(List::stream).toList();
	}

	public synchronized int heldCount() {
		return this.held.size();
	}

	/** Completes the held futures, oldest first. */
	public void completeHeld() {
		List<CompletableFuture<Void>> futures;
		synchronized (this) {
			futures = List.copyOf(this.held);
			this.held.clear();
		}
		futures.forEach((future) -> future.complete(null));
	}

	/** Fails the held futures, oldest first. */
	public void failHeld() {
		List<CompletableFuture<Void>> futures;
		synchronized (this) {
			futures = List.copyOf(this.held);
			this.held.clear();
		}
		futures.forEach((future) -> future.completeExceptionally(new IllegalStateException("disk full")));
	}

}
