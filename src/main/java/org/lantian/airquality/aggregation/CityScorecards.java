package org.lantian.airquality.aggregation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lantian.airquality.AirQualityProperties;
import org.lantian.airquality.CityScorecard;
import org.lantian.domain.aqi.AirQualityIndex;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.evaluation.AirQualityTarget;
import org.lantian.domain.evaluation.AirQualityTargets;
import org.lantian.domain.evaluation.DailyResult;
import org.lantian.domain.evaluation.RatioRounding;
import org.lantian.domain.evaluation.SandDust;
import org.lantian.domain.evaluation.Scorecard;
import org.lantian.storage.AirQualityStore;

/**
 * A city's scorecard from its stored daily reports (HJ 633 daily AQI, valid or not, and
 * the published PM₂.₅ / PM₁₀ daily means) and the configured targets and sand-dust days.
 */
final class CityScorecards {

	private final AirQualityStore store;

	private final AirQualityTargets targets;

	private final AirQualityProperties properties;

	private final ZoneId zone;

	private final Clock clock;

	CityScorecards(AirQualityStore store, AirQualityTargets targets, AirQualityProperties properties, ZoneId zone,
			Clock clock) {
		this.store = store;
		this.targets = targets;
		this.properties = properties;
		this.zone = zone;
		this.clock = clock;
	}

	CityScorecard of(String city, int year) {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(this.zone)).minusDays(1);
		if (year > yesterday.getYear() || (year == yesterday.getYear() && yesterday.getDayOfYear() < 1)) {
			throw new IllegalArgumentException("the year " + year + " has no finished day yet");
		}
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate asOf = (year < yesterday.getYear()) ? LocalDate.of(year, 12, 31) : yesterday;
		Area area = Area.city(city);
		List<AreaReport> reports = this.store
			.reports(List.of(area), AqiReport.DAILY, first.atStartOfDay(this.zone).toInstant(),
					asOf.plusDays(1).atStartOfDay(this.zone).toInstant())
			.getOrDefault(area, List.of());
		Set<LocalDate> declared = Set.copyOf(this.properties.sandDustDays().getOrDefault(city, List.of()));
		List<DailyResult> days = new ArrayList<>();
		List<LocalDate> suspected = new ArrayList<>();
		for (AreaReport report : reports) {
			DailyResult day = result(report).withSandDust(false);
			boolean sandDust = declared.contains(day.date());
			days.add(day.withSandDust(sandDust));
			if (!sandDust && day.valid() && SandDust.isSuspected(day)) {
				suspected.add(day.date());
			}
		}
		Optional<AirQualityTarget> target = target(city, year);
		RatioRounding rounding = (this.properties.ratioDecimals() >= 0)
				? RatioRounding.toDecimals(this.properties.ratioDecimals()) : RatioRounding.NONE;
		Scorecard scorecard = Scorecard.evaluate(city, year, asOf, days, target,
				target.flatMap(AirQualityTarget::baseline), rounding);
		return new CityScorecard(scorecard, suspected);
	}

	/** A day's result as the scorecard counts it, from the stored daily report. */
	private DailyResult result(AreaReport report) {
		AirQualityIndex index = report.index();
		boolean valid = report.valid() && index.aqi().isPresent();
		return new DailyResult(LocalDate.ofInstant(report.start(), this.zone), index.aqi(), valid,
				index.primaryPollutants(), published(index, AqiIndicator.PM25_24H),
				published(index, AqiIndicator.PM10_24H), false);
	}

	private static Optional<BigDecimal> published(AirQualityIndex index, AqiIndicator indicator) {
		return Optional.ofNullable(index.concentrations().get(indicator));
	}

	/**
	 * The city's target for the year: its own or that of a region whose only member it
	 * is, the earliest whose year is not before this one; after the last target year, the
	 * last target stays the reference [interpretation: the seeds' targets are "达到…以上"
	 * levels for 2025; no later plan is in the seeds].
	 */
	Optional<AirQualityTarget> target(String city, int year) {
		List<AirQualityTarget> own = this.targets.all()
			.stream()
			.filter((t) -> t.area().equals(city) || t.members().equals(List.of(city)))
			.toList();
		Optional<AirQualityTarget> current = own.stream()
			.filter((t) -> t.year() >= year)
			.min(Comparator.comparingInt(AirQualityTarget::year));
		return current.isPresent() ? current : own.stream().max(Comparator.comparingInt(AirQualityTarget::year));
	}

}
