package org.lantian.domain.emission;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, effective-dated emission limit profile, the {@code limitProfile} of a stack in
 * the site catalogue.
 *
 * @param name e.g. {@code ultra-low-coal-power}
 * @param description what sources it covers and where its dates come from
 * @param sets the limit sets by period, not overlapping; empty when the values are not
 * known ({@link #isKnown()})
 */
public record LimitProfile(String name, String description, List<LimitSet> sets) {

	public LimitProfile {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		sets = List.copyOf(sets);
		for (LimitSet set : sets) {
			for (EmissionLimit limit : set.limits()) {
				if (!limit.profile().equals(name)) {
					throw new IllegalArgumentException("limit of " + limit.profile() + " in profile " + name);
				}
			}
		}
	}

	/**
	 * Whether the profile has values; {@code false} for a profile the catalogue names
	 * whose numbers STANDARDS.md does not give (the reason is the description).
	 */
	public boolean isKnown() {
		return !this.sets.isEmpty();
	}

	/** The set in force on a local date. */
	public Optional<LimitSet> on(LocalDate date) {
		return this.sets.stream().filter((s) -> s.appliesOn(date)).findFirst();
	}

}
