package org.lantian.domain.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured air-quality targets (SEEDS-BRIEF §2.1), at most one per area and year.
 */
public final class AirQualityTargets {

	private final List<AirQualityTarget> targets;

	private AirQualityTargets(List<AirQualityTarget> targets) {
		this.targets = targets;
	}

	/**
	 * The targets; every area and year given twice is reported at once.
	 */
	public static AirQualityTargets of(Collection<AirQualityTarget> targets) {
		Set<String> seen = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (AirQualityTarget target : targets) {
			if (!seen.add(target.area() + "\u0000" + target.year())) {
				problems.add("two targets for " + target.area() + " in " + target.year());
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new AirQualityTargets(List.copyOf(targets));
	}

	/** All targets in file order. */
	public List<AirQualityTarget> all() {
		return this.targets;
	}

	/** The target of an area for a year. */
	public Optional<AirQualityTarget> find(String area, int year) {
		return this.targets.stream().filter((t) -> t.area().equals(area) && t.year() == year).findFirst();
	}

	/**
	 * The target that applies to an area's scorecard of {@code year}: the one for that
	 * year, else the next later one (a 2025 target is what 2023 is measured against).
	 */
	public Optional<AirQualityTarget> applicable(String area, int year) {
		return this.targets.stream()
			.filter((t) -> t.area().equals(area) && t.year() >= year)
			.min((a, b) -> Integer.compare(a.year(), b.year()));
	}

	/**
	 * The member cities no target's area can find among {@code knownCities} (the site
	 * catalogue's cities), in file order. A warning for the caller, not an error: a
	 * region may name cities that have no station in this deployment.
	 */
	public List<String> unknownCities(Collection<String> knownCities) {
		Set<String> known = new HashSet<>(knownCities);
		Set<String> unknown = new LinkedHashSet<>();
		for (AirQualityTarget target : this.targets) {
			target.members().stream().filter((city) -> !known.contains(city)).forEach(unknown::add);
		}
		return List.copyOf(unknown);
	}

}
