package org.lantian.domain.warning;

import java.time.Instant;
import java.util.Objects;

/**
 * One decision of the {@link WarningStateMachine}: how the level moved (or why it did
 * not) and the state after it.
 *
 * @param reason in words, with the rule, e.g. why a release is still pending
 */
public record WarningTransition(Kind kind, WarningLevel from, WarningLevel to, Instant at, String reason,
		WarningState state) {

	public WarningTransition {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(state, "state");
	}

	/**
	 * Whether the level changed (what notices and {@code WarningLevelChanged} are for).
	 */
	public boolean isChange() {
		return this.kind != Kind.UNCHANGED;
	}

	/** How the level moved. */
	public enum Kind {

		/** 发布预警: from none to a level. */
		RAISED,
		/** 预警升级. */
		UPGRADED,
		/** 预警降级. */
		DOWNGRADED,
		/** 解除预警. */
		RELEASED,
		/** No change (including a release still pending). */
		UNCHANGED

	}

}
