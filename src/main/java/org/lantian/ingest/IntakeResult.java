package org.lantian.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What became of one payload: how many readings were accepted, which items were refused
 * and why, and a future that completes when the accepted readings are durable.
 *
 * @param forbidden whether the whole payload was refused because it named a site the
 * caller may not push for; nothing of it is stored then
 */
public record IntakeResult(int accepted, List<ItemRejection> rejections, boolean forbidden,
		CompletableFuture<Void> durable) {

	public IntakeResult {
		rejections = List.copyOf(rejections);
	}

	public boolean isFullyAccepted() {
		return !this.forbidden && this.rejections.isEmpty();
	}

}
