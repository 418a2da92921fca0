package org.lantian.warnings.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lantian.airquality.AirQuality;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.ObservedAqi;
import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.WarningTransition;
import org.lantian.storage.StorageUnavailableException;
import org.lantian.storage.WarningJournal.WarningChange;
import org.lantian.storage.WarningJournal;
import org.lantian.warnings.CityWarning;
import org.lantian.warnings.WarningEpisode;
import org.lantian.warnings.WarningLevelChanged;
import org.lantian.warnings.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Grades the cities on each forecast and every {@code interval}, stores each change in
 * the warning journal before publishing it as {@link WarningLevelChanged}, and rebuilds
 * the forecasts and warnings from the journal at start (and keeps trying while InfluxDB
 * cannot answer: nothing is graded before that, so a restart never raises an episode
 * again).
 */
final class WarningService implements Warnings, SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(WarningService.class);

	private final WarningBook book;

	private final WarningJournal journal;

	private final AirQuality airQuality;

	private final ApplicationEventPublisher events;

	private final WarningsProperties properties;

	private final ZoneId zone;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Counter changes;

	private final Counter failures;

	private volatile boolean restored;

	private final RoundTimer timer = new RoundTimer("warnings");

	WarningService(WarningRules rules, WarningJournal journal, AirQuality airQuality, ApplicationEventPublisher events,
			WarningsProperties properties, ZoneId zone, Clock clock, MeterRegistry registry) {
		this.book = new WarningBook(rules);
		this.journal = journal;
		this.airQuality = airQuality;
		this.events = events;
		this.properties = properties;
		this.zone = zone;
		this.clock = clock;
		this.changes = Counter.builder("lantian.warnings.changes")
			.description("Warning levels raised, upgraded, downgraded or released")
			.register(registry);
		this.failures = Counter.builder("lantian.warnings.failures")
			.description("Grading rounds or journal writes that failed (storage unreachable)")
			.register(registry);
	}

	@Override
	public List<CityWarning> current() {
		this.lock.lock();
		try {
			return this.book.warnings();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Optional<CityWarning> current(String city) {
		this.lock.lock();
		try {
			return this.book.find(city);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Optional<WarningEpisode> episode(String id) {
		this.lock.lock();
		try {
			return this.book.episode(id);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public List<WarningLevelChanged> submit(AqiForecast forecast) {
		List<WarningLevelChanged> changed;
		this.lock.lock();
		try {
			restore();
			this.journal.appendForecast(forecast);
			if (!this.book.accept(forecast)) {
				LOG.info("Forecast of {} issued {} stored; a later one is already in force", forecast.city(),
						forecast.issued());
				return List.of();
			}
			changed = evaluateLocked();
		}
		finally {
			this.lock.unlock();
		}
		publish(changed);
		return changed;
	}

	/**
	 * One periodic round; failures are logged and counted, the next round tries again.
	 */
	void tick() {
		List<WarningLevelChanged> changed;
		this.lock.lock();
		try {
			restore();
			changed = evaluateLocked();
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			LOG.warn("Warning grading round failed, trying again in {}: {}", this.properties.interval(),
					ex.getMessage());
			return;
		}
		finally {
			this.lock.unlock();
		}
		publish(changed);
	}

	private void restore() {
		if (this.restored) {
			return;
		}
		Instant now = this.clock.instant();
		List<AqiForecast> forecasts = this.journal.forecastsIssuedSince(now.minus(this.properties.forecastLookback()));
		List<WarningChange> transitions = this.journal.changesSince(Instant.EPOCH);
		forecasts.forEach(this.book::accept);
		this.book.restore(transitions);
		this.restored = true;
		LOG.info("Warnings rebuilt: {} forecasts, {} changes, {} active", forecasts.size(), transitions.size(),
				this.book.warnings().stream().filter((w) -> w.state().isActive()).count());
	}

	private List<WarningLevelChanged> evaluateLocked() {
		Instant now = this.clock.instant();
		List<WarningLevelChanged> changed = this.book.evaluate(now, now.atZone(this.zone).toLocalDate(),
				(city) -> observed(city, now));
		for (WarningLevelChanged change : changed) {
			try {
				this.journal.appendChange(new WarningChange(change.warningId(), change.transition()));
			}
			catch (StorageUnavailableException ex) {
				this.failures.increment();
				LOG.error("Warning change of {} ({}) not stored, it will be lost on a restart: {}", change.city(),
						change.transition().kind(), ex.getMessage());
			}
		}
		return changed;
	}

	private Optional<ObservedAqi> observed(String city, Instant now) {
		try {
			return ObservedRollingAqi.of(
					this.airQuality.reports(Area.city(city), AqiReport.REAL_TIME, now.minus(Duration.ofHours(27)), now),
					now, this.zone);
		}
		catch (StorageUnavailableException | IllegalArgumentException ex) {
			LOG.debug("No observed rolling 24-h AQI of {}: {}", city, ex.getMessage());
			return Optional.empty();
		}
	}

	private void publish(List<WarningLevelChanged> changed) {
		for (WarningLevelChanged change : changed) {
			WarningTransition t = change.transition();
			LOG.info("Warning {} {}: {} → {} ({})", change.warningId(), t.kind(), t.from().key(), t.to().key(),
					t.reason());
			this.changes.increment();
			this.events.publishEvent(change);
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			LOG.info("Warning grading off (lantian.warnings.evaluation.enabled=false)");
			return;
		}
		this.timer.start(Duration.ZERO, this.properties.interval(), this::tick);
	}

	@Override
	public void stop() {
		this.timer.stop();
	}

	@Override
	public boolean isRunning() {
		return this.timer.isRunning();
	}

}
