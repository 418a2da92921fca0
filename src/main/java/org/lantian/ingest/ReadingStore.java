package org.lantian.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.lantian.domain.Reading;

/**
 * Where accepted readings go: the future completes once every reading is durable, in the
 * time-series database or in the on-disk spool, and only then may a device's message be
 * acknowledged. Provided by the storage module.
 */
public interface ReadingStore {

	/**
	 * Queues the readings for writing; never blocks on the database. The future fails
	 * only if the readings could be neither written nor spooled (the disk is full or
	 * gone).
	 */
	CompletableFuture<Void> store(List<Reading> readings);

}
