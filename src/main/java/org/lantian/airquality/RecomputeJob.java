package org.lantian.airquality;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A recomputation an operator asked for, as it stands.
 *
 * @param id the job's id
 * @param from the first hour recomputed
 * @param to the exclusive end
 * @param site the one station, or {@code null} for every ambient station and city
 * @param status queued, running, done or failed
 * @param hoursDone station-hours of the range done so far
 * @param hoursTotal hours of the range
 * @param error why it failed, if it did
 */
public record RecomputeJob(String id, Instant from, Instant to, @Nullable String site, Status status, long hoursDone,
		long hoursTotal, @Nullable String error) {

	public RecomputeJob {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
	}

	/** Where a job is. */
	public enum Status {

		QUEUED, RUNNING, DONE, FAILED

	}

}
