package org.lantian.warnings.reduction;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.ReductionVerifier;
import org.lantian.domain.warning.reduction.StackBaseline;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;
import org.lantian.warnings.Compliance;
import org.lantian.warnings.ComplianceReport;
import org.lantian.warnings.WarningEpisode;
import org.lantian.warnings.WarningId;
import org.lantian.warnings.Warnings;

/**
 * Verifies a warning episode's emergency cuts from the stored stack data: per listed
 * stack one raw query of the device's hourly values (period {@code hour}) over the judged
 * hours and, only if some hour lacks one, raw queries of its minute values and samples
 * over the hours from the first to the last that lack one. Stateless; "now" is the
 * service clock.
 */
final class ComplianceService implements Compliance {

	private final Warnings warnings;

	private final ReductionList list;

	private final ReadingRepository readings;

	private final Clock clock;

	private final ZoneId zone;

	ComplianceService(Warnings warnings, ReductionList list, ReadingRepository readings, Clock clock, ZoneId zone) {
		this.warnings = warnings;
		this.list = list;
		this.readings = readings;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	public Optional<ComplianceReport> report(String warningId) {
		return verify(warningId).map((v) -> ComplianceReports.of(v, this.zone));
	}

	/** The verification of an episode by its id; empty if malformed or never raised. */
	Optional<EpisodeVerification> verify(String warningId) {
		if (WarningId.parse(warningId).isEmpty()) {
			return Optional.empty();
		}
		return this.warnings.episode(warningId).map(this::verify);
	}

	EpisodeVerification verify(WarningEpisode episode) {
		Instant now = this.clock.instant();
		Instant end = episode.released().filter((r) -> r.isBefore(now)).orElse(now);
		List<Instant> hours = EpisodeVerification.hours(episode.start(), end, this.zone);
		List<EpisodeVerification.EnterpriseVerification> enterprises = new ArrayList<>();
		for (ReductionEntry entry : this.list.entriesOf(episode.city())) {
			List<StackHour> stackHours = hours.isEmpty() ? List.of() : stackHours(entry, hours);
			enterprises.add(EpisodeVerification.enterprise(this.list, entry, episode, hours, stackHours));
		}
		return new EpisodeVerification(episode, hours, end, enterprises);
	}

	private List<StackHour> stackHours(ReductionEntry entry, List<Instant> hours) {
		Instant from = hours.get(0);
		Instant to = hours.get(hours.size() - 1).plusSeconds(3600);
		List<StackHour> stackHours = new ArrayList<>();
		for (StackBaseline stack : entry.stacks()) {
			List<Measurand> pollutants = ReductionVerifier.pollutants(entry)
				.stream()
				.filter(stack.kgPerHour()::containsKey)
				.toList();
			List<Measurand> keys = new ArrayList<>(pollutants);
			keys.add(Measurand.FLOW);
			Map<Measurand, List<SeriesPoint>> hourly = this.readings
				.series(new SeriesQuery(stack.site(), from, to, keys, Step.RAW, ReadingPeriod.HOUR));
			List<Map<Measurand, List<SeriesPoint>>> finer = new ArrayList<>();
			StackHours.lackingHourlyValues(pollutants, hours, hourly).ifPresent((span) -> {
				finer.add(this.readings.series(
						new SeriesQuery(stack.site(), span.from(), span.to(), keys, Step.RAW, ReadingPeriod.MINUTE)));
				finer.add(this.readings.series(
						new SeriesQuery(stack.site(), span.from(), span.to(), keys, Step.RAW, ReadingPeriod.SAMPLE)));
			});
			stackHours.addAll(StackHours.of(stack.site(), pollutants, hours, hourly, finer));
		}
		return stackHours;
	}

}
