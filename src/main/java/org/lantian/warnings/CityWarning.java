package org.lantian.warnings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.WarningTransition;

/**
 * A city's current warning: its state (level, since, basis), the warning's id, and the
 * last change (with its reason).
 *
 * @param id the id ({@link #idOf}) of the active warning or, after a release, of the
 * episode released; empty if never warned
 * @param lastChange the latest raise, upgrade, downgrade or release, if any
 * @param reason why the level is what it is now (e.g. a release still pending)
 */
public record CityWarning(Optional<String> id, WarningState state, Optional<WarningTransition> lastChange,
		String reason) {

	public CityWarning {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(lastChange, "lastChange");
		Objects.requireNonNull(reason, "reason");
	}

	public String city() {
		return this.state.region();
	}

	/**
	 * The id of a city's warning episode: the city and the episode's first raise in epoch
	 * milliseconds ({@code 包头市-1768521600000}). It holds through upgrades and downgrades
	 * and names the episode after its release.
	 */
	public static String idOf(String city, Instant episodeStart) {
		return city + "-" + episodeStart.toEpochMilli();
	}

}
