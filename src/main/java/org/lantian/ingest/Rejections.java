package org.lantian.ingest;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The dead letters: every refused input with its reason, for operators to list.
 */
public interface Rejections {

	/** Keeps and counts a rejection. Never throws. */
	void record(Rejection rejection);

	/**
	 * The newest rejections first, at most {@code limit}, optionally only of one reason,
	 * one site, or since an instant.
	 */
	List<Rejection> recent(int limit, @Nullable RejectionReason reason, @Nullable String site, @Nullable Instant since);

}
