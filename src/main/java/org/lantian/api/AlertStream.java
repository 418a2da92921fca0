package org.lantian.api;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.alerts.AlertChanged;
import org.lantian.alerts.AlertView;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.warnings.WarningLevelChanged;
import org.lantian.warnings.WarningView;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events behind {@code GET /api/v1/alerts/stream}: every alert change,
 * filtered by what the caller may read, as an event named after the change with the alert
 * resource as JSON data; and every heavy-pollution warning change as an event named
 * {@code warning} (for bureau, emergency and admin keys, and for an enterprise key whose
 * enterprise is on the emergency reduction list of the warning's city). The publisher
 * only offers to each subscriber's bounded queue; each subscriber has a thread that
 * writes to its connection and sends a heartbeat comment when idle. A subscriber whose
 * queue is full is dropped.
 */
@Component
class AlertStream implements SmartLifecycle, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);

	private final AlertStreamProperties properties;

	private final ZoneId zone;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final ExecutorService senders;

	private final Counter dropped;

	private volatile boolean running;

	private final ReductionList reductions;

	AlertStream(AlertStreamProperties properties, ZoneId zone, MeterRegistry registry, ReductionList reductions) {
		this.properties = properties;
		this.reductions = reductions;
		this.zone = zone;
		this.senders = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "alerts-sse");
			thread.setDaemon(true);
			return thread;
		});
		this.dropped = Counter.builder("lantian.alerts.stream.dropped")
			.description("Alert stream subscribers dropped for falling behind")
			.register(registry);
		Gauge.builder("lantian.alerts.stream.subscribers", this.subscribers, Set::size)
			.description("Open alert streams")
			.register(registry);
	}

	/** A new stream for the caller, or null if too many are open. */
	@Nullable SseEmitter subscribe(ApiCaller caller) {
		if (this.subscribers.size() >= this.properties.maxSubscribers()) {
			return null;
		}
		SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
		Subscriber subscriber = new Subscriber(emitter, caller, new ArrayBlockingQueue<>(this.properties.queue()));
		emitter.onCompletion(subscriber::close);
		emitter.onTimeout(subscriber::close);
		emitter.onError((ex) -> subscriber.close());
		this.subscribers.add(subscriber);
		this.senders.execute(subscriber);
		return emitter;
	}

	@EventListener
	void on(AlertChanged changed) {
		if (this.subscribers.isEmpty()) {
			return;
		}
		AlertView view = AlertView.from(changed.alert(), this.zone);
		Event event = new Event(view.change(), view.id() + ":" + view.history().size(), view);
		for (Subscriber subscriber : this.subscribers) {
			if (AlertsController.canRead(subscriber.caller, changed.alert())) {
				offer(subscriber, event);
			}
		}
	}

	/**
	 * A heavy-pollution warning raised, changed or released, as an event named
	 * {@code warning} with the warning resource (INTERFACES §5.3) as data, to the callers
	 * who may read warnings (bureau, emergency, admin) and to the enterprises listed for
	 * emergency reduction in that city (应急减排清单), whom the warning binds.
	 */
	@EventListener
	void on(WarningLevelChanged changed) {
		if (this.subscribers.isEmpty()) {
			return;
		}
		WarningView view = WarningView.from(changed, this.zone);
		Event event = new Event("warning", changed.warningId() + ":" + changed.transition().at().toEpochMilli(), view);
		Set<String> listed = this.reductions.entriesOf(changed.city())
			.stream()
			.map(ReductionEntry::enterpriseId)
			.collect(Collectors.toSet());
		for (Subscriber subscriber : this.subscribers) {
			if (receivesWarning(subscriber.caller, listed)) {
				offer(subscriber, event);
			}
		}
	}

	/**
	 * Whether a caller gets a city's warning events: bureau, emergency and admin keys
	 * always, an enterprise key if its enterprise is among those listed for that city.
	 */
	static boolean receivesWarning(ApiCaller caller, Set<String> listed) {
		return caller.hasAnyRole(Role.BUREAU, Role.EMERGENCY, Role.ADMIN)
				|| (caller.role() == Role.ENTERPRISE && listed.contains(caller.enterprise()));
	}

	private void offer(Subscriber subscriber, Event event) {
		if (!subscriber.queue.offer(event)) {
			this.dropped.increment();
			LOG.warn("Dropped a slow alert stream of '{}': {} changes waiting", subscriber.caller.name(),
					subscriber.queue.size());
			subscriber.close();
			subscriber.emitter.complete();
		}
	}

	/** One event of the stream: its name, id and JSON data. */
	private record Event(String name, String id, Object data) {
	}

	int size() {
		return this.subscribers.size();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends the open streams first when the application stops (the last phase), before the
	 * web server's graceful shutdown: an open stream is an active request, which that
	 * shutdown would otherwise wait for until its timeout (30 s).
	 */
	@Override
	public void stop() {
		this.running = false;
		completeAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void destroy() {
		completeAll();
		this.senders.shutdownNow();
	}

	private void completeAll() {
		for (Subscriber subscriber : this.subscribers) {
			subscriber.close();
			subscriber.emitter.complete();
		}
	}

	private final class Subscriber implements Runnable {

		private final SseEmitter emitter;

		private final ApiCaller caller;

		private final BlockingQueue<Event> queue;

		private volatile boolean closed;

		Subscriber(SseEmitter emitter, ApiCaller caller, BlockingQueue<Event> queue) {
			this.emitter = emitter;
			this.caller = caller;
			this.queue = queue;
		}

		@Override
		public void run() {
			long heartbeat = AlertStream.this.properties.heartbeat().toMillis();
			try {
				this.emitter.send(SseEmitter.event().comment("lantian alert stream"));
				while (!this.closed) {
					Event event = this.queue.poll(heartbeat, TimeUnit.MILLISECONDS);
					if (this.closed) {
						break;
					}
					if (event == null) {
						this.emitter.send(SseEmitter.event().comment("heartbeat"));
					}
					else {
						this.emitter.send(SseEmitter.event()
							.name(event.name())
							.id(event.id())
							.data(event.data(), MediaType.APPLICATION_JSON));
					}
				}
			}
			catch (IOException | IllegalStateException ex) {
				LOG.debug("Alert stream of '{}' ended: {}", this.caller.name(), ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				close();
			}
		}

		void close() {
			this.closed = true;
			AlertStream.this.subscribers.remove(this);
		}

	}

}
