package org.lantian.simulator.link;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.lantian.domain.Hj212Access;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212FormatException;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.simulator.Link;
import org.lantian.simulator.device.Hj212Uploads;
import org.lantian.simulator.device.PendingUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site's data logger (数采仪): turns readings into HJ 212 uploads with Flag=5, keeps
 * each until a 9014 data reply with its QN arrives (STANDARDS §3.12), sends it again
 * after a timeout or a lost connection, and reconnects with a growing pause. Its own
 * thread does the sending; {@link #submit} only queues. Thread-safe.
 */
public final class Hj212Logger implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212Logger.class);

	private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

	private static final long IDLE_WAIT_MILLIS = 200;

	private final Site site;

	private final Link link;

	private final Hj212Channel channel;

	private final Hj212Uploads uploads;

	private final Hj212Encoder encoder = new Hj212Encoder();

	private final Hj212Decoder.Options conventions;

	private final ZoneId zone;

	private final Clock clock;

	private final LinkCounters.Counts counters;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final PendingUploads pending;

	private final Thread thread;

	private volatile boolean closed;

	private volatile boolean lost;

	/** The last QN given, in milliseconds, so that QNs of this logger never repeat. */
	private long lastQn;

	private Hj212Logger(Site site, Link link, Hj212Channel channel, PendingUploads pending, ZoneId zone, Clock clock,
			LinkCounters counters) {
		this.site = Objects.requireNonNull(site, "site");
		Hj212Access access = site.hj212();
		if (access == null) {
			throw new IllegalArgumentException("site " + site.id().value() + " has no hj212 block (MN, password)");
		}
		this.link = link;
		this.channel = channel;
		this.pending = pending;
		this.zone = zone;
		this.clock = clock;
		this.counters = counters.of(link);
		this.uploads = new Hj212Uploads(zone);
		this.conventions = Hj212Decoder.Options.STANDARD.forSite(access);
		this.thread = new Thread(this::run, "hj212-logger-" + site.id().value());
		this.thread.setDaemon(true);
	}

	/** A logger with a TCP connection of its own to {@code host:port}. */
	public static Hj212Logger overTcp(Site site, String host, int port, PendingUploads pending, ZoneId zone,
			Clock clock, LinkCounters counters) {
		return new Hj212Logger(site, Link.HJ212_TCP, new Hj212TcpChannel(host, port, site.id().value()), pending, zone,
				clock, counters);
	}

	/** A logger that sends its frames over the simulator's MQTT connection. */
	public static Hj212Logger overMqtt(Site site, MqttConnection connection, PendingUploads pending, ZoneId zone,
			Clock clock, LinkCounters counters) {
		return new Hj212Logger(site, Link.HJ212_MQTT, new Hj212MqttChannel(connection, site.hj212().mn()), pending,
				zone, clock, counters);
	}

	public void start() {
		this.thread.start();
	}

	/** Queues the uploads of a reading (one or more frames). */
	public void submit(Reading reading) {
		this.lock.lock();
		try {
			for (Hj212Frame upload : this.uploads.uploads(reading, this.site, () -> nextQn(reading.time()))) {
				String evicted = this.pending.add(upload.qn(), this.encoder.encode(upload, this.conventions));
				this.counters.queued.increment();
				if (evicted != null) {
					this.counters.dropped.increment();
					LOG.warn("logger {}: queue full, dropped the oldest upload (QN {})", this.site.id().value(),
							evicted);
				}
			}
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Uploads not answered yet. */
	public int backlog() {
		this.lock.lock();
		try {
			return this.pending.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	public Link link() {
		return this.link;
	}

	public Site site() {
		return this.site;
	}

	/** A reply from Lantian: a 9014 with the QN of a pending upload settles it. */
	void onReply(String text) {
		Hj212Frame reply;
		try {
			reply = new Hj212Decoder(this.conventions).decode(text);
		}
		catch (Hj212FormatException ex) {
			LOG.warn("logger {}: unreadable reply ({})", this.site.id().value(), ex.getMessage());
			return;
		}
		if (!Hj212Encoder.CN_DATA_REPLY.equals(reply.cn()) || reply.qn() == null) {
			LOG.debug("logger {}: ignored CN {}", this.site.id().value(), reply.cn());
			return;
		}
		this.lock.lock();
		try {
			if (this.pending.acknowledge(reply.qn())) {
				this.counters.acked.increment();
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void onLost() {
		this.lost = true;
		this.lock.lock();
		try {
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private String nextQn(Instant time) {
		long millis = Math.max(this.lastQn + 1, time.toEpochMilli());
		this.lastQn = millis;
		return QN.format(Instant.ofEpochMilli(millis).atZone(this.zone));
	}

	private void run() {
		Duration pause = FIRST_PAUSE;
		boolean open = false;
		while (!this.closed) {
			try {
				if (open && (this.lost || !this.channel.isOpen())) {
					LOG.warn("logger {}: connection to {} lost; {} uploads will be sent again", this.site.id().value(),
							this.channel, backlog());
					closeChannel();
					open = false;
				}
				if (!open) {
					try {
						this.lost = false;
						this.channel.open(this::onReply, this::onLost);
						open = true;
						pause = FIRST_PAUSE;
						LOG.info("logger {} connected to {}", this.site.id().value(), this.channel);
					}
					catch (IOException ex) {
						LOG.debug("logger {}: cannot connect to {} ({}); next try in {} ms", this.site.id().value(),
								this.channel, ex.getMessage(), pause.toMillis());
						sleep(pause);
						pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE
								: pause.multipliedBy(2);
						continue;
					}
				}
				sendDue();
			}
			catch (IOException ex) {
				LOG.debug("logger {}: send failed: {}", this.site.id().value(), ex.getMessage());
				this.lost = true;
			}
			catch (InterruptedException ex) {
				if (this.closed) {
					break;
				}
				Thread.currentThread().interrupt();
				break;
			}
		}
		closeChannel();
	}

	private void closeChannel() {
		this.channel.close();
		this.lock.lock();
		try {
			long before = this.pending.resent();
			this.pending.connectionLost();
			this.counters.resent.add(this.pending.resent() - before);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void sendDue() throws IOException, InterruptedException {
		List<String> due;
		this.lock.lock();
		try {
			long before = this.pending.resent();
			due = new ArrayList<>(this.pending.due(this.clock.instant()));
			this.counters.resent.add(this.pending.resent() - before);
			if (due.isEmpty()) {
				Instant next = this.pending.nextDue();
				long wait = IDLE_WAIT_MILLIS;
				if (next != null && !next.equals(Instant.MIN)) {
					wait = Math.max(1, Math.min(wait, Duration.between(this.clock.instant(), next).toMillis()));
				}
				if (!this.lost) {
					this.changed.await(wait, TimeUnit.MILLISECONDS);
				}
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		for (String frame : due) {
			this.channel.send(frame);
			this.counters.sent.increment();
		}
	}

	private void sleep(Duration pause) throws InterruptedException {
		this.lock.lock();
		try {
			if (!this.closed) {
				this.changed.await(pause.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits at most {@code patience} for the pending uploads to be answered, then hangs
	 * up.
	 * @return the uploads left unanswered
	 */
	public int close(Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		this.lock.lock();
		try {
			while (this.pending.size() > 0 && System.nanoTime() < deadline) {
				this.changed.await(50, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lock.unlock();
		}
		int left = backlog();
		this.closed = true;
		this.thread.interrupt();
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (left > 0) {
			LOG.warn("logger {}: {} uploads unanswered at stop", this.site.id().value(), left);
		}
		return left;
	}

	@Override
	public void close() {
		close(Duration.ofSeconds(10));
	}

}
