package org.lantian.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.lantian.airquality.AmbientLimitExceeded;
import org.lantian.airquality.HeavyPollutionDayRecorded;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.rules.ExternalRule;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.config.InvalidRulesException;
import org.lantian.rules.config.RuleDefinition;
import org.lantian.rules.config.RulesFile;
import org.lantian.rules.evaluation.EventRule;
import org.lantian.rules.evaluation.NoDataRule;
import org.lantian.rules.evaluation.RuleEvaluator;
import org.lantian.storage.AlertJournal;
import org.lantian.storage.LatestValue;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Evaluates the configured rules as readings and air-quality events arrive and publishes
 * {@link RuleConditionChanged}. Listeners only hand off: each site's readings are
 * evaluated in order on its lane, never on the publisher's (storage writer's) thread.
 */
@Component
class RuleEngine implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

	private static final long WARN_EVERY_MS = 60_000;

	private final RulesProperties properties;

	private final SiteCatalogue catalogue;

	private final ZoneId zone;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final ReadingRepository readings;

	private final AlertJournal journal;

	private final Resource resource;

	private final Lanes lanes;

	private final OxygenCorrection correction = OxygenCorrection.standard();

	private final Counter evaluations;

	private final Counter raised;

	private final Counter cleared;

	private final Counter dropped;

	private final Counter reloadsApplied;

	private final Counter reloadsRefused;

	private final Timer evaluation;

	private final AtomicLong lastDropWarning = new AtomicLong();

	private volatile List<ActiveRule> rules;

	/**
	 * The reading-driven rules that apply to each site, worked out once per rules file: a
	 * reading costs a map lookup, not a selector check per rule, and a site without rules
	 * is not handed off at all.
	 */
	private volatile Map<SiteId, List<ActiveRule>> readingRules = Map.of();

	private volatile long lastModified;

	private volatile boolean running;

	private ScheduledExecutorService timer;

	/** Rules whose conditions other modules publish: not retired here. */
	private final ObjectProvider<ExternalRule> external;

	RuleEngine(RulesProperties properties, SiteCatalogue catalogue, ZoneId zone, Clock clock,
			ApplicationEventPublisher publisher, ReadingRepository readings, ResourceLoader resources,
			MeterRegistry registry, AlertJournal journal, ObjectProvider<ExternalRule> external) {
		this.properties = properties;
		this.external = external;
		this.catalogue = catalogue;
		this.zone = zone;
		this.clock = clock;
		this.publisher = publisher;
		this.readings = readings;
		this.journal = journal;
		String location = properties.file();
		this.resource = resources
			.getResource(location.contains(":") && !location.startsWith("/") ? location : "file:" + location);
		this.lastModified = modified();
		// an invalid file refuses the start, naming every problem
		this.rules = compile(read(), List.of());
		this.readingRules = index(this.rules);
		LOG.info("Rules {}: {} rules", location, this.rules.size());
		this.lanes = new Lanes(properties.lanes(), properties.queueCapacity());
		this.evaluations = Counter.builder("lantian.rules.evaluations")
			.description("Rule evaluations (one rule against one payload of one site, or one event)")
			.register(registry);
		this.raised = Counter.builder("lantian.rules.conditions")
			.description("Rule conditions published")
			.tag("state", "active")
			.register(registry);
		this.cleared = Counter.builder("lantian.rules.conditions")
			.description("Rule conditions published")
			.tag("state", "cleared")
			.register(registry);
		this.dropped = Counter.builder("lantian.rules.dropped")
			.description("Readings not evaluated because the rule lanes were full")
			.register(registry);
		this.reloadsApplied = Counter.builder("lantian.rules.reloads")
			.description("Reloads of the rules file")
			.tag("outcome", "applied")
			.register(registry);
		this.reloadsRefused = Counter.builder("lantian.rules.reloads")
			.description("Reloads of the rules file")
			.tag("outcome", "refused")
			.register(registry);
		this.evaluation = Timer.builder("lantian.rules.evaluation")
			.description("Time to evaluate the rules of one site's payload")
			.register(registry);
		Gauge.builder("lantian.rules.queue.size", this.lanes, Lanes::queued)
			.description("Tasks waiting in the rule lanes")
			.register(registry);
		Gauge.builder("lantian.rules.loaded", this, (engine) -> engine.rules.size())
			.description("Rules in force")
			.register(registry);
		Gauge.builder("lantian.rules.conditions.active", this, RuleEngine::activeConditions)
			.description("Rule conditions active now")
			.register(registry);
	}

	@EventListener
	void on(ReadingsReceived event) {
		Instant receivedAt = this.clock.instant();
		Map<SiteId, List<ActiveRule>> index = this.readingRules;
		List<Reading> readings = event.readings();
		SiteId first = readings.get(0).site();
		if (readings.stream().allMatch((reading) -> reading.site().equals(first))) {
			// the usual payload: one site's readings
			handOff(first, readings, receivedAt, index);
			return;
		}
		Map<SiteId, List<Reading>> bySite = new LinkedHashMap<>();
		for (Reading reading : readings) {
			bySite.computeIfAbsent(reading.site(), (k) -> new ArrayList<>()).add(reading);
		}
		bySite.forEach((site, batch) -> handOff(site, batch, receivedAt, index));
	}

	private void handOff(SiteId site, List<Reading> batch, Instant receivedAt, Map<SiteId, List<ActiveRule>> index) {
		if (!index.containsKey(site)) {
			return; // no rule looks at this site's readings
		}
		if (!this.lanes.submit(site.value(), () -> evaluate(site, batch, receivedAt, true))) {
			this.dropped.increment(batch.size());
			long now = System.currentTimeMillis();
			long last = this.lastDropWarning.get();
			if (now - last >= WARN_EVERY_MS && this.lastDropWarning.compareAndSet(last, now)) {
				LOG.warn("Rule lanes full ({} waiting): readings dropped from rule evaluation (see the "
						+ "lantian.rules.dropped metric)", this.lanes.queued());
			}
		}
	}

	@EventListener
	void on(AmbientLimitExceeded event) {
		Area area = event.area();
		String key = event.exceedance().limit().pollutant().key() + "-"
				+ event.exceedance().limit().averaging().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		String unit = event.exceedance().limit().unit().symbol();
		String message = area + ": " + key + " " + event.exceedance().value().toPlainString() + " " + unit
				+ " above the GB 3095 limit " + event.exceedance().limit().value().toPlainString() + " " + unit + " ("
				+ event.start().atZone(this.zone).toLocalDateTime() + "–"
				+ event.end().atZone(this.zone).toLocalDateTime() + ")";
		announce(RuleTypeKind.AMBIENT, area, key, event.start(), event.end(), event.exceedance().value(),
				event.exceedance().limit().value(), message);
	}

	@EventListener
	void on(HeavyPollutionDayRecorded event) {
		Area area = event.area();
		Instant start = event.day().atStartOfDay(this.zone).toInstant();
		Instant end = event.day().plusDays(1).atStartOfDay(this.zone).toInstant();
		BigDecimal aqi = event.report().index().aqi().isPresent()
				? BigDecimal.valueOf(event.report().index().aqi().getAsInt()) : null;
		String message = area + ": heavy-pollution day " + event.day() + ", daily AQI "
				+ ((aqi != null) ? aqi.toPlainString() : "—") + " > 200 (重度污染 or worse)";
		announce(RuleTypeKind.HEAVY_DAY, area, "aqi", start, end, aqi, BigDecimal.valueOf(200), message);
	}

	private void announce(RuleTypeKind kind, Area area, String key, Instant start, Instant end, BigDecimal value,
			BigDecimal threshold, String message) {
		Instant now = this.clock.instant();
		this.lanes.submit(area.name(), () -> {
			for (ActiveRule rule : this.rules) {
				if (!kind.accepts(rule.definition()) || !applies(rule.definition(), area)) {
					continue;
				}
				this.evaluations.increment();
				publish(((EventRule) rule.evaluator()).announced(area.name(), key, start, end, value, threshold,
						message, now));
			}
		});
	}

	/** The reading-driven rules of each site of the catalogue that has any. */
	private Map<SiteId, List<ActiveRule>> index(List<ActiveRule> rules) {
		Map<SiteId, List<ActiveRule>> index = new HashMap<>();
		for (Site site : this.catalogue.sites()) {
			List<ActiveRule> applicable = rules.stream()
				.filter((rule) -> !rule.definition().type().isEventDriven()
						&& rule.definition().appliesTo().matches(site))
				.toList();
			if (!applicable.isEmpty()) {
				index.put(site.id(), applicable);
			}
		}
		return Map.copyOf(index);
	}

	private boolean applies(RuleDefinition rule, Area area) {
		if (area.scope() == Area.Scope.CITY) {
			return rule.appliesTo().matchesCity(area.name());
		}
		return this.catalogue.find(SiteId.of(area.name())).map(rule.appliesTo()::matches).orElse(false);
	}

	private void evaluate(SiteId siteId, List<Reading> batch, Instant receivedAt, boolean publish) {
		Site site = this.catalogue.find(siteId).orElse(null);
		if (site == null) {
			return;
		}
		Timer.Sample sample = Timer.start();
		try {
			for (ActiveRule rule : this.readingRules.getOrDefault(siteId, List.of())) {
				for (Reading reading : batch) {
					List<RuleConditionChanged> changes = rule.evaluator().onReading(site, reading, receivedAt);
					if (publish) {
						publish(changes);
					}
				}
				this.evaluations.increment();
			}
		}
		catch (RuntimeException ex) {
			LOG.error("Rule evaluation failed for site {}", siteId, ex);
		}
		finally {
			sample.stop(this.evaluation);
		}
	}

	private void publish(List<RuleConditionChanged> changes) {
		for (RuleConditionChanged change : changes) {
			(change.isActive() ? this.raised : this.cleared).increment();
			LOG.debug("Rule condition {}", change);
			this.publisher.publishEvent(change);
		}
	}

	/** Decides the timer-driven conditions on every lane, for the subjects it owns. */
	void tick() {
		Instant now = this.clock.instant();
		for (int lane = 0; lane < this.lanes.count(); lane++) {
			Predicate<String> owns = owner(lane);
			this.lanes.submitTo(lane, () -> {
				for (ActiveRule rule : this.rules) {
					try {
						publish(rule.evaluator().onTick(now, owns));
					}
					catch (RuntimeException ex) {
						LOG.error("Rule {} failed on its timer", rule.definition().id(), ex);
					}
				}
			});
		}
	}

	private Predicate<String> owner(int lane) {
		return (subject) -> this.lanes.laneOf(subject) == lane;
	}

	/** Reloads the rules file if its modification time changed. */
	void reloadIfChanged() {
		long modified = modified();
		if (modified == this.lastModified) {
			return;
		}
		this.lastModified = modified;
		List<RuleDefinition> definitions;
		try {
			definitions = read();
		}
		catch (InvalidRulesException ex) {
			this.reloadsRefused.increment();
			LOG.warn("Rules file changed but refused; the {} rules in force stay: {}", this.rules.size(),
					ex.getMessage());
			return;
		}
		List<ActiveRule> previous = this.rules;
		List<ActiveRule> next = compile(definitions, previous);
		this.readingRules = index(next);
		this.rules = next;
		List<RuleEvaluator> retired = new ArrayList<>();
		for (ActiveRule old : previous) {
			if (next.stream().noneMatch((rule) -> rule.evaluator() == old.evaluator())) {
				retired.add(old.evaluator());
			}
		}
		Instant now = this.clock.instant();
		for (int lane = 0; lane < this.lanes.count(); lane++) {
			Predicate<String> owns = owner(lane);
			this.lanes.submitTo(lane, () -> retired.forEach((evaluator) -> publish(
					evaluator.retire(now, owns, "rule changed or removed from the rules " + "file"))));
		}
		this.reloadsApplied.increment();
		LOG.info("Rules file {} reloaded: {} rules ({} new or changed, {} retired)", this.properties.file(),
				next.size(), next.stream().filter((rule) -> !previous.contains(rule)).count(), retired.size());
	}

	private List<RuleDefinition> read() {
		if (!this.resource.exists()) {
			throw new InvalidRulesException(this.properties.file(), List.of("file not found"));
		}
		try (InputStream in = this.resource.getInputStream()) {
			return RulesFile.read(in, this.properties.file(), this.catalogue, this.zone);
		}
		catch (IOException ex) {
			throw new InvalidRulesException(this.properties.file(), List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/**
	 * Evaluators for the definitions; an unchanged definition keeps its evaluator and
	 * state.
	 */
	private List<ActiveRule> compile(List<RuleDefinition> definitions, List<ActiveRule> previous) {
		List<ActiveRule> compiled = new ArrayList<>(definitions.size());
		for (RuleDefinition definition : definitions) {
			ActiveRule kept = previous.stream()
				.filter((rule) -> rule.definition().equals(definition))
				.findFirst()
				.orElse(null);
			compiled.add((kept != null) ? kept
					: new ActiveRule(definition, definition.type().create(definition, this.zone, this.correction)));
		}
		return List.copyOf(compiled);
	}

	private long modified() {
		try {
			return this.resource.lastModified();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private double activeConditions() {
		return this.rules.stream().mapToInt((rule) -> rule.evaluator().activeCount()).sum();
	}

	/**
	 * Rebuilds rule state at start, in two steps per subject (site or city), on its lane
	 * before any newer reading:
	 * <ol>
	 * <li>what the rules look at, from the stored readings of the last
	 * {@code rebuildLookback}: samples, minute and device hourly values, replayed in time
	 * order (windows, runs, open and judged hours, flat lines, flags), and the newest
	 * value of every key (no data);</li>
	 * <li>which conditions are active, from the alert journal: exactly those with an
	 * unresolved alert, with the severity last published — an ACTIVE one is not raised
	 * again, and publishes CLEARED when the rule's clearing says so; a condition the
	 * replay finds active without an open alert is forgotten, so that it is raised if it
	 * holds again. Open conditions of rules no longer in force are published CLEARED,
	 * except those of rules that other modules publish ({@link ExternalRule}).</li>
	 * </ol>
	 * Nothing else is published. If the journal cannot be read, the replayed state
	 * stands.
	 */
	private void rebuild() {
		Instant to = this.clock.instant();
		Instant from = to.minus(this.properties.rebuildLookback());
		List<ActiveRule> rules = this.rules;
		OpenConditions open;
		boolean reconcile;
		try {
			open = OpenConditions.of(this.journal.unresolved());
			reconcile = true;
		}
		catch (RuntimeException ex) {
			LOG.warn("Open rule conditions not read from the alert journal ({}); rule state is rebuilt from the "
					+ "stored readings only", ex.getMessage());
			open = OpenConditions.NONE;
			reconcile = false;
		}
		Set<String> subjects = new LinkedHashSet<>(open.subjects());
		this.catalogue.sites().forEach((site) -> subjects.add(site.id().value()));
		for (String subject : subjects) {
			OpenConditions conditions = open;
			boolean restore = reconcile;
			boolean queued = this.lanes.submit(subject, () -> {
				rebuild(subject, rules, from, to);
				if (restore) {
					rules.forEach((rule) -> rule.evaluator()
						.restore(subject, conditions.of(rule.definition().id(), subject), to));
				}
			});
			if (!queued) {
				LOG.warn("Rule state of {} not rebuilt: its rule lane is full", subject);
			}
		}
		Set<String> inForce = rules.stream()
			.map((rule) -> rule.definition().id())
			.collect(Collectors.toCollection(HashSet::new));
		this.external.orderedStream().forEach((rule) -> inForce.add(rule.id()));
		open.ofRulesOtherThan(inForce)
			.forEach((subject,
					byRule) -> byRule.forEach((rule,
							keys) -> keys.forEach((key,
									severity) -> publish(List.of(new RuleConditionChanged(rule, subject, key,
											RuleConditionChanged.State.CLEARED, severity, to, null, null,
											"rule " + rule + " no longer in the rules file"))))));
	}

	private void rebuild(String subject, List<ActiveRule> all, Instant from, Instant to) {
		Site site = SiteId.isWellFormed(subject) ? this.catalogue.find(SiteId.of(subject)).orElse(null) : null;
		if (site == null) {
			return; // a city: only event-driven rules, which keep no readings
		}
		List<ActiveRule> rules = all.stream()
			.filter((rule) -> !rule.definition().type().isEventDriven() && rule.definition().appliesTo().matches(site))
			.toList();
		if (rules.isEmpty()) {
			return;
		}
		try {
			Map<Measurand, LatestValue> latest = this.readings.latest(site.id());
			if (latest.isEmpty()) {
				return;
			}
			for (ActiveRule rule : rules) {
				if (rule.evaluator() instanceof NoDataRule noData) {
					latest.values().forEach((value) -> noData.seen(site, value.measurand(), value.time()));
				}
			}
			for (Reading reading : stored(site, List.copyOf(latest.keySet()), from, to)) {
				for (ActiveRule rule : rules) {
					rule.evaluator().onReading(site, reading, reading.time());
				}
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Rule state of {} not rebuilt from storage: {}", site.id(), ex.getMessage());
		}
	}

	/**
	 * The site's stored samples, minute and device hourly values in [from, to) as
	 * readings, in time order (samples before the minute and hourly values of the same
	 * instant), so that no hour closes before its own values were replayed.
	 */
	private List<Reading> stored(Site site, List<Measurand> keys, Instant from, Instant to) {
		TreeMap<Instant, Map<ReadingPeriod, Map<Measurand, Measurement>>> byTime = new TreeMap<>();
		for (ReadingPeriod period : List.of(ReadingPeriod.SAMPLE, ReadingPeriod.MINUTE, ReadingPeriod.HOUR)) {
			Map<Measurand, List<SeriesPoint>> series = this.readings
				.series(new SeriesQuery(site.id(), from, to, keys, Step.RAW, period));
			series.forEach((key, points) -> points.forEach((point) -> {
				if (point.value() != null && point.flag() != null) {
					byTime.computeIfAbsent(point.start(), (k) -> new EnumMap<>(ReadingPeriod.class))
						.computeIfAbsent(period, (k) -> new EnumMap<>(Measurand.class))
						.put(key, new Measurement(point.value(), point.flag()));
				}
			}));
		}
		List<Reading> replay = new ArrayList<>();
		byTime.forEach((time, byPeriod) -> byPeriod
			.forEach((period, values) -> replay.add(new Reading(site.id(), time, period, values))));
		return replay;
	}

	@Override
	public void start() {
		this.running = true;
		rebuild();
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "lantian-rules-timer");
			thread.setDaemon(true);
			return thread;
		});
		long tick = this.properties.tick().toMillis();
		this.timer.scheduleWithFixedDelay(this::safeTick, tick, tick, TimeUnit.MILLISECONDS);
		long reload = this.properties.reloadInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::safeReload, reload, reload, TimeUnit.MILLISECONDS);
	}

	private void safeTick() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			LOG.error("Rule timer failed", ex);
		}
	}

	private void safeReload() {
		try {
			reloadIfChanged();
		}
		catch (RuntimeException ex) {
			LOG.error("Rules reload failed", ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
		this.lanes.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** A rule in force with its evaluator. */
	record ActiveRule(RuleDefinition definition, RuleEvaluator evaluator) {
	}

	/** Which event-driven type an announcement feeds. */
	private enum RuleTypeKind {

		AMBIENT, HEAVY_DAY;

		boolean accepts(RuleDefinition rule) {
			return switch (this) {
				case AMBIENT -> rule.type() == org.lantian.rules.config.RuleType.AMBIENT_LIMIT;
				case HEAVY_DAY -> rule.type() == org.lantian.rules.config.RuleType.HEAVY_POLLUTION_DAY;
			};
		}

	}

	Map<String, Integer> activeByRule() {
		Map<String, Integer> active = new HashMap<>();
		this.rules.forEach((rule) -> active.put(rule.definition().id(), rule.evaluator().activeCount()));
		return active;
	}

}
