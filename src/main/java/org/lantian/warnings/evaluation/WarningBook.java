package org.lantian.warnings.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.AqiSeries;
import org.lantian.domain.warning.Grading;
import org.lantian.domain.warning.ObservedAqi;
import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.WarningTransition;
import org.lantian.storage.WarningJournal.WarningChange;
import org.lantian.warnings.CityWarning;
import org.lantian.warnings.WarningEpisode;
import org.lantian.warnings.WarningLevelChanged;

/**
 * The latest forecast and the warning of every city, and one grading round over all of
 * them (docs/warnings.md "For the service"): {@code AqiSeries.of(forecast, today,
 * observed)} per city → {@code rules.grade} → {@code jointZones().raise} →
 * {@code stateMachine().next}. No I/O, no clock, not thread-safe: the service serialises
 * calls.
 */
final class WarningBook {

	private final WarningRules rules;

	private final Map<String, AqiForecast> forecasts = new TreeMap<>();

	private final Map<String, CityWarning> warnings = new TreeMap<>();

	/** Every change of every episode, by warning id, in time order. */
	private final Map<String, List<WarningTransition>> episodes = new LinkedHashMap<>();

	WarningBook(WarningRules rules) {
		this.rules = rules;
	}

	/**
	 * Takes a forecast as the city's latest unless one issued later is already known.
	 * @return whether it became the latest
	 */
	boolean accept(AqiForecast forecast) {
		AqiForecast known = this.forecasts.get(forecast.city());
		if (known != null && known.issued().isAfter(forecast.issued())) {
			return false;
		}
		this.forecasts.put(forecast.city(), forecast);
		return true;
	}

	/**
	 * Rebuilds the warnings from their stored changes (in time order): each city's state
	 * is the state after its last change.
	 */
	void restore(List<WarningChange> changes) {
		for (WarningChange change : changes) {
			WarningTransition transition = change.transition();
			this.warnings.put(transition.state().region(), new CityWarning(Optional.of(change.warningId()),
					transition.state(), Optional.of(transition), transition.reason()));
			record(change.warningId(), transition);
		}
	}

	/**
	 * Grades every city with a forecast or an active warning on {@code today}, moves
	 * their warnings at {@code now} and returns the changes. A city whose forecast is
	 * over and has no observation is left as it is.
	 * @param observed the observed rolling 24-h AQI of a city, if known now
	 */
	List<WarningLevelChanged> evaluate(Instant now, LocalDate today, Function<String, Optional<ObservedAqi>> observed) {
		TreeSet<String> cities = new TreeSet<>(this.forecasts.keySet());
		this.warnings.values().stream().filter((w) -> w.state().isActive()).map(CityWarning::city).forEach(cities::add);
		Map<String, Grading> gradings = new LinkedHashMap<>();
		for (String city : cities) {
			series(city, today, observed.apply(city))
				.ifPresent((series) -> gradings.put(city, this.rules.grade(city, today, series)));
		}
		Map<String, Grading> raised = this.rules.jointZones().raise(gradings);
		List<WarningLevelChanged> changes = new ArrayList<>();
		for (String city : gradings.keySet()) {
			Grading grading = raised.get(city);
			CityWarning before = warning(city);
			WarningTransition transition = this.rules.stateMachine().next(before.state(), grading, now);
			if (transition.isChange()) {
				String id = before.state()
					.episodeStart()
					.or(() -> transition.state().episodeStart())
					.map((start) -> CityWarning.idOf(city, start))
					.orElseThrow();
				changes.add(new WarningLevelChanged(id, transition));
				record(id, transition);
				this.warnings.put(city, new CityWarning(Optional.of(id), transition.state(), Optional.of(transition),
						transition.reason()));
			}
			else {
				this.warnings.put(city,
						new CityWarning(before.id(), before.state(), before.lastChange(), transition.reason()));
			}
		}
		return changes;
	}

	/**
	 * The series of a city: its forecast from today with the observation first; the
	 * forecast alone if the observation does not join it; the observation alone if the
	 * forecast is over.
	 */
	private Optional<AqiSeries> series(String city, LocalDate today, Optional<ObservedAqi> observed) {
		AqiForecast forecast = this.forecasts.get(city);
		if (forecast != null) {
			try {
				return Optional.of(AqiSeries.of(forecast, today, observed));
			}
			catch (IllegalArgumentException gap) {
				// the forecast does not continue the observation: the forecast alone
			}
			try {
				return Optional.of(AqiSeries.of(forecast, today));
			}
			catch (IllegalArgumentException over) {
				// nothing left of the forecast: the observation alone
			}
		}
		return observed.map((o) -> AqiSeries.observed(List.of(o)));
	}

	private void record(String id, WarningTransition transition) {
		this.episodes.computeIfAbsent(id, (key) -> new ArrayList<>()).add(transition);
	}

	/**
	 * An episode by its id; empty if never raised (or if its raise is not known, e.g.
	 * lost from the journal).
	 */
	Optional<WarningEpisode> episode(String id) {
		List<WarningTransition> changes = this.episodes.get(id);
		if (changes == null || changes.isEmpty() || !changes.get(0).state().isActive()) {
			return Optional.empty();
		}
		return Optional.of(new WarningEpisode(id, changes.get(0).state().region(), changes));
	}

	CityWarning warning(String city) {
		CityWarning warning = this.warnings.get(city);
		return (warning != null) ? warning
				: new CityWarning(Optional.empty(), WarningState.none(city), Optional.empty(), "never warned");
	}

	List<CityWarning> warnings() {
		return List.copyOf(this.warnings.values());
	}

	Optional<CityWarning> find(String city) {
		return Optional.ofNullable(this.warnings.get(city));
	}

	Optional<AqiForecast> forecast(String city) {
		return Optional.ofNullable(this.forecasts.get(city));
	}

	List<AqiForecast> forecasts() {
		return this.forecasts.values().stream().sorted(Comparator.comparing(AqiForecast::city)).toList();
	}

}
