package org.lantian.domain.emission;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "which limit applies": {@link Found} or {@link Missing} with the reason
 * (STYLE S-9).
 */
public sealed interface LimitLookup permits LimitLookup.Found, LimitLookup.Missing {

	Optional<EmissionLimit> limit();

	/** Why no limit applies. */
	enum Reason {

		/** The catalogue names a profile this table does not hold. */
		UNKNOWN_PROFILE,
		/** The profile exists but STANDARDS.md does not give its values. */
		VALUES_UNKNOWN,
		/** The date lies outside every period of the profile. */
		NOT_IN_FORCE,
		/** The profile sets no limit for the pollutant and averaging. */
		NOT_LIMITED

	}

	/** The limit that applies. */
	record Found(EmissionLimit found) implements LimitLookup {

		public Found {
			Objects.requireNonNull(found, "found");
		}

		@Override
		public Optional<EmissionLimit> limit() {
			return Optional.of(this.found);
		}

	}

	/**
	 * No limit applies.
	 *
	 * @param detail in words, naming the profile, pollutant and date
	 */
	record Missing(Reason reason, String detail) implements LimitLookup {

		public Missing {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(detail, "detail");
		}

		@Override
		public Optional<EmissionLimit> limit() {
			return Optional.empty();
		}

	}

}
