package org.lantian.simulator.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.simulator.Link;
import org.lantian.simulator.Plan;
import org.lantian.simulator.SimulatedPoint;
import org.lantian.simulator.device.JsonReadings;
import org.lantian.simulator.device.PendingUploads;
import org.lantian.simulator.device.PeriodAggregator;
import org.lantian.simulator.link.Hj212Logger;
import org.lantian.simulator.link.LinkCounters;
import org.lantian.simulator.link.MqttConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Plan}: tick {@code n} samples every point at the simulated instant
 * {@code start + n × sampleInterval}, due on the wall clock {@code n × sampleInterval /
 * speed} after the run began (speed 1 is real time); it sends each sample and the minute
 * and hour values it completes ({@link PeriodAggregator}) over the point's link. Faster
 * than real time, ticks go as fast as the links take them but never ahead of the
 * schedule; a logger with many unanswered uploads holds the ticks back (the lag is
 * logged), so that an accelerated replay loses nothing while Lantian is away. The plan's
 * end (exclusive) or {@link #stop()} ends the run; then the periods complete at the end
 * are sent and outstanding acknowledgements are awaited for a bounded time.
 */
public final class Runner {

	private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

	private final Plan plan;

	private final RunSettings settings;

	private final LinkCounters counters = new LinkCounters();

	private final JsonReadings json;

	private volatile boolean stopping;

	private volatile @Nullable Thread running;

	private volatile Instant simulated;

	private volatile long lagNanos;

	private volatile long holdBacks;

	public Runner(Plan plan, RunSettings settings) {
		this.plan = Objects.requireNonNull(plan, "plan");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.json = new JsonReadings(settings.zone());
		this.simulated = plan.start();
	}

	public LinkCounters counters() {
		return this.counters;
	}

	/** Asks a running {@link #run()} to stop after the current tick. */
	public void stop() {
		this.stopping = true;
		Thread thread = this.running;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/**
	 * Runs the plan until its end or {@link #stop()}, then waits for acknowledgements.
	 * @return the uploads and messages left unacknowledged
	 */
	public int run() throws InterruptedException {
		this.running = Thread.currentThread();
		Map<String, Point> points = new LinkedHashMap<>();
		boolean needsMqtt = this.plan.points().stream().anyMatch((point) -> point.link() != Link.HJ212_TCP);
		MqttConnection mqtt = needsMqtt ? new MqttConnection(this.settings.mqttUrl(), this.settings.clientId(),
				this.settings.mqttPersistence(), this.settings.topicPrefix(), this.counters) : null;
		List<Hj212Logger> loggers = new ArrayList<>();
		for (SimulatedPoint simulated : this.plan.points()) {
			Site site = simulated.model().site();
			Hj212Logger logger = null;
			if (simulated.link() != Link.MQTT_JSON) {
				PendingUploads pending = new PendingUploads(this.settings.loggerCapacity(),
						this.settings.loggerWindow(), this.settings.replyTimeout());
				logger = (simulated.link() == Link.HJ212_TCP)
						? Hj212Logger.overTcp(site, this.settings.hj212Host(), this.settings.hj212Port(), pending,
								this.settings.zone(), Clock.systemUTC(), this.counters)
						: Hj212Logger.overMqtt(site, Objects.requireNonNull(mqtt), pending, this.settings.zone(),
								Clock.systemUTC(), this.counters);
				loggers.add(logger);
			}
			String topic = (mqtt != null) ? mqtt.readingsTopic(site.id().value()) : "";
			Point previous = points.put(site.id().value(),
					new Point(simulated, new PeriodAggregator(site.id(), site.kind()), logger, topic));
			if (previous != null) {
				throw new IllegalArgumentException("site " + site.id().value() + " is simulated twice");
			}
		}
		LOG.info("simulating '{}': {} points from {} to {}, every {} s, speed {}, seed {}", this.plan.name(),
				points.size(), this.plan.start(), (this.plan.end() != null) ? this.plan.end() : "stop",
				this.plan.sampleInterval().toMillis() / 1000.0, this.plan.speed(), this.plan.seed());
		ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "simulator-progress");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.settings.progressEvery().toMillis();
		progress.scheduleAtFixedRate(() -> logProgress(loggers), every, every, TimeUnit.MILLISECONDS);
		int left = 0;
		try {
			if (mqtt != null) {
				mqtt.connect();
			}
			loggers.forEach(Hj212Logger::start);
			try {
				tick(points, loggers, mqtt);
			}
			catch (InterruptedException ex) {
				if (!this.stopping) {
					throw ex;
				}
			}
			Thread.interrupted(); // a stop may have interrupted a publish; the drain must
									// run
		}
		finally {
			this.running = null;
			for (Hj212Logger logger : loggers) {
				left += logger.close(this.settings.stopPatience());
			}
			if (mqtt != null) {
				// after the wait, not before: what the broker acknowledges meanwhile is
				// not left
				left += mqtt.close(this.settings.stopPatience());
			}
			progress.shutdownNow();
			LOG.info("simulator '{}' stopped at simulated {}: {}; {} unacknowledged", this.plan.name(), this.simulated,
					this.counters.summary(), left);
		}
		return left;
	}

	private void tick(Map<String, Point> points, List<Hj212Logger> loggers, @Nullable MqttConnection mqtt)
			throws InterruptedException {
		Instant end = this.plan.end();
		long intervalNanos = this.plan.sampleInterval().toNanos();
		long began = System.nanoTime();
		int highWater = 4 * this.settings.loggerWindow();
		for (long n = 0; !this.stopping; n++) {
			Instant time = this.plan.start().plusNanos(n * intervalNanos);
			if (end != null && !time.isBefore(end)) {
				break;
			}
			// an unpaced plan (infinite speed) is always due
			long due = began + (long) (n * intervalNanos / this.plan.speed());
			long now;
			while (!this.stopping && (now = System.nanoTime()) < due) {
				LockSupport.parkNanos(due - now);
			}
			while (!this.stopping && loggers.stream().anyMatch((logger) -> logger.backlog() > highWater)) {
				this.holdBacks++;
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			}
			if (this.stopping) {
				break;
			}
			this.lagNanos = Math.max(0, System.nanoTime() - due);
			for (Point point : points.values()) {
				Optional<Reading> sample = point.simulated.model().sample(time);
				List<Reading> closed = sample.isPresent() ? point.aggregator.add(sample.get())
						: point.aggregator.closeUpTo(time);
				if (sample.isPresent()) {
					send(point, sample.get(), mqtt);
				}
				for (Reading value : closed) {
					send(point, value, mqtt);
				}
			}
			this.simulated = time;
		}
		if (end != null && !this.stopping) {
			for (Point point : points.values()) {
				for (Reading value : point.aggregator.closeUpTo(end)) {
					send(point, value, mqtt);
				}
			}
			this.simulated = end;
		}
	}

	private void send(Point point, Reading reading, @Nullable MqttConnection mqtt) throws InterruptedException {
		if (point.logger != null) {
			point.logger.submit(reading);
			return;
		}
		LinkCounters.Counts counts = this.counters.of(Link.MQTT_JSON);
		Objects.requireNonNull(mqtt).publish(point.topic, this.json.encode(reading));
		counts.published();
	}

	private void logProgress(List<Hj212Logger> loggers) {
		int backlog = loggers.stream().mapToInt(Hj212Logger::backlog).sum();
		LOG.info("progress: simulated {}, lag {} ms, held back {}×, unanswered HJ 212 uploads {}; {}", this.simulated,
				TimeUnit.NANOSECONDS.toMillis(this.lagNanos), this.holdBacks, backlog, this.counters.summary());
	}

	/**
	 * One simulated point with its aggregation and, for HJ 212, its logger; {@code topic}
	 * is its JSON readings topic.
	 */
	private record Point(SimulatedPoint simulated, PeriodAggregator aggregator, @Nullable Hj212Logger logger,
			String topic) {

	}

}
