package org.lantian.warnings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.warning.DayAqi;
import org.lantian.domain.warning.WarningBasis;
import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.WarningTransition;

/**
 * A city's warning as JSON (INTERFACES §5.3 {@code GET /api/v1/warnings}, and the notices
 * on {@code lantian/v1/warnings/{city}}, §3.3): the level, since when, the rule and data
 * that set it, and the change that led there. Times are in the reporting zone.
 *
 * @param id the warning's id while one is active, or of the episode a release ended
 * @param level {@code none}, {@code blue}, {@code yellow}, {@code orange} or {@code red}
 * @param levelName the level in the plans' words (黄色预警…)
 * @param change the change this view reports (a notice) or the last one (a read):
 * {@code raised}, {@code upgraded}, {@code downgraded}, {@code released}; null if never
 * warned
 * @param previousLevel the level before that change
 * @param changedAt when that change happened
 * @param since when the current level was set
 * @param episodeStart when the episode's first warning was raised (null without one)
 * @param scheme the grading scheme's id ({@code mee-2024}…)
 * @param rule the condition met, in the plans' words
 * @param data the days that met it (date, AQI, {@code forecast} or {@code observed},
 * driver)
 * @param driver what drives the episode: {@code pm25}, {@code o3}, {@code sandDust}
 * @param emergencyReduction whether listed enterprises must cut now (an active
 * PM2.5-driven warning)
 * @param forecastIssued when the forecast behind it was issued
 * @param jointZone the joint zone and its leading member, if the level came from it
 * @param reason why the level is what it is, e.g. a release still pending
 */
public record WarningView(@Nullable String id, String city, String level, String levelName, @Nullable String change,
		@Nullable String previousLevel, @Nullable OffsetDateTime changedAt, @Nullable OffsetDateTime since,
		@Nullable OffsetDateTime episodeStart, @Nullable String scheme, @Nullable String rule, List<Day> data,
		@Nullable String driver, boolean emergencyReduction, @Nullable OffsetDateTime forecastIssued,
		@Nullable JointZone jointZone, String reason) {

	/** A city's current warning. */
	public static WarningView from(CityWarning warning, ZoneId zone) {
		return of(warning.id().orElse(null), warning.state(), warning.lastChange().orElse(null), warning.reason(),
				zone);
	}

	/** A change, as a notice. */
	public static WarningView from(WarningLevelChanged changed, ZoneId zone) {
		return of(changed.warningId(), changed.transition().state(), changed.transition(),
				changed.transition().reason(), zone);
	}

	private static WarningView of(@Nullable String id, WarningState state, @Nullable WarningTransition change,
			String reason, ZoneId zone) {
		Optional<WarningBasis> basis = state.basis();
		return new WarningView(id, state.region(), state.level().key(), state.level().chinese(),
				(change != null) ? change.kind().name().toLowerCase(Locale.ROOT) : null,
				(change != null) ? change.from().key() : null, (change != null) ? at(change.at(), zone) : null,
				state.since().map((t) -> at(t, zone)).orElse(null),
				state.episodeStart().map((t) -> at(t, zone)).orElse(null),
				basis.map(WarningBasis::schemeId).orElse(null), basis.map(WarningBasis::rule).orElse(null),
				basis.map((b) -> b.evidence().stream().map(Day::from).toList()).orElse(List.of()),
				basis.map((b) -> b.driver().key()).orElse(null), state.demandsEmergencyReduction(),
				basis.flatMap(WarningBasis::forecastIssued).map((t) -> at(t, zone)).orElse(null),
				basis.flatMap(WarningBasis::jointZone).map((j) -> new JointZone(j.zone(), j.leader())).orElse(null),
				reason);
	}

	private static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toOffsetDateTime();
	}

	/** One day of the data that set the level. */
	public record Day(LocalDate date, int aqi, String source, @Nullable String driver) {

		static Day from(DayAqi day) {
			return new Day(day.date(), day.aqi(), day.source().name().toLowerCase(Locale.ROOT),
					day.driver().map((d) -> d.key()).orElse(null));
		}

	}

	/** The joint zone (联防联控区) a level came from, and its leading member. */
	public record JointZone(String zone, String leader) {
	}

}
