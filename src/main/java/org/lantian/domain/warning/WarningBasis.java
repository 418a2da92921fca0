package org.lantian.domain.warning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What set a warning state (INTERFACES §5.3 "the rule and data that set it"): the scheme,
 * the rule in the plans' words, the days that met it, the episode's driver, the forecast
 * issue time, and the joint zone if the level came from a neighbour.
 */
public record WarningBasis(String schemeId, String rule, List<DayAqi> evidence, EpisodeDriver driver,
		Optional<Instant> forecastIssued, Optional<Grading.JointRaise> jointZone) {

	public WarningBasis {
		Objects.requireNonNull(schemeId, "schemeId");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(driver, "driver");
		Objects.requireNonNull(forecastIssued, "forecastIssued");
		Objects.requireNonNull(jointZone, "jointZone");
		evidence = List.copyOf(evidence);
	}

	public static WarningBasis of(Grading grading) {
		return new WarningBasis(grading.schemeId(), grading.rule(), grading.evidence(), grading.driver(),
				grading.series().forecastIssued(), grading.jointZone());
	}

}
