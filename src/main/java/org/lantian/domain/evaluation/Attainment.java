package org.lantian.domain.evaluation;

/**
 * Whether a figure meets its target, so far in the year if the year is not over.
 */
public enum Attainment {

	/** The figure meets the target. */
	MET,
	/** The figure misses the target. */
	NOT_MET,
	/**
	 * There is a target but no figure to judge: no effective day, no value, or no
	 * baseline.
	 */
	NO_DATA,
	/** No target is configured for this figure. */
	NO_TARGET

}
