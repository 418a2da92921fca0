package org.lantian.alerts;

import java.util.Objects;

/**
 * An alert changed: raised, escalated, acknowledged or resolved. Published after the
 * change is made in memory and handed to the journal; the channels and the SSE stream
 * listen to it.
 *
 * @param alert the alert after the change (its last history entry is {@code change})
 */
public record AlertChanged(Alert alert, AlertChange change) {

	public AlertChanged {
		Objects.requireNonNull(alert, "alert");
		Objects.requireNonNull(change, "change");
	}

}
