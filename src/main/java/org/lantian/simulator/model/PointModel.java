package org.lantian.simulator.model;

import java.time.Instant;
import java.util.Optional;

import org.lantian.domain.Reading;
import org.lantian.domain.Site;

/**
 * A simulated monitoring point: what it measures at any instant.
 * <p>
 * A model is a pure function of the scenario's seed, its site and the instant, so a
 * replay gives the same data, and a test can ask any instant in any order (no hidden
 * state advanced by calls).
 */
public interface PointModel {

	/** The catalogue site this point is. */
	Site site();

	/**
	 * The sample taken at {@code time}: a {@link org.lantian.domain.ReadingPeriod#SAMPLE}
	 * reading of this site with its values and HJ 212 flags (and, for stacks, the
	 * O₂-corrected value as {@link org.lantian.domain.Statistic#CORRECTED}); empty when
	 * the point sends nothing then (a communication gap, a logger switched off).
	 */
	Optional<Reading> sample(Instant time);

}
