package org.lantian.domain.warning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the warning configuration holds: the schemes and their adoptions, the joint
 * zones and the release duration. Grades a region's series by the scheme in force.
 */
public record WarningRules(WarningSchemes schemes, JointZones jointZones, Duration releaseAfter) {

	public WarningRules {
		Objects.requireNonNull(schemes, "schemes");
		Objects.requireNonNull(jointZones, "jointZones");
		if (releaseAfter == null || releaseAfter.isNegative()) {
			throw new IllegalArgumentException("releaseAfter: " + releaseAfter);
		}
	}

	/** The region's series graded by the scheme in force on {@code date}. */
	public Grading grade(String region, LocalDate date, AqiSeries series) {
		return this.schemes.schemeFor(region, date).grade(region, series);
	}

	public WarningStateMachine stateMachine() {
		return new WarningStateMachine(this.releaseAfter);
	}

}
