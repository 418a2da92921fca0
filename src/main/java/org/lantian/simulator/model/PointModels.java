package org.lantian.simulator.model;

import java.util.List;

import org.lantian.domain.Site;

/**
 * Makes the model of a catalogue site: an {@link AmbientModel} for an ambient station, a
 * {@link StackModel} for a stack.
 */
public final class PointModels {

	private PointModels() {
	}

	/**
	 * @param events the scenario's events; each model keeps those that name its site
	 */
	public static PointModel of(Site site, long seed, List<SimulatedEvent> events) {
		switch (site.kind()) {
			case AMBIENT:
				return new AmbientModel(site, seed, events);
			case STACK:
				return new StackModel(site, seed, events);
			default:
				throw new IllegalArgumentException("no model for site kind " + site.kind());
		}
	}

}
