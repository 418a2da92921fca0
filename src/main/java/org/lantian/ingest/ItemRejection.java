package org.lantian.ingest;

import org.jspecify.annotations.Nullable;

/**
 * Why one item of a payload was refused.
 *
 * @param index the item's position in a batch array (0 for a single object), or -1 for
 * the whole payload
 * @param site the site the item named, if it could be read
 */
public record ItemRejection(int index, RejectionReason reason, String detail, @Nullable String site) {

	public static ItemRejection ofPayload(RejectionReason reason, String detail) {
		return new ItemRejection(-1, reason, detail, null);
	}

}
