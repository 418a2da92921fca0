package org.lantian.alerts;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Reads and changes alerts. Changes are made at once in memory, published as
 * {@link AlertChanged} and written to the journal in the background.
 */
public interface Alerts {

	/** The alerts that match, newest raise first. */
	List<Alert> find(AlertQuery query);

	/** One alert with its history. */
	Optional<Alert> find(String id);

	/**
	 * Acknowledges an open alert.
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlertStateException if it is not open
	 */
	Alert acknowledge(String id, String by, @Nullable String comment);

	/**
	 * Resolves an open or acknowledged alert by hand.
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlertStateException if it is already resolved
	 */
	Alert resolve(String id, String by, @Nullable String comment);

}
