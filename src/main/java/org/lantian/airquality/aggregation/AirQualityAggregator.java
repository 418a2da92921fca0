package org.lantian.airquality.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.lantian.airquality.AirQuality;
import org.lantian.airquality.AirQualityProperties;
import org.lantian.airquality.AmbientLimitExceeded;
import org.lantian.airquality.CityScorecard;
import org.lantian.airquality.HeavyPollutionDayRecorded;
import org.lantian.airquality.RecomputeJob;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.ambient.Exceedance;
import org.lantian.domain.ambient.LimitAveraging;
import org.lantian.domain.ambient.ZoneClass;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.aqi.AreaReports;
import org.lantian.domain.aqi.HourlyMeans;
import org.lantian.domain.evaluation.AirQualityTargets;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.Averages;
import org.lantian.domain.validity.Observation;
import org.lantian.domain.validity.ValidityRule;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.storage.AirQualityStore;
import org.lantian.storage.AmbientInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Computes and stores the real-time and daily AQI reports of every ambient station and
 * city, on one thread of its own:
 * <ol>
 * <li>every {@code interval}, each hour that ended at least {@code grace} ago and was not
 * computed yet is computed for all stations, then for their cities; a day is computed
 * when its last hour is;</li>
 * <li>readings that arrive for an hour already computed (late or back-filled data) mark
 * it; the next pass recomputes the marked hours of that station, the 23 hours after them
 * whose moving means they enter, the days they lie in and the station's city;</li>
 * <li>an operator's recomputation runs on the same thread, between passes.</li>
 * </ol>
 * Everything is read back from InfluxDB, so a restart loses nothing: the first pass goes
 * on from the newest stored report. A pass that cannot reach InfluxDB stops and the next
 * one tries again from where it stood.
 */
