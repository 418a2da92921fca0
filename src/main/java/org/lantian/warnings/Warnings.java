package org.lantian.warnings;

import java.util.List;
import java.util.Optional;

import org.lantian.domain.warning.AqiForecast;

/**
 * The heavy-pollution warnings of the cities (INTERFACES §5.3): read the current ones,
 * submit a forecast.
 */
public interface Warnings {

	/**
	 * The current warning of every city Lantian has graded (cities never graded are
	 * absent), by city name.
	 */
	List<CityWarning> current();

	/** The current warning of one city, if it was ever graded. */
	Optional<CityWarning> current(String city);

	/**
	 * An episode, active or released, with every change of its level, by its id
	 * ({@link CityWarning#idOf}); empty for an id never raised.
	 */
	Optional<WarningEpisode> episode(String id);

	/**
	 * Stores a forecast (history is kept) and grades at once with it every city that has
	 * a forecast, publishing a {@link WarningLevelChanged} per change.
	 * @return the changes it caused (none if the levels hold)
	 * @throws org.lantian.storage.StorageUnavailableException if the forecast cannot be
	 * stored; nothing was graded then
	 */
	List<WarningLevelChanged> submit(AqiForecast forecast);

}
