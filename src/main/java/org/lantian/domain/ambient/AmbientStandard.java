package org.lantian.domain.ambient;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The GB 3095 limit set in force on a date (STANDARDS §0.3): GB 3095-2012 from 2016-01-01
 * to 2026-02-28; GB 3095-2026 from 2026-03-01 with its 过渡阶段 limits to 2030-12-31 and its
 * final limits from 2031-01-01 (§4.4).
 */
public enum AmbientStandard {

	/** GB 3095-2012 (with its 2018 amendment), 2016-01-01 to 2026-02-28. */
	GB_3095_2012("GB 3095-2012", LocalDate.of(2016, 1, 1)),
	/** GB 3095-2026 过渡阶段浓度限值, 2026-03-01 to 2030-12-31. */
	GB_3095_2026_TRANSITION("GB 3095-2026 过渡阶段", LocalDate.of(2026, 3, 1)),
	/** GB 3095-2026 浓度限值, from 2031-01-01. */
	GB_3095_2026_FINAL("GB 3095-2026", LocalDate.of(2031, 1, 1));

	private final String label;

	private final LocalDate inForce;

	AmbientStandard(String label, LocalDate inForce) {
		this.label = label;
		this.inForce = inForce;
	}

	/**
	 * The limit set for a local date; empty before 2016-01-01 (GB 3095-1996 is not
	 * implemented).
	 */
	public static Optional<AmbientStandard> on(LocalDate date) {
		AmbientStandard found = null;
		for (AmbientStandard standard : values()) {
			if (!date.isBefore(standard.inForce)) {
				found = standard;
			}
		}
		return Optional.ofNullable(found);
	}

	public String label() {
		return this.label;
	}

	/** The first day the limit set applies. */
	public LocalDate inForce() {
		return this.inForce;
	}

}
