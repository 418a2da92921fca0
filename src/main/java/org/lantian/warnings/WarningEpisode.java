package org.lantian.warnings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.WarningTransition;

/**
 * One warning episode from its raise to its release (if released): every change of its
 * level in time order, so that each hour can be judged against the level in force then.
 *
 * @param id the episode's id ({@link CityWarning#idOf})
 * @param changes the raise, then upgrades, downgrades and the release, in time order
 */
public record WarningEpisode(String id, String city, List<WarningTransition> changes) {

	public WarningEpisode {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(city, "city");
		if (changes == null || changes.isEmpty()) {
			throw new IllegalArgumentException("episode " + id + ": no change");
		}
		if (!changes.get(0).state().isActive()) {
			throw new IllegalArgumentException("episode " + id + ": does not start with a raise");
		}
		changes = List.copyOf(changes);
	}

	/** When the episode's first warning was raised. */
	public Instant start() {
		return this.changes.get(0).state().episodeStart().orElseThrow();
	}

	/** When the episode was released, if it was. */
	public Optional<Instant> released() {
		WarningTransition last = this.changes.get(this.changes.size() - 1);
		return last.state().isActive() ? Optional.empty() : Optional.of(last.at());
	}

	public boolean isActive() {
		return released().isEmpty();
	}

	/** The state after the latest change (level none once released). */
	public WarningState current() {
		return this.changes.get(this.changes.size() - 1).state();
	}

	/**
	 * The warning in force at an instant: the state after the last change at or before
	 * it; empty before the raise and from the release on.
	 */
	public Optional<WarningState> stateAt(Instant at) {
		WarningState state = null;
		for (WarningTransition change : this.changes) {
			if (change.at().isAfter(at)) {
				break;
			}
			state = change.state();
		}
		return (state != null && state.isActive()) ? Optional.of(state) : Optional.empty();
	}

}
