package org.lantian.warnings;

import java.util.Objects;

import org.lantian.domain.warning.WarningTransition;

/**
 * A city's heavy-pollution warning was raised, upgraded, downgraded or released
 * (发布、升级、降级、解除). The transition carries the levels, the instant, the reason and the state
 * after it (with the rule and data that set it).
 *
 * @param warningId the episode's id ({@link CityWarning#idOf}); for a release, the id of
 * the episode released
 */
public record WarningLevelChanged(String warningId, WarningTransition transition) {

	public WarningLevelChanged {
		Objects.requireNonNull(warningId, "warningId");
		Objects.requireNonNull(transition, "transition");
		if (!transition.isChange()) {
			throw new IllegalArgumentException(
					"no change of " + transition.state().region() + ": " + transition.reason());
		}
	}

	public String city() {
		return this.transition.state().region();
	}

}
