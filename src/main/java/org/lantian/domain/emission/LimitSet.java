package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;

/**
 * The limits of a profile over one period of dates (local dates in the reporting zone,
 * both ends inclusive).
 *
 * @param from the first day, or {@code null} where the sources give no date (the
 * ultra-low limits: a unit is held to them from its own retrofit or permit, see
 * docs/emission-limits.md)
 * @param until the last day, or {@code null} while in force
 * @param referenceO2 the standard's reference O₂ (%), {@code null} where it judges the
 * measured value
 * @param alternativeReferenceO2 other reference O₂ a site on this profile may have (GB
 * 37822-2019 §10.3.3: 3 % for an incinerator needing supplementary air)
 */
public record LimitSet(@Nullable LocalDate from, @Nullable LocalDate until, @Nullable BigDecimal referenceO2,
		List<BigDecimal> alternativeReferenceO2, List<EmissionLimit> limits) {

	public LimitSet {
		alternativeReferenceO2 = List.copyOf(alternativeReferenceO2);
		limits = List.copyOf(limits);
		if (from != null && until != null && until.isBefore(from)) {
			throw new IllegalArgumentException("period ends before it starts: " + from + " … " + until);
		}
		for (EmissionLimit limit : limits) {
			if (!sameReference(limit.referenceO2(), referenceO2)) {
				throw new IllegalArgumentException(limit.profile() + " " + limit.pollutant()
						+ ": reference O2 differs from its set's: " + limit.referenceO2() + " vs " + referenceO2);
			}
		}
	}

	private static boolean sameReference(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a == null || b == null) ? a == b : a.compareTo(b) == 0;
	}

	public boolean appliesOn(LocalDate date) {
		return (this.from == null || !date.isBefore(this.from)) && (this.until == null || !date.isAfter(this.until));
	}

	/** The limit of a pollutant for an averaging, if the set has one. */
	public Optional<EmissionLimit> limit(Measurand pollutant, EmissionAveraging averaging) {
		return this.limits.stream().filter((l) -> l.pollutant() == pollutant && l.averaging() == averaging).findFirst();
	}

	/**
	 * Whether a site's reference O₂ ({@code null}: none) agrees with this set: the same
	 * reference, or one of the alternatives. A catalogue can check its stacks with it.
	 */
	public boolean admitsSiteReferenceO2(@Nullable BigDecimal siteReferenceO2) {
		if (siteReferenceO2 == null) {
			return this.referenceO2 == null;
		}
		if (this.referenceO2 != null && this.referenceO2.compareTo(siteReferenceO2) == 0) {
			return true;
		}
		return this.alternativeReferenceO2.stream().anyMatch((r) -> r.compareTo(siteReferenceO2) == 0);
	}

}
