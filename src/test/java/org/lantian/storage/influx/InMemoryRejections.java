package org.lantian.storage.influx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;

/**
 * Dead letters in a list, for tests.
 */
final class InMemoryRejections implements Rejections {

	private final List<Rejection> rejections = new CopyOnWriteArrayList<>();

	@Override
	public void record(Rejection rejection) {
		this.rejections.add(rejection);
	}

	@Override
	public List<Rejection> recent(int limit, @Nullable RejectionReason reason, @Nullable String site,
			@Nullable Instant since) {
		List<Rejection> matching = new ArrayList<>();
		for (Rejection rejection : this.rejections) {
			if ((reason == null || rejection.reason() == reason) && (site == null || site.equals(rejection.site()))
					&& (since == null || !rejection.at().isBefore(since))) {
				matching.add(rejection);
			}
		}
		matching.sort(Comparator.comparing(Rejection::at).reversed());
		return matching.subList(0, Math.min(limit, matching.size()));
	}

	List<Rejection> all() {
		return List.copyOf(this.rejections);
	}

}
