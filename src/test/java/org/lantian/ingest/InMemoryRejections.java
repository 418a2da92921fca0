package org.lantian.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Dead letters in a list, for tests.
 */
public final class InMemoryRejections implements Rejections {

	private final List<Rejection> recorded = new ArrayList<>();

	@Override
	public synchronized void record(Rejection rejection) {
		this.recorded.add(rejection);
	}

	@Override
	public synchronized List<Rejection> recent(int limit, @Nullable RejectionReason reason, @Nullable String site,
			@Nullable Instant since) {
		List<Rejection> newestFirst = new ArrayList<>(this.recorded);
		Collections.reverse(newestFirst);
		return newestFirst.stream()
			.filter((rejection) -> reason == null || rejection.reason() == reason)
			.filter((rejection) -> site == null || site.equals(rejection.site()))
			.filter((rejection) -> since == null || !rejection.at().isBefore(since))
			.limit(Math.max(0, limit))
			.toList();
	}

	/** Every rejection, oldest first. */
	public synchronized List<Rejection> all() {
		return List.copyOf(this.recorded);
	}

}
