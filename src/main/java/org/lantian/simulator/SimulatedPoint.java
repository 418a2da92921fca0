package org.lantian.simulator;

import java.util.Objects;

import org.lantian.simulator.model.PointModel;

/**
 * One simulated monitoring point: what it measures and how it sends it.
 */
public record SimulatedPoint(PointModel model, Link link) {

	public SimulatedPoint {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(link, "link");
	}

}
