package org.lantian.warnings.reduction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.Measurand;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.ReductionSummary;
import org.lantian.domain.warning.reduction.ReductionVerifier;
import org.lantian.domain.warning.reduction.RequiredCut;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.warnings.WarningEpisode;

/**
 * The verification of one warning episode up to an instant: the hours judged and, per
 * listed enterprise, the cuts owed and the summaries per pollutant. Plain Java: the stack
 * hours are passed in.
 *
 * @param hourStarts the complete clock hours judged, from the first full hour on or after
 * the episode's start to {@code end}
 * @param end now, or the release if earlier
 */
record EpisodeVerification(WarningEpisode episode, List<Instant> hourStarts, Instant end,
		List<EnterpriseVerification> enterprises) {

	/**
	 * The starts of the complete clock hours of the reporting zone in [start, end): the
	 * first is the first full hour on or after {@code start}.
	 */
	static List<Instant> hours(Instant start, Instant end, ZoneId zone) {
		ZonedDateTime hour = start.atZone(zone).truncatedTo(ChronoUnit.HOURS);
		if (hour.toInstant().isBefore(start)) {
			hour = hour.plusHours(1);
		}
		List<Instant> hours = new ArrayList<>();
		while (!hour.plusHours(1).toInstant().isAfter(end)) {
			hours.add(hour.toInstant());
			hour = hour.plusHours(1);
		}
		return hours;
	}

	/**
	 * One enterprise judged hour by hour, each hour at the level (and driver) in force
	 * when it began: consecutive hours owing the same cut are verified together
	 * ({@link ReductionVerifier#verifyAll}) and the parts combined per pollutant.
	 */
	static EnterpriseVerification enterprise(ReductionList list, ReductionEntry entry, WarningEpisode episode,
			List<Instant> hourStarts, List<StackHour> stackHours) {
		List<CutPeriod> periods = new ArrayList<>();
		for (Instant hour : hourStarts) {
			Optional<WarningState> state = episode.stateAt(hour);
			if (state.isEmpty()) {
				continue;
			}
			WarningLevel level = state.get().level();
			EpisodeDriver driver = state.get().basis().orElseThrow().driver();
			RequiredCut cut = list.requiredCut(entry, level, driver);
			CutPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
			if (last != null && last.level() == level && last.driver() == driver && last.cut().equals(cut)
					&& last.end().equals(hour)) {
				last.hours().add(hour);
				periods.set(periods.size() - 1,
						new CutPeriod(level, driver, cut, last.start(), hour.plusSeconds(3600), last.hours()));
			}
			else {
				periods.add(new CutPeriod(level, driver, cut, hour, hour.plusSeconds(3600),
						new ArrayList<>(List.of(hour))));
			}
		}
		Map<Measurand, List<ReductionSummary>> parts = new LinkedHashMap<>();
		for (CutPeriod period : periods) {
			ReductionVerifier.verifyAll(entry, period.cut(), period.hours(), stackHours)
				.forEach((pollutant, summary) -> parts.computeIfAbsent(pollutant, (p) -> new ArrayList<>())
					.add(summary));
		}
		RequiredCut now = now(list, entry, episode);
		Map<Measurand, ReductionSummary> summaries = new LinkedHashMap<>();
		for (Measurand pollutant : ReductionVerifier.pollutants(entry)) {
			List<ReductionSummary> pieces = parts.get(pollutant);
			summaries.put(pollutant, (pieces != null) ? ReductionVerifier.combine(pieces)
					: ReductionVerifier.verify(entry, now, pollutant, List.of(), stackHours));
		}
		return new EnterpriseVerification(entry, List.copyOf(periods), now, summaries, stackHours);
	}

	private static RequiredCut now(ReductionList list, ReductionEntry entry, WarningEpisode episode) {
		WarningState current = episode.current();
		EpisodeDriver driver = current.basis().map((b) -> b.driver()).orElse(EpisodeDriver.PM25);
		return list.requiredCut(entry, current.level(), driver);
	}

	/** Consecutive judged hours owing the same cut, [start, end). */
	record CutPeriod(WarningLevel level, EpisodeDriver driver, RequiredCut cut, Instant start, Instant end,
			List<Instant> hours) {
	}

	/**
	 * One listed enterprise: the cuts owed over the period, the cut owed now, the summary
	 * per pollutant and the stack hours they came from.
	 */
	record EnterpriseVerification(ReductionEntry entry, List<CutPeriod> cuts, RequiredCut requiredNow,
			Map<Measurand, ReductionSummary> summaries, List<StackHour> stackHours) {
	}

}
