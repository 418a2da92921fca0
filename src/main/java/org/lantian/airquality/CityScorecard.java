package org.lantian.airquality;

import java.time.LocalDate;
import java.util.List;

import org.lantian.domain.evaluation.Scorecard;

/**
 * A city's scorecard for a year, with the days the data suggest were sand-dust days (not
 * deducted unless declared in {@code lantian.airquality.sand-dust-days}).
 *
 * @param scorecard the figures against the target
 * @param suspectedSandDustDays valid days whose primary pollutant was PM₁₀ with a low
 * PM₂.₅/PM₁₀ ratio ({@code SandDust.isSuspected}), not declared
 */
public record CityScorecard(Scorecard scorecard, List<LocalDate> suspectedSandDustDays) {

	public CityScorecard {
		suspectedSandDustDays = List.copyOf(suspectedSandDustDays);
	}

}
