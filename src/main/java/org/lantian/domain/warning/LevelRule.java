package org.lantian.domain.warning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition of one warning level: alternatives ("或"), each a conjunction ("且") of
 * criteria. The level is met when any alternative has all its criteria met.
 * <p>
 * [interpretation] The criteria of one alternative are each met somewhere in the series
 * (red 2024: a 3-day run > 200 and a day > 300); within a 7–10-day forecast they are the
 * same episode, as the 2017 slides also treat close episodes as one (STANDARDS §4.2).
 */
public record LevelRule(WarningLevel level, List<List<Criterion>> anyOf) {

	public LevelRule {
		Objects.requireNonNull(level, "level");
		if (!level.isWarning()) {
			throw new IllegalArgumentException("level: 'none' has no condition");
		}
		if (anyOf == null || anyOf.isEmpty()) {
			throw new IllegalArgumentException(level.key() + ": no condition (anyOf is empty)");
		}
		for (int i = 0; i < anyOf.size(); i++) {
			if (anyOf.get(i) == null || anyOf.get(i).isEmpty()) {
				throw new IllegalArgumentException(level.key() + ".anyOf[" + i + "]: no criterion");
			}
		}
		anyOf = anyOf.stream().map(List::copyOf).toList();
	}

	/** The first alternative met, with the days that meet it. */
	public Optional<Match> match(AqiSeries series) {
		for (List<Criterion> alternative : this.anyOf) {
			Set<DayAqi> evidence = new LinkedHashSet<>();
			boolean met = true;
			for (Criterion criterion : alternative) {
				Optional<List<DayAqi>> run = criterion.firstRun(series);
				if (run.isEmpty()) {
					met = false;
					break;
				}
				evidence.addAll(run.get());
			}
			if (met) {
				List<DayAqi> days = new ArrayList<>(evidence);
				days.sort(Comparator.comparing(DayAqi::date));
				return Optional.of(new Match(this.level, alternative, days));
			}
		}
		return Optional.empty();
	}

	/**
	 * The whole condition as the plans write it, e.g.
	 * {@code 日AQI>200持续≥24小时 或 日AQI>150持续≥48小时}.
	 */
	public String description() {
		return this.anyOf.stream()
			.map((all) -> all.stream().map(Criterion::description).collect(Collectors.joining(" 且 ")))
			.collect(Collectors.joining(" 或 "));
	}

	/** A met alternative: the level, the criteria met and the days that met them. */
	public record Match(WarningLevel level, List<Criterion> criteria, List<DayAqi> evidence) {

		public Match {
			Objects.requireNonNull(level, "level");
			criteria = List.copyOf(criteria);
			evidence = List.copyOf(evidence);
		}

		public String description() {
			return this.criteria.stream().map(Criterion::description).collect(Collectors.joining(" 且 "));
		}

	}

}
