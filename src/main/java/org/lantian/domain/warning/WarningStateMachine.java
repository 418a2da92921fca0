package org.lantian.domain.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The warning of one region, moved by each new {@link Grading}:
 * <ul>
 * <li>none → level: raised as soon as a level's condition is met;</li>
 * <li>upgrade: as soon as a higher level's condition is met;</li>
 * <li>downgrade: when a lower level (still a warning) is all the series meets;</li>
 * <li>release: when no level is met and the forecast reaches at least
 * {@link #releaseAfter()} ahead (STANDARDS §4.1, Yangzhou 2026:
 * "当空气质量改善到黄色预警条件以下，且预测将持续36小时以上时"). Otherwise the warning holds and the transition says
 * the release is pending.</li>
 * </ul>
 * [interpretation] With daily forecasts, "持续36小时以上" needs two forecast days (48 h): one
 * forecast day covers only 24 h. An observed day is past, so it does not count. Because a
 * scheme is met by a run anywhere in the series, "below yellow" already means every day
 * of the series, so the 36 h are the next forecast days.
 */
public final class WarningStateMachine {

	/** The Yangzhou release rule of STANDARDS §4.1. */
	public static final Duration DEFAULT_RELEASE_AFTER = Duration.ofHours(36);

	private final Duration releaseAfter;

	public WarningStateMachine(Duration releaseAfter) {
		if (releaseAfter.isNegative()) {
			throw new IllegalArgumentException("releaseAfter: negative " + releaseAfter);
		}
		this.releaseAfter = releaseAfter;
	}

	public static WarningStateMachine standard() {
		return new WarningStateMachine(DEFAULT_RELEASE_AFTER);
	}

	public Duration releaseAfter() {
		return this.releaseAfter;
	}

	/**
	 * The next state of {@code current} given the latest grading of the same region.
	 * @param at when the decision is taken (the service passes its clock's instant)
	 * @throws IllegalArgumentException if the grading is for another region
	 */
	public WarningTransition next(WarningState current, Grading grading, Instant at) {
		if (!current.region().equals(grading.region())) {
			throw new IllegalArgumentException(
					"grading of " + grading.region() + " cannot move the warning of " + current.region());
		}
		WarningLevel from = current.level();
		WarningLevel to = grading.level();
		WarningBasis basis = WarningBasis.of(grading);
		if (!from.isWarning()) {
			if (!to.isWarning()) {
				return new WarningTransition(WarningTransition.Kind.UNCHANGED, from, from, at, grading.rule(), current);
			}
			return new WarningTransition(WarningTransition.Kind.RAISED, from, to, at, grading.rule(),
					new WarningState(current.region(), to, Optional.of(at), Optional.of(at), Optional.of(basis)));
		}
		if (to.isHigherThan(from)) {
			return change(WarningTransition.Kind.UPGRADED, current, to, at, basis, grading.rule());
		}
		if (to == from) {
			return new WarningTransition(WarningTransition.Kind.UNCHANGED, from, from, at, grading.rule(), current);
		}
		if (to.isWarning()) {
			return change(WarningTransition.Kind.DOWNGRADED, current, to, at, basis, grading.rule());
		}
		Duration coverage = grading.series().forecastCoverage();
		if (coverage.compareTo(this.releaseAfter) < 0) {
			return new WarningTransition(WarningTransition.Kind.UNCHANGED, from, from, at,
					"release pending: " + grading.rule() + ", but the forecast covers " + coverage.toHours()
							+ " h of the " + this.releaseAfter.toHours() + " h a release needs",
					current);
		}
		String reason = grading.rule() + ", forecast for " + coverage.toHours() + " h (release needs ≥ "
				+ this.releaseAfter.toHours() + " h)";
		return new WarningTransition(WarningTransition.Kind.RELEASED, from, WarningLevel.NONE, at, reason,
				new WarningState(current.region(), WarningLevel.NONE, Optional.empty(), Optional.of(at),
						Optional.of(basis)));
	}

	private static WarningTransition change(WarningTransition.Kind kind, WarningState current, WarningLevel to,
			Instant at, WarningBasis basis, String reason) {
		return new WarningTransition(kind, current.level(), to, at, reason,
				new WarningState(current.region(), to, current.episodeStart(), Optional.of(at), Optional.of(basis)));
	}

}