public final class AirQualityAggregator implements AirQuality, SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(AirQualityAggregator.class);

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration CHUNK = Duration.ofHours(24);

	private static final List<Measurand> POLLUTANTS = AqiIndicator.pollutants();

	private static final Map<Measurand, AqiIndicator> ONE_HOUR = Map.of(Measurand.SO2, AqiIndicator.SO2_1H,
			Measurand.NO2, AqiIndicator.NO2_1H, Measurand.CO, AqiIndicator.CO_1H, Measurand.O3, AqiIndicator.O3_1H,
			Measurand.PM10, AqiIndicator.PM10_1H, Measurand.PM25, AqiIndicator.PM25_1H);

	private final AirQualityStore store;

	private final ZoneId zone;

	private final Clock clock;

	private final AirQualityProperties properties;

	private final ApplicationEventPublisher events;

	private final Map<SiteId, Site> stations = new LinkedHashMap<>();

	private final Map<String, List<Site>> cities = new TreeMap<>();

	private final LateHours late = new LateHours();

	private final Map<String, RecomputeJob> jobs = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RecomputeJob> eldest) {
			return size() > 100;
		}

	};

	private final Map<String, Counter> reportsWritten = new LinkedHashMap<>();

	private final Counter passesFailed;

	private final Counter lateReadings;

	private final Counter exceedances;

	private final Counter heavyDays;

	private final Timer passes;

	private volatile @Nullable Instant nextHour;

	private volatile @Nullable ScheduledExecutorService executor;

	private final CityScorecards scorecards;

	public AirQualityAggregator(AirQualityStore store, SiteCatalogue catalogue, AirQualityTargets targets, ZoneId zone,
			Clock clock, AirQualityProperties properties, ApplicationEventPublisher events, MeterRegistry meters) {
		this.store = store;
		this.scorecards = new CityScorecards(store, targets, properties, zone, clock);
		this.zone = zone;
		this.clock = clock;
		this.properties = properties;
		this.events = events;
		for (Site site : catalogue.sites()) {
			if (site.kind() == SiteKind.AMBIENT) {
				this.stations.put(site.id(), site);
				this.cities.computeIfAbsent(site.city(), (c) -> new ArrayList<>()).add(site);
			}
		}
		for (Area.Scope scope : Area.Scope.values()) {
			for (AqiReport report : AqiReport.values()) {
				this.reportsWritten.put(scope.key() + report,
						Counter.builder("lantian.airquality.reports")
							.description("AQI reports computed and stored, by scope (site or city) and period")
							.tag("scope", scope.key())
							.tag("period", (report == AqiReport.DAILY) ? "day" : "hour")
							.register(meters));
			}
		}
		this.passesFailed = Counter.builder("lantian.airquality.passes.failed")
			.description("Aggregation passes that stopped because InfluxDB could not be read or written")
			.register(meters);
		this.lateReadings = Counter.builder("lantian.airquality.late.readings")
			.description("Readings that arrived for an hour already computed, which is then recomputed")
			.register(meters);
		this.exceedances = Counter.builder("lantian.airquality.events")
			.description("Air-quality events published")
			.tag("type", "ambient_limit_exceeded")
			.register(meters);
		this.heavyDays = Counter.builder("lantian.airquality.events")
			.description("Air-quality events published")
			.tag("type", "heavy_pollution_day")
			.register(meters);
		this.passes = Timer.builder("lantian.airquality.pass")
			.description("Time of one aggregation pass (closed hours and late data)")
			.register(meters);
		Gauge.builder("lantian.airquality.lag.seconds", this, AirQualityAggregator::lagSeconds)
			.description("How far the first hour not yet computed lies behind now")
			.register(meters);
	}

	// --- lifecycle

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "airquality");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = executor;
		if (this.properties.enabled()) {
			long interval = this.properties.interval().toMillis();
			executor.scheduleWithFixedDelay(this::pass, 0, interval, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	// --- late data

	/**
	 * Marks the hours of ambient stations that readings arrived for after they were
	 * computed (or before the first pass knows where it stands).
	 */
	@EventListener
	public void onReadings(ReadingsReceived event) {
		Instant next = this.nextHour;
		for (Reading reading : event.readings()) {
			if ((next != null && reading.period() != ReadingPeriod.DAY && !reading.time().isBefore(next))
					|| !this.stations.containsKey(reading.site())) {
				continue; // the common case: a reading of an hour still to come
			}
			Instant first = floorHour(reading.time());
			Instant last = first;
			if (reading.period() == ReadingPeriod.DAY) {
				first = startOfDay(reading.time());
				last = first.plus(Duration.ofHours(23));
			}
			if (next == null || first.isBefore(next)) {
				this.late.mark(reading.site(), first, last);
				this.lateReadings.increment();
			}
		}
	}

	// --- passes

	/**
	 * One pass: the hours that closed, then the late data. Runs on the aggregator's
	 * thread.
	 */
	void pass() {
		this.passes.record(() -> {
			try {
				closeHours();
				recomputeLateHours();
			}
			catch (RuntimeException ex) {
				this.passesFailed.increment();
				LOG.warn("AQI aggregation pass stopped, next try in {}: {}", this.properties.interval(), ex.toString());
			}
		});
	}

	private void closeHours() {
		Instant closeUpTo = closeUpTo();
		Instant next = this.nextHour;
		if (next == null) {
			next = this.store.newestStationReport(AqiReport.REAL_TIME)
				.map((newest) -> newest.plus(HOUR))
				.orElse(closeUpTo.minus(this.properties.initialLookback()).truncatedTo(ChronoUnit.HOURS));
			next = floorHour(next);
			this.nextHour = next;
			LOG.info("AQI aggregation starts from {}", next);
		}
		while (next.isBefore(closeUpTo)) {
			Instant end = min(next.plus(CHUNK), closeUpTo);
			compute(null, next, end, end, closeUpTo);
			next = end;
			this.nextHour = next;
		}
	}

	private void recomputeLateHours() {
		Instant next = this.nextHour;
		if (next == null || this.late.isEmpty()) {
			return;
		}
		Instant closeUpTo = closeUpTo();
		Map<SiteId, LateHours.Span> spans = this.late.drain();
		List<Map.Entry<SiteId, LateHours.Span>> pending = new ArrayList<>(spans.entrySet());
		for (int i = 0; i < pending.size(); i++) {
			SiteId site = pending.get(i).getKey();
			LateHours.Span span = pending.get(i).getValue();
			try {
				Instant end = min(span.last().plus(HOUR), next);
				for (Instant from = span.first(); from.isBefore(end); from = from.plus(CHUNK)) {
					compute(site, from, min(from.plus(CHUNK), end), next, closeUpTo);
				}
			}
			catch (RuntimeException ex) {
				// put back what was not done, so the next pass tries again
				for (int j = i; j < pending.size(); j++) {
					this.late.mark(pending.get(j).getKey(), pending.get(j).getValue().first(),
							pending.get(j).getValue().last());
				}
				throw ex;
			}
		}
	}

	// --- recomputation jobs

	@Override
	public RecomputeJob recompute(Instant from, Instant to, @Nullable SiteId site) {
		if (site != null && !this.stations.containsKey(site)) {
			throw new IllegalArgumentException("no ambient station " + site + " in the catalogue");
		}
		Instant first = floorHour(from);
		Instant end = floorHour(to.minusNanos(1)).plus(HOUR);
		if (!first.isBefore(end)) {
			throw new IllegalArgumentException("'from' " + from + " is not before 'to' " + to);
		}
		long hours = Duration.between(first, end).toHours();
		RecomputeJob job = new RecomputeJob(UUID.randomUUID().toString(), first, end,
				(site != null) ? site.value() : null, RecomputeJob.Status.QUEUED, 0, hours, null);
		remember(job);
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			throw new IllegalStateException("the AQI aggregation is not running");
		}
		executor.execute(() -> run(job));
		return job;
	}

	private void run(RecomputeJob queued) {
		RecomputeJob job = update(queued, RecomputeJob.Status.RUNNING, 0, null);
		try {
			Instant next;
			if (this.properties.enabled()) {
				closeHours();
				next = this.nextHour;
			}
			else {
				next = closeUpTo(); // only recomputations: every closed hour is fair game
			}
			Instant end = min(job.to(), (next != null) ? next : job.from());
			long done = 0;
			for (Instant from = job.from(); from.isBefore(end); from = from.plus(CHUNK)) {
				Instant to = min(from.plus(CHUNK), end);
				compute((job.site() != null) ? new SiteId(job.site()) : null, from, to, next, closeUpTo());
				done += Duration.between(from, to).toHours();
				job = update(job, RecomputeJob.Status.RUNNING, done, null);
			}
			update(job, RecomputeJob.Status.DONE, job.hoursTotal(), null);
			LOG.info("AQI recomputation {} done: {} – {}{}", job.id(), job.from(), job.to(),
					(job.site() != null) ? " of " + job.site() : "");
		}
		catch (RuntimeException ex) {
			update(job, RecomputeJob.Status.FAILED, job.hoursDone(), ex.toString());
			LOG.warn("AQI recomputation {} failed: {}", job.id(), ex.toString());
		}
	}

	private RecomputeJob update(RecomputeJob job, RecomputeJob.Status status, long done, @Nullable String error) {
		RecomputeJob updated = new RecomputeJob(job.id(), job.from(), job.to(), job.site(), status, done,
				job.hoursTotal(), error);
		remember(updated);
		return updated;
	}

	private void remember(RecomputeJob job) {
		synchronized (this.jobs) {
			this.jobs.put(job.id(), job);
		}
	}

	@Override
	public Optional<RecomputeJob> job(String id) {
		synchronized (this.jobs) {
			return Optional.ofNullable(this.jobs.get(id));
		}
	}

	@Override
	public CityScorecard scorecard(String city, int year) {
		if (!this.cities.containsKey(city)) {
			throw new IllegalArgumentException("no ambient station of a city '" + city + "' in the catalogue");
		}
		return this.scorecards.of(city, year);
	}

	@Override
	public List<AreaReport> reports(Area area, AqiReport report, Instant from, Instant to) {
		return this.store.reports(List.of(area), report, from, to).getOrDefault(area, List.of());
	}

	// --- computing

	/**
	 * Computes the hours [{@code from}, {@code to}) of one station, or of all, then their
	 * cities. {@code computed} is where the hours already computed end: later hours whose
	 * moving means these hours enter are recomputed up to it. Reads and writes in
	 * batches: the readings, the stations' stored context, the stations' reports, then
	 * the same for the cities — six InfluxDB round trips whatever the number of stations.
	 */
	void compute(@Nullable SiteId only, Instant from, Instant to, Instant computed, Instant closeUpTo) {
		Collection<Site> scope = (only != null) ? List.of(this.stations.get(only)) : this.stations.values();
		Map<SiteId, AmbientInputs> inputs = this.store.ambientInputs(only, from, to);
		Window window = new Window(from, to, computed, closeUpTo);
		Map<Area, List<AreaReport>> stationContext = this.store.reports(
				scope.stream().map((s) -> Area.station(s.id())).toList(), AqiReport.REAL_TIME, window.contextFrom,
				window.contextTo);
		List<Derived> stations = new ArrayList<>();
		Set<String> touched = new LinkedHashSet<>();
		for (Site station : scope) {
			AmbientInputs stationInputs = inputs.getOrDefault(station.id(), new AmbientInputs());
			Map<Measurand, Map<Instant, Average>> fresh = new EnumMap<>(Measurand.class);
			for (Measurand pollutant : POLLUTANTS) {
				Map<Instant, List<Observation>> minutesByHour = byHour(stationInputs.minutes(pollutant));
				Map<Instant, List<Observation>> reportedByHour = byHour(stationInputs.reportedHours(pollutant));
				Map<Instant, Average> hours = new TreeMap<>();
				for (Instant hour = from; hour.isBefore(to); hour = hour.plus(HOUR)) {
					Optional<Observation> reported = reportedByHour.getOrDefault(hour, List.of()).stream().findFirst();
					hours.put(hour, Averages.hourly(hour, minutesByHour.getOrDefault(hour, List.of()), reported));
				}
				fresh.put(pollutant, hours);
			}
			Area area = Area.station(station.id());
			stations.add(derive(area, station.city(), station.zone(), fresh,
					stationContext.getOrDefault(area, List.of()), window, (dayStart) -> {
						// the chunk's own readings hold the day's device value when the
						// day
						// starts in it
						Map<Measurand, BigDecimal> reported = stationInputs.validReportedDays(dayStart);
						return (!dayStart.isBefore(from) || !reported.isEmpty()) ? reported
								: reportedDays(station.id(), dayStart);
					}));
			touched.add(station.city());
		}
		store(stations);

		// the cities, from the stations' hours just derived and, for a single station,
		// the
		// others' stored hours
		Map<Area, List<AreaReport>> stationHours = new LinkedHashMap<>();
		for (Derived derived : stations) {
			stationHours.put(derived.area(), derived.hourly());
		}
		List<Area> others = new ArrayList<>();
		for (String city : touched) {
			for (Site member : this.cities.get(city)) {
				if (!stationHours.containsKey(Area.station(member.id()))) {
					others.add(Area.station(member.id()));
				}
			}
		}
		if (!others.isEmpty()) {
			stationHours.putAll(this.store.reports(others, AqiReport.REAL_TIME, from, to));
		}
		Map<Area, List<AreaReport>> cityContext = this.store.reports(touched.stream().map(Area::city).toList(),
				AqiReport.REAL_TIME, window.contextFrom, window.contextTo);
		List<Derived> cities = new ArrayList<>();
		for (String city : touched) {
			List<List<AreaReport>> members = new ArrayList<>();
			for (Site member : this.cities.get(city)) {
				members.add(stationHours.getOrDefault(Area.station(member.id()), List.of())
					.stream()
					.filter((r) -> !r.start().isBefore(from) && r.start().isBefore(to))
					.toList());
			}
			// a city is judged against the 二类区 limits: it is where people live (GB
			// 3095-2026 §4.1)
			cities.add(derive(Area.city(city), city, ZoneClass.CLASS_II, cityHours(members, from, to),
					cityContext.getOrDefault(Area.city(city), List.of()), window, (dayStart) -> Map.of()));
		}
		store(cities);
	}

	/**
	 * The periods one computation touches: the hours [{@code from}, {@code to}), the
	 * later hours whose moving means they enter (up to {@code computed}), the closed days
	 * they lie in, and the stored hours needed around them.
	 */
	private final class Window {

		final Instant from;

		final Instant to;

		final Instant derivedTo;

		final Instant firstDay;

		final Instant lastDayEnd;

		final Instant contextFrom;

		final Instant contextTo;

		final Instant dayLimit;

		Window(Instant from, Instant to, Instant computed, Instant closeUpTo) {
			this.from = from;
			this.to = to;
			this.derivedTo = max(to, min(to.plus(Duration.ofHours(23)), computed));
			this.firstDay = startOfDay(from);
			this.lastDayEnd = endOfDay(to.minusMillis(1));
			this.contextFrom = min(from.minus(Duration.ofHours(23)), this.firstDay);
			this.contextTo = max(this.derivedTo, min(this.lastDayEnd, max(computed, to)));
			this.dayLimit = min(closeUpTo, max(computed, to));
		}

	}

	/** An area's derived reports, to be written, and what they show. */
	private record Derived(Area area, String city, ZoneClass zoneClass, Instant to, List<AreaReport> hourly,
			List<AreaReport> daily) {
	}

	/** Observations by the start of their hour in the reporting zone. */
	private Map<Instant, List<Observation>> byHour(List<Observation> observations) {
		Map<Instant, List<Observation>> byHour = new HashMap<>();
		for (Observation observation : observations) {
			byHour.computeIfAbsent(floorHour(observation.at()), (h) -> new ArrayList<>()).add(observation);
		}
		return byHour;
	}

	private Map<Measurand, BigDecimal> reportedDays(SiteId site, Instant dayStart) {
		AmbientInputs inputs = this.store.ambientInputs(site, dayStart, dayStart.plusMillis(1)).get(site);
		return (inputs != null) ? inputs.validReportedDays(dayStart) : Map.of();
	}

	/**
	 * A city's hourly means: per pollutant and hour, the mean of its stations' valid
	 * hourly means (HJ 663 [M]); valid when at least one station's is [interpretation: HJ
	 * 663 sets no minimum number of stations].
	 */
	static Map<Measurand, Map<Instant, Average>> cityHours(Collection<List<AreaReport>> stations, Instant from,
			Instant to) {
		Map<Measurand, Map<Instant, List<BigDecimal>>> values = new EnumMap<>(Measurand.class);
		for (List<AreaReport> reports : stations) {
			for (AreaReport report : reports) {
				report.averages().forEach((indicator, average) -> {
					if (indicator == ONE_HOUR.get(indicator.pollutant())) {
						average.validValue()
							.ifPresent((value) -> values.computeIfAbsent(indicator.pollutant(), (p) -> new TreeMap<>())
								.computeIfAbsent(report.start(), (s) -> new ArrayList<>())
								.add(value));
					}
				});
			}
		}
		Map<Measurand, Map<Instant, Average>> hours = new EnumMap<>(Measurand.class);
		for (Measurand pollutant : POLLUTANTS) {
			Map<Instant, Average> byHour = new TreeMap<>();
			for (Instant hour = from; hour.isBefore(to); hour = hour.plus(HOUR)) {
				List<BigDecimal> stationMeans = values.getOrDefault(pollutant, Map.of()).getOrDefault(hour, List.of());
				byHour.put(hour,
						stationMeans.isEmpty()
								? new Average.Insufficient(0, ValidityRule.HOURLY,
										"no station of the city had a valid hour")
								: new Average.Valid(mean(stationMeans), stationMeans.size()));
			}
			hours.put(pollutant, byHour);
		}
		return hours;
	}

	private static BigDecimal mean(List<BigDecimal> values) {
		BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(values.size()), Averages.SCALE, RoundingMode.HALF_EVEN);
	}

	/**
	 * An area's real-time reports for the window's hours and the later hours whose moving
	 * means changed, and the daily reports of the closed days these hours lie in, from
	 * its fresh hourly means over its stored ones.
	 */
	private Derived derive(Area area, String city, ZoneClass zoneClass, Map<Measurand, Map<Instant, Average>> fresh,
			List<AreaReport> stored, Window window, Function<Instant, Map<Measurand, BigDecimal>> reportedDays) {
		HourlyMeans means = new HourlyMeans();
		for (AreaReport report : stored) {
			report.averages().forEach((indicator, average) -> {
				if (indicator == ONE_HOUR.get(indicator.pollutant())) {
					means.put(indicator.pollutant(), report.start(), average);
				}
			});
		}
		fresh.forEach((pollutant, hours) -> hours.forEach((hour, average) -> means.put(pollutant, hour, average)));
		List<AreaReport> hourly = new ArrayList<>();
		for (Instant hour = window.from; hour.isBefore(window.derivedTo); hour = hour.plus(HOUR)) {
			hourly.add(AreaReports.hourly(hour, this.zone, means));
		}
		List<AreaReport> daily = new ArrayList<>();
		for (Instant day = window.firstDay; day.isBefore(window.lastDayEnd); day = endOfDay(day)) {
			if (!endOfDay(day).isAfter(window.dayLimit)) {
				daily.add(AreaReports.daily(LocalDate.ofInstant(day, this.zone), this.zone, means,
						reportedDays.apply(day)));
			}
		}
		return new Derived(area, city, zoneClass, window.to, hourly, daily);
	}

	/** Writes derived reports in one request, then publishes the events they show. */
	private void store(List<Derived> batch) {
		List<AirQualityStore.Reports> writes = new ArrayList<>();
		for (Derived derived : batch) {
			List<AreaReport> reports = new ArrayList<>(derived.hourly());
			reports.addAll(derived.daily());
			writes.add(new AirQualityStore.Reports(derived.area(), derived.city(), reports));
		}
		this.store.write(writes);
		for (Derived derived : batch) {
			Area area = derived.area();
			this.reportsWritten.get(area.scope().key() + AqiReport.REAL_TIME).increment(derived.hourly().size());
			this.reportsWritten.get(area.scope().key() + AqiReport.DAILY).increment(derived.daily().size());
			for (AreaReport report : derived.hourly()) {
				if (report.start().isBefore(derived.to())) {
					LocalDate date = LocalDate.ofInstant(report.start(), this.zone);
					for (Measurand pollutant : POLLUTANTS) {
						Average average = report.averages().get(ONE_HOUR.get(pollutant));
						if (average != null) {
							exceeded(area, report, Exceedance.judge(date, derived.zoneClass(), pollutant,
									LimitAveraging.HOURLY, average));
						}
					}
				}
			}
			for (AreaReport report : derived.daily()) {
				LocalDate date = LocalDate.ofInstant(report.start(), this.zone);
				report.averages().forEach((indicator, average) -> {
					LimitAveraging averaging = (indicator == AqiIndicator.O3_8H) ? LimitAveraging.DAILY_MAX_EIGHT_HOUR
							: (indicator == AqiIndicator.O3_1H) ? null : LimitAveraging.DAILY;
					if (averaging != null) {
						exceeded(area, report,
								Exceedance.judge(date, derived.zoneClass(), indicator.pollutant(), averaging, average));
					}
				});
				if (report.index().isHeavyPollution()) {
					this.heavyDays.increment();
					this.events.publishEvent(new HeavyPollutionDayRecorded(area, date, report));
				}
			}
		}
	}

	private void exceeded(Area area, AreaReport report, Optional<Exceedance> exceedance) {
		if (exceedance.isPresent()) {
			this.exceedances.increment();
			this.events.publishEvent(new AmbientLimitExceeded(area, report.start(), report.end(), exceedance.get()));
		}
	}

	// --- time

	private Instant closeUpTo() {
		return floorHour(this.clock.instant().minus(this.properties.grace()));
	}

	private Instant floorHour(Instant instant) {
		return instant.atZone(this.zone).truncatedTo(ChronoUnit.HOURS).toInstant();
	}

	private Instant startOfDay(Instant instant) {
		return instant.atZone(this.zone).toLocalDate().atStartOfDay(this.zone).toInstant();
	}

	private Instant endOfDay(Instant instant) {
		return instant.atZone(this.zone).toLocalDate().plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	private double lagSeconds() {
		Instant next = this.nextHour;
		return (next != null) ? Math.max(0, Duration.between(next, this.clock.instant()).toSeconds()) : 0;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
