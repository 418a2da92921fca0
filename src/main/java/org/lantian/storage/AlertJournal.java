package org.lantian.storage;

import java.time.Instant;
import java.util.List;

/**
 * The durable audit trail of alerts: every change of every alert, appended as it happens.
 * Calls are synchronous and throw {@link StorageUnavailableException} when the database
 * cannot be reached or refuses them; the caller decides when to try again.
 */
public interface AlertJournal {

	/** Appends changes; appending one again (same alert and seq) replaces it. */
	void append(List<AlertRecord> records);

	/**
	 * Every change of every alert whose latest change leaves it open or acknowledged, in
	 * alert and seq order.
	 */
	List<AlertRecord> unresolved();

	/**
	 * Every change of the alerts raised in [{@code from}, {@code to}), in alert and seq
	 * order.
	 */
	List<AlertRecord> raisedBetween(Instant from, Instant to);

	/** Every change of one alert, in seq order; empty if it is unknown. */
	List<AlertRecord> alert(String id);

}
