package org.lantian.alerts.lifecycle;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChanged;
import org.lantian.alerts.AlertQuery;
import org.lantian.alerts.Alerts;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.storage.AlertJournal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * The alerts of the running service: applies the rule engine's condition changes and
 * people's acknowledgements and resolutions to the {@link AlertBook} under one lock,
 * hands every change to the {@link JournalWriter} and publishes it as
 * {@link AlertChanged} (in the order they happened; the listeners only queue). On start
 * the unresolved alerts are read back from the journal; until that has worked, condition
 * changes wait (up to a bound) instead of raising duplicates.
 */
class AlertService implements Alerts {

	private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

	/** Condition changes kept while the journal cannot be read at start. */
	private static final int MAX_WAITING = 10_000;

	private final AlertBook book;

	private final AlertJournal journal;

	private final JournalWriter writer;

	private final SiteCatalogue catalogue;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AlertsProperties properties;

	private final ScheduledExecutorService timer;

	private final Map<ChangeType, Counter> changes = new EnumMap<>(ChangeType.class);

	private final Counter deduplicated;

	private final ArrayDeque<RuleConditionChanged> waiting = new ArrayDeque<>();

	private boolean rebuilt;

	private volatile int open;

	AlertService(AlertJournal journal, SiteCatalogue catalogue, ApplicationEventPublisher events, Clock clock,
			AlertsProperties properties, MeterRegistry registry) {
		this.book = new AlertBook(() -> UUID.randomUUID().toString(), properties.keepResolved());
		this.journal = journal;
		this.writer = new JournalWriter(journal, properties.journal(), registry);
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		for (ChangeType type : ChangeType.values()) {
			this.changes.put(type,
					Counter.builder("lantian.alerts.changes")
						.description("Alert state changes")
						.tag("type", type.key())
						.register(registry));
		}
		this.deduplicated = Counter.builder("lantian.alerts.deduplicated")
			.description("Active conditions that changed nothing because their alert was already open")
			.register(registry);
		Gauge.builder("lantian.alerts.open", this, (service) -> service.open)
			.description("Unresolved (open or acknowledged) alerts")
			.register(registry);
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "alerts-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	void start() {
		this.writer.start();
		if (!rebuild()) {
			this.timer.schedule(this::rebuildUntilDone, 2, TimeUnit.SECONDS);
		}
		long check = Math.max(1, this.properties.escalationCheck().toMillis());
		this.timer.scheduleWithFixedDelay(this::escalateOverdue, check, check, TimeUnit.MILLISECONDS);
	}

	private void rebuildUntilDone() {
		if (!rebuild()) {
			this.timer.schedule(this::rebuildUntilDone, 5, TimeUnit.SECONDS);
		}
	}

	/** Reads the unresolved alerts back from the journal; false if it cannot be read. */
	private boolean rebuild() {
		List<Alert> restored;
		try {
			restored = AlertRecords.alerts(this.journal.unresolved());
		}
		catch (RuntimeException ex) {
			LOG.warn("Cannot read the unresolved alerts from the journal yet ({}); condition changes wait",
					ex.getMessage());
			return false;
		}
		synchronized (this.book) {
			for (Alert alert : restored) {
				this.book.restore(alert);
			}
			this.rebuilt = true;
			this.open = this.book.unresolvedCount();
			LOG.info("Rebuilt {} unresolved alerts from the journal", this.open);
			while (!this.waiting.isEmpty()) {
				applyLocked(this.waiting.removeFirst());
			}
		}
		return true;
	}

	@EventListener
	void on(RuleConditionChanged condition) {
		synchronized (this.book) {
			if (!this.rebuilt) {
				if (this.waiting.size() >= MAX_WAITING) {
					this.waiting.removeFirst();
					LOG.warn("Too many condition changes waiting for the journal: dropped the oldest");
				}
				this.waiting.addLast(condition);
				return;
			}
			applyLocked(condition);
		}
	}

	private void applyLocked(RuleConditionChanged condition) {
		String city = null;
		String enterprise = null;
		Optional<Site> site = SiteId.isWellFormed(condition.subject())
				? this.catalogue.find(SiteId.of(condition.subject())) : Optional.empty();
		if (site.isPresent()) {
			city = site.get().city();
			enterprise = (site.get().enterprise() != null) ? site.get().enterprise().id() : null;
		}
		else if (isCity(condition.subject())) {
			city = condition.subject();
		}
		Optional<AlertChanged> change = this.book.apply(condition, city, enterprise, this.clock.instant());
		if (change.isPresent()) {
			record(change.get());
		}
		else if (condition.isActive()) {
			this.deduplicated.increment();
		}
	}

	private boolean isCity(String subject) {
		for (Site site : this.catalogue.sites()) {
			if (site.city().equals(subject)) {
				return true;
			}
		}
		return false;
	}

	void escalateOverdue() {
		try {
			synchronized (this.book) {
				if (!this.rebuilt) {
					return;
				}
				for (AlertChanged change : this.book.escalateOverdue(this.clock.instant(),
						this.properties.escalateAfter())) {
					record(change);
				}
			}
		}
		catch (RuntimeException ex) {
			LOG.error("Escalation check failed", ex);
		}
	}

	private void record(AlertChanged change) {
		this.changes.get(change.change().type()).increment();
		this.open = this.book.unresolvedCount();
		this.writer.add(AlertRecords.of(change.alert(), change.change()));
		LOG.info("Alert {} {} ({} {} {}, {}) by {}", change.alert().id(), change.change().type().key(),
				change.alert().rule(), change.alert().subject(), change.alert().key(), change.alert().severity().key(),
				change.change().by());
		try {
			this.events.publishEvent(change);
		}
		catch (RuntimeException ex) {
			LOG.error("A listener of alert changes failed on {}", change.alert().id(), ex);
		}
	}

	@Override
	public List<Alert> find(AlertQuery query) {
		Map<String, Alert> found = new LinkedHashMap<>();
		if (query.status() != AlertStatus.OPEN && query.status() != AlertStatus.ACKNOWLEDGED) {
			// resolved alerts may have left memory: the journal has them all
			for (Alert alert : AlertRecords.alerts(this.journal.raisedBetween(query.from(), query.to()))) {
				if (query.matches(alert)) {
					found.put(alert.id(), alert);
				}
			}
		}
		synchronized (this.book) {
			for (Alert alert : this.book.alerts()) {
				if (query.matches(alert)) {
					found.put(alert.id(), alert);
				}
			}
		}
		List<Alert> alerts = new ArrayList<>(found.values());
		alerts.sort(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::id));
		return alerts;
	}

	@Override
	public Optional<Alert> find(String id) {
		synchronized (this.book) {
			Optional<Alert> alert = this.book.find(id);
			if (alert.isPresent()) {
				return alert;
			}
		}
		List<Alert> stored = AlertRecords.alerts(this.journal.alert(id));
		return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(0));
	}

	@Override
	public Alert acknowledge(String id, String by, @Nullable String comment) {
		synchronized (this.book) {
			AlertChanged change = this.book.acknowledge(id, by, comment, this.clock.instant());
			record(change);
			return change.alert();
		}
	}

	@Override
	public Alert resolve(String id, String by, @Nullable String comment) {
		synchronized (this.book) {
			AlertChanged change = this.book.resolve(id, by, comment, this.clock.instant());
			record(change);
			return change.alert();
		}
	}

	void close() {
		this.timer.shutdownNow();
		this.writer.close();
	}

}
