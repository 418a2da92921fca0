package org.lantian.domain.warning;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The level a scheme gives a region's series, with what set it (INTERFACES §5.3: "the
 * rule and data that set it"): the scheme, the rule in the plans' words, the days that
 * met it and the episode's driver. A level raised by a joint zone says so in
 * {@code jointZone}.
 *
 * @param rule the condition met (or, for {@link WarningLevel#NONE}, the one missed)
 * @param evidence the days that met the rule; empty for {@code NONE}
 * @param series everything the grading saw
 */
public record Grading(String region, String schemeId, WarningLevel level, String rule, List<DayAqi> evidence,
		EpisodeDriver driver, AqiSeries series, Optional<JointRaise> jointZone) {

	public Grading {
		if (region == null || region.isBlank()) {
			throw new IllegalArgumentException("region: blank");
		}
		Objects.requireNonNull(schemeId, "schemeId");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(driver, "driver");
		Objects.requireNonNull(series, "series");
		Objects.requireNonNull(jointZone, "jointZone");
		evidence = List.copyOf(evidence);
	}

	static Grading met(String region, String schemeId, LevelRule.Match match, AqiSeries series) {
		return new Grading(region, schemeId, match.level(), match.description(), match.evidence(),
				driverOf(match.evidence()), series, Optional.empty());
	}

	static Grading none(String region, String schemeId, String rule, AqiSeries series) {
		return new Grading(region, schemeId, WarningLevel.NONE, rule, List.of(), driverOf(series.days()), series,
				Optional.empty());
	}

	/**
	 * [design] The driver stated on the highest-AQI day (earliest on a tie); PM2.5 when
	 * no day states one, so an unlabelled winter episode still demands reductions.
	 */
	static EpisodeDriver driverOf(List<DayAqi> days) {
		return days.stream()
			.filter((d) -> d.driver().isPresent())
			.max(Comparator.comparingInt(DayAqi::aqi).thenComparing(DayAqi::date, Comparator.reverseOrder()))
			.flatMap(DayAqi::driver)
			.orElse(EpisodeDriver.PM25);
	}

	/** This grading raised to a zone's level because {@code leader} is warned. */
	Grading raisedBy(String zone, Grading leader) {
		return new Grading(this.region, this.schemeId, leader.level(),
				"联防联控区 " + zone + "：随 " + leader.region() + " " + leader.level().chinese() + " (" + leader.rule() + ")",
				leader.evidence(), leader.driver(), this.series, Optional.of(new JointRaise(zone, leader.region())));
	}

	/** A level raised together with a joint zone's highest member. */
	public record JointRaise(String zone, String leader) {

		public JointRaise {
			Objects.requireNonNull(zone, "zone");
			Objects.requireNonNull(leader, "leader");
		}

	}

}
