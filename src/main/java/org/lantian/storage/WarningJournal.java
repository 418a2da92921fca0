package org.lantian.storage;

import java.time.Instant;
import java.util.List;

import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.WarningTransition;

/**
 * The durable history of heavy-pollution warnings: every forecast received and every
 * change of a city's warning level, appended as they happen. The warnings module rebuilds
 * its state from it at start. Calls are synchronous and throw
 * {@link StorageUnavailableException} when the database cannot be reached or refuses
 * them.
 */
public interface WarningJournal {

	/**
	 * Appends a forecast; one of the same city issued at the same instant replaces it.
	 */
	void appendForecast(AqiForecast forecast);

	/** The forecasts issued at or after {@code since}, in issue order. */
	List<AqiForecast> forecastsIssuedSince(Instant since);

	/**
	 * Appends a change of a city's warning (the transition's state names the city).
	 */
	void appendChange(WarningChange change);

	/** The changes of every city at or after {@code since}, in time order. */
	List<WarningChange> changesSince(Instant since);

	/**
	 * One stored change of a city's warning, with the id of the episode it belongs to
	 * (for a release, the episode released).
	 */
	record WarningChange(String warningId, WarningTransition transition) {

		public WarningChange {
			java.util.Objects.requireNonNull(warningId, "warningId");
			java.util.Objects.requireNonNull(transition, "transition");
		}

	}

}
