/**
 * Keeps readings in InfluxDB 1.x over its v1 HTTP API, never losing one: batches,
 * retries, and a store-and-forward spool on disk while the database is unreachable.
 * Answers time-series queries through {@link ReadingRepository}.
 */
@ApplicationModule(allowedDependencies = { "domain", "ingest" })
@NullMarked
package org.lantian.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
