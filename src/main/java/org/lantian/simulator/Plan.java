package org.lantian.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What to simulate, read from a scenario file.
 *
 * @param name the scenario's name, for logs
 * @param seed the seed every model derives its randomness from: the same seed gives the
 * same data
 * @param start the first simulated instant
 * @param end the instant to stop at, or {@code null} to run until stopped
 * @param speed simulated seconds per wall-clock second: 1 is real time, 3600 replays an
 * hour each second (timestamps are the simulated ones); {@link #UNPACED} sends as fast as
 * the links take it
 * @param sampleInterval how often each point samples (HJ 212 CN 2011 and JSON readings;
 * minute and hour values are aggregated from the samples)
 * @param points the simulated points
 */
public record Plan(String name, long seed, Instant start, @Nullable Instant end, double speed, Duration sampleInterval,
		List<SimulatedPoint> points) {

	/** The speed of a replay that never waits for the wall clock. */
	public static final double UNPACED = Double.POSITIVE_INFINITY;

	public Plan {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(sampleInterval, "sampleInterval");
		if (end != null && !end.isAfter(start)) {
			throw new IllegalArgumentException("end " + end + " is not after start " + start);
		}
		if (!(speed > 0)) {
			throw new IllegalArgumentException("speed must be positive (or UNPACED): " + speed);
		}
		if (sampleInterval.isNegative() || sampleInterval.isZero()) {
			throw new IllegalArgumentException("sampleInterval must be positive: " + sampleInterval);
		}
		points = List.copyOf(points);
	}

	/**
	 * The same points, models and events over [{@code start}, {@code end}), unpaced: what
	 * a test that advances its clock step by step replays for each step. The models are
	 * functions of the instant, so consecutive windows give what one run would; let
	 * windows begin and end on whole hours, as each {@code Runner} averages its own
	 * minutes and hours and sends only those complete at its end.
	 */
	public Plan window(Instant start, Instant end) {
		return new Plan(this.name, this.seed, start, end, UNPACED, this.sampleInterval, this.points);
	}

}
