package org.lantian.domain.warning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's current warning (INTERFACES §5.3 {@code GET /api/v1/warnings}): the level,
 * since when, and what set it. {@code episodeStart} is when the episode's first warning
 * was raised; it stays through upgrades and downgrades and identifies the episode.
 *
 * @param since when the current level was set (the last raise, upgrade or downgrade)
 * @param basis what set the current level; for {@code NONE}, what released it (if ever
 * warned)
 */
public record WarningState(String region, WarningLevel level, Optional<Instant> episodeStart, Optional<Instant> since,
		Optional<WarningBasis> basis) {

	public WarningState {
		if (region == null || region.isBlank()) {
			throw new IllegalArgumentException("region: blank");
		}
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(episodeStart, "episodeStart");
		Objects.requireNonNull(since, "since");
		Objects.requireNonNull(basis, "basis");
		if (level.isWarning() && (episodeStart.isEmpty() || since.isEmpty() || basis.isEmpty())) {
			throw new IllegalArgumentException(
					region + ": a " + level.key() + " warning needs its episode start, since and basis");
		}
		if (!level.isWarning() && episodeStart.isPresent()) {
			throw new IllegalArgumentException(region + ": no warning but an episode start");
		}
	}

	/** No warning, never warned. */
	public static WarningState none(String region) {
		return new WarningState(region, WarningLevel.NONE, Optional.empty(), Optional.empty(), Optional.empty());
	}

	public boolean isActive() {
		return this.level.isWarning();
	}

	/**
	 * Whether listed enterprises must cut now: an active PM2.5-driven warning (STANDARDS
	 * §4.1).
	 */
	public boolean demandsEmergencyReduction() {
		return isActive() && this.basis.get().driver().demandsEmergencyReduction();
	}

}
