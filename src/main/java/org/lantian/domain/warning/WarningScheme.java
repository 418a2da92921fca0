package org.lantian.domain.warning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A grading scheme (预警分级标准) as data: its levels and their conditions on the daily AQI
 * series. The level of a series is the highest level whose condition is met (STANDARDS
 * §4.2: "the stricter level applies"). The national schemes are in {@link #mee2024()},
 * {@link #threeLevel2019()} and {@link #fourLevel2017()}; regions may configure their
 * own.
 *
 * @param id the key configuration refers to it by, e.g. {@code mee-2024}
 * @param name the document, e.g. 《关于进一步优化重污染天气应对机制的指导意见》
 * @param source where the thresholds come from (STANDARDS section and provenance)
 * @param levels at most one rule per level
 */
public record WarningScheme(String id, String name, String source, List<LevelRule> levels) {

	public WarningScheme {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("id: blank");
		}
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(source, "source");
		if (levels == null || levels.isEmpty()) {
			throw new IllegalArgumentException("scheme " + id + ": no levels");
		}
		Set<WarningLevel> seen = new HashSet<>();
		for (LevelRule rule : levels) {
			if (!seen.add(rule.level())) {
				throw new IllegalArgumentException("scheme " + id + ": level " + rule.level().key() + " defined twice");
			}
		}
		List<LevelRule> sorted = new ArrayList<>(levels);
		sorted.sort(Comparator.comparing(LevelRule::level).reversed());
		levels = List.copyOf(sorted);
	}

	/** The lowest level of the scheme (yellow, or blue in 2017). */
	public WarningLevel lowestLevel() {
		return this.levels.get(this.levels.size() - 1).level();
	}

	/** The rule of a level, if the scheme has it. */
	public Optional<LevelRule> rule(WarningLevel level) {
		return this.levels.stream().filter((r) -> r.level() == level).findFirst();
	}

	/**
	 * The level of the series under this scheme, with the rule and the days that set it.
	 */
	public Grading grade(String region, AqiSeries series) {
		for (LevelRule rule : this.levels) {
			Optional<LevelRule.Match> match = rule.match(series);
			if (match.isPresent()) {
				return Grading.met(region, this.id, match.get(), series);
			}
		}
		return Grading.none(region, this.id,
				"低于" + lowestLevel().chinese() + "条件 (" + rule(lowestLevel()).get().description() + ")", series);
	}

	/**
	 * MEE 2024-01-23 《关于进一步优化重污染天气应对机制的指导意见》 (STANDARDS §4.1), with the [interpretation]
	 * that in "黄色以预测日AQI>200或日AQI>150持续48小时" the duration attaches only to the &gt; 150
	 * clause: &gt; 200 on one forecast day is yellow.
	 */
	public static WarningScheme mee2024() {
		return new WarningScheme("mee-2024", "生态环境部《关于进一步优化重污染天气应对机制的指导意见》(2024-01-23)", "STANDARDS §4.1 [P]", List.of(
				new LevelRule(WarningLevel.YELLOW,
						List.of(List.of(Criterion.above(200, 1)), List.of(Criterion.above(150, 2)))),
				new LevelRule(WarningLevel.ORANGE,
						List.of(List.of(Criterion.above(200, 2)), List.of(Criterion.above(150, 3)))),
				new LevelRule(WarningLevel.RED, List.of(List.of(Criterion.above(200, 3), Criterion.above(300, 1))))));
	}

	/**
	 * The 2019–2023 three-level scheme as written into city plans (Hohhot 2019, Xinzhou
	 * 2021; STANDARDS §4.2 [P], matching 环办大气函〔2019〕648号 [M]).
	 */
	public static WarningScheme threeLevel2019() {
		return new WarningScheme("three-level-2019", "三级预警（环办大气函〔2019〕648号，城市预案）", "STANDARDS §4.2 [P]",
				List.of(new LevelRule(WarningLevel.YELLOW, List.of(List.of(Criterion.above(200, 2)))),
						new LevelRule(WarningLevel.ORANGE, List.of(List.of(Criterion.above(200, 3)))),
						new LevelRule(WarningLevel.RED,
								List.of(List.of(Criterion.above(200, 4), Criterion.above(300, 2)),
										List.of(Criterion.atLeast(500, 1))))));
	}

	/**
	 * The 2017–2018 four-level scheme, 环大气〔2017〕86号 (STANDARDS §4.2 [P], MEE slides
	 * 2017-09-20).
	 */
	public static WarningScheme fourLevel2017() {
		return new WarningScheme("four-level-2017", "四级预警（环大气〔2017〕86号）", "STANDARDS §4.2 [P]", List.of(
				new LevelRule(WarningLevel.BLUE, List.of(List.of(Criterion.above(200, 1)))),
				new LevelRule(WarningLevel.YELLOW, List.of(List.of(Criterion.above(200, 2)))),
				new LevelRule(WarningLevel.ORANGE, List.of(List.of(Criterion.above(200, 3), Criterion.above(300, 1)))),
				new LevelRule(WarningLevel.RED, List.of(List.of(Criterion.above(200, 4), Criterion.above(300, 2)),
						List.of(Criterion.atLeast(500, 1))))));
	}

}
