package org.lantian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lantian.infra.FreePort;
import org.lantian.infra.LantianProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.MosquittoProcess;

import static org.lantian.bench.BenchSupport.get;
import static org.lantian.bench.BenchSupport.metric;
import static org.lantian.bench.BenchSupport.seconds;

/**
 * Alert latency under load (issue 6, bench/alert-latency): Lantian runs with the 1,000
 * generated rules of {@code bench/ingest-load rules=1000} on 600 load sites, which get a
 * paced background load ({@code rate}/s for {@code seconds}); meanwhile probe readings go
 * to a few probe sites, each with a threshold rule, alternately above the threshold (the
 * condition becomes ACTIVE: alert {@code raised}) and below its clear margin (CLEARED:
 * alert {@code resolved}). For each probe the run times, on this machine's monotonic
 * clock, the delay from the moment its PUBLISH was sent (the proxy for the reading's
 * arrival) and from its PUBACK to the first event about it on the SSE stream
 * ({@code GET /api/v1/alerts/stream}, admin key) and on MQTT
 * ({@code lantian/v1/alerts/<site>}). An event is matched to its probe by site, change
 * and {@code updatedAt}: the probe's reading time, unique per probe, is the time of the
 * condition change and so of the alert change. Arguments:
 * {@code seconds=60 rate=20000 rules=1000 sites=600 probe-rate=10 probe-sites=4 warmup=15 grace=120
 * out=bench/results}.
 */
public final class AlertLatencyBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(AlertLatencyBenchmark.class);

	private static final String ADMIN = "bench-admin-key-000000000001";

	/** The probe rules' threshold (pm25 µg/m³); cleared at or below 95 % of it. */
	private static final int THRESHOLD = 500;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Path LANTIAN_LOG = Path.of("target", "bench-logs", "lantian-alert-latency.log");

	/**
	 * The alert service's INFO line for each change, e.g. {@code Alert <id> raised (…)}.
	 */
	private static final Pattern RECORDED = Pattern
		.compile("^(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(?:Z|[+-]\\d\\d:\\d\\d)) .* Alert (\\S+) (raised|resolved) \\(");

	private final Map<String, String> options;

	private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();

	private final List<String> sites = new ArrayList<>();

	private final List<String> probeSites = new ArrayList<>();

	/** Probes by {@code site|epoch ms} of their reading time. */
	private final Map<String, Probe> probes = new ConcurrentHashMap<>();

	/** Probes by the packet id of their PUBLISH (until acknowledged). */
	private final Map<Integer, Probe> unacknowledged = new ConcurrentHashMap<>();

	/** Alert events that matched no probe, or the wrong change of one. */
	private final AtomicInteger unmatched = new AtomicInteger();

	private final AtomicInteger sseEvents = new AtomicInteger();

	private final AtomicInteger mqttEvents = new AtomicInteger();

	private Sampler sampler;

	private volatile boolean finished;

	private AlertLatencyBenchmark(Map<String, String> options) {
		this.options = options;
		for (int i = 0; i < intOption("sites", 600); i++) {
			this.sites.add(String.format(Locale.ROOT, "BENCH-%04d", i));
		}
		for (int i = 0; i < intOption("probe-sites", 4); i++) {
			this.probeSites.add(String.format(Locale.ROOT, "PROBE-%02d", i));
		}
	}

	public static void main(String[] args) throws Exception {
		// the broker as scripts/run configures it (before the shared infrastructure
		// starts)
		System.setProperty(MosquittoProcess.AUTOSAVE_INTERVAL_PROPERTY, "60");
		int status = 1;
		try {
			new AlertLatencyBenchmark(BenchSupport.options(args)).run();
			status = 0;
		}
		catch (Exception ex) {
			LOG.error("Alert latency run failed", ex);
		}
		finally {
			System.exit(status);
		}
	}

	private void run() throws Exception {
		int rate = intOption("rate", 20_000);
		int seconds = intOption("seconds", 60);
		int warmup = intOption("warmup", 15);
		int rules = intOption("rules", 1000);
		double probeRate = Double.parseDouble(this.options.getOrDefault("probe-rate", "10"));
		String machine = BenchSupport.cpuModel();
		LOG.info(
				"Alert latency run on {} cores ({}): {} rules + {} probe rules; background {} readings/s over {} "
						+ "sites for {} s after a {} s warm-up; {} probes/s",
				Runtime.getRuntime().availableProcessors(), machine, rules, this.probeSites.size(), rate,
				this.sites.size(), seconds, warmup, probeRate);

		String database = LocalInfrastructure.newDatabaseName();
		int port = FreePort.find();
		Map<String, String> properties = BenchSupport.lantianProperties(this.infrastructure, database);
		properties.put("lantian.sites", writeCatalogue().toString());
		properties.put("lantian.hj212.port", "0");
		properties.put("lantian.rules.file", writeRules(rules).toString());
		properties.put("lantian.api.keys[0].key", ADMIN);
		properties.put("lantian.api.keys[0].role", "admin");
		properties.put("management.metrics.distribution.slo.lantian.storage.lag",
				"10ms,25ms,50ms,75ms,100ms,125ms,150ms,175ms,200ms,250ms,300ms,350ms,400ms,450ms,500ms,600ms,700ms,"
						+ "800ms,900ms,1s,1250ms,1500ms,2s,3s,5s,10s,30s,60s,120s,300s");
		LantianProcess lantian = new LantianProcess(port, properties, LANTIAN_LOG);
		lantian.start();
		String base = "http://127.0.0.1:" + port;
		Sampler sampler = new Sampler(base);
		this.sampler = sampler;
		sampler.start();
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("Lantian", lantian.pid());
		pids.put("mosquitto", this.infrastructure.mosquitto().pid());
		pids.put("influxd", this.infrastructure.influxd().pid());
		pids.put("load generator", ProcessHandle.current().pid());
		CpuTime cpu = new CpuTime(pids);
		MqttClient alertSubscriber = subscribeToAlerts();
		Thread sse = streamAlerts(base);
		ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bench-prober");
			thread.setDaemon(true);
			return thread;
		});
		try (RawMqttPublisher load = new RawMqttPublisher(this.infrastructure.mosquitto().url(),
				"bench-load-" + LocalInfrastructure.randomHex());
				RawMqttPublisher probe = new RawMqttPublisher(this.infrastructure.mosquitto().url(),
						"bench-probe-" + LocalInfrastructure.randomHex())) {
			probe.onAck((packetId) -> {
				long now = System.nanoTime();
				Probe acknowledged = this.unacknowledged.remove(packetId);
				if (acknowledged != null) {
					acknowledged.ackNanos = now;
				}
			});
			Prober probing = new Prober(probe);
			long period = Math.max(1, (long) (1e9 / probeRate));
			prober.scheduleAtFixedRate(probing, period, period, TimeUnit.NANOSECONDS);
			long[] lastTime = new long[this.sites.size()];

			LOG.info("warm-up: {} s of load and probes (not counted)", warmup);
			long warmed = drive(load, lastTime, rate, warmup, "warm-up");
			// a cold start leaves a backlog (JIT, rule state rebuilt): measure once
			// Lantian
			// keeps up, so that the figures are those of the steady state
			for (int extra = 0; extra < 12 && metric(base, "lantian.storage.points.written") < warmed - rate; extra++) {
				LOG.info("warm-up: Lantian has written {} of {} readings; 5 s more",
						String.format(Locale.ROOT, "%,.0f", metric(base, "lantian.storage.points.written")), warmed);
				warmed += drive(load, lastTime, rate, 5, "warm-up");
			}
			probing.counted = true;
			double evaluationsBefore = metric(base, "lantian.rules.evaluations");
			double droppedBefore = metric(base, "lantian.rules.dropped");
			double writtenBefore = metric(base, "lantian.storage.points.written");
			Map<Double, Double> lagBefore = BenchSupport.lagBuckets(base);
			Map<String, Double> cpuBefore = cpu.sample();
			sampler.reset();
			long start = System.nanoTime();
			long published = drive(load, lastTime, rate, seconds, "measured");
			long end = System.nanoTime();
			probing.counted = false;
			prober.shutdown();
			prober.awaitTermination(10, TimeUnit.SECONDS);
			load.drain();
			Map<String, Double> cpuAfter = cpu.sample();
			double written = metric(base, "lantian.storage.points.written") - writtenBefore;
			double evaluations = metric(base, "lantian.rules.evaluations") - evaluationsBefore;
			double dropped = metric(base, "lantian.rules.dropped") - droppedBefore;
			Map<Double, Double> lag = BenchSupport.lagBuckets(base);
			lag.replaceAll((le, cumulative) -> cumulative - lagBefore.getOrDefault(le, 0.0));
			// the backlog drains: wait while events still arrive, up to `grace`
			int grace = intOption("grace", 120);
			LOG.info("load done: {} readings in {} s; waiting up to {} s for the last alert events", published,
					String.format(Locale.ROOT, "%.1f", seconds(end - start)), grace);
			long deadline = System.nanoTime() + grace * 1_000_000_000L;
			int events = -1;
			long lastNews = System.nanoTime();
			while (System.nanoTime() < deadline && System.nanoTime() - lastNews < 15_000_000_000L
					&& counted().anyMatch((p) -> p.sseNanos.get() == 0 || p.mqttNanos.get() == 0)) {
				if (this.sseEvents.get() + this.mqttEvents.get() != events) {
					events = this.sseEvents.get() + this.mqttEvents.get();
					lastNews = System.nanoTime();
				}
				Thread.sleep(200);
			}
			long waited = System.nanoTime() - end;
			Totals totals = new Totals(published, seconds(end - start), written, evaluations, dropped,
					metric(base, "lantian.rules.dropped"), BenchSupport.quantile(lag, 0.5),
					BenchSupport.quantile(lag, 0.99), sampler.maxQueue(), sampler.maxHeap(),
					metric(base, "lantian.alerts.stream.dropped"), channels(base),
					CpuTime.perItem(cpuBefore, cpuAfter, published), cores(cpuBefore, cpuAfter, seconds(end - start)));
			String report = report(machine, rules, rate, seconds, probeRate, totals, seconds(waited));
			Path out = Path.of(this.options.getOrDefault("out", "bench/results"));
			Files.createDirectories(out);
			Path file = out
				.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").format(Instant.now().atOffset(ZoneOffset.UTC))
						+ "-alert-latency.md");
			Files.writeString(file, report);
			LOG.info("Results written to {}:\n{}", file, report);
		}
		finally {
			this.finished = true;
			prober.shutdownNow();
			sse.interrupt();
			sampler.interrupt();
			try {
				alertSubscriber.disconnect(1000);
			}
			catch (Exception ex) {
				LOG.debug("closing the alert subscriber: {}", ex.getMessage());
			}
			lantian.stop();
		}
	}

	/**
	 * Publishes {@code rate} readings a second over the load sites for {@code seconds},
	 * paced in ticks of 10 ms (as the paced phase of ingest-load); returns how many.
	 */
	private long drive(RawMqttPublisher publisher, long[] lastTime, int rate, int seconds, String label)
			throws Exception {
		long count = (long) rate * seconds;
		int perTick = Math.max(1, rate / 100);
		long start = System.nanoTime();
		long nextReport = start + 5_000_000_000L;
		for (long i = 0; i < count; i++) {
			if (i % perTick == 0) {
				long wait = start + (i / perTick) * 10_000_000L - System.nanoTime();
				if (wait > 0) {
					publisher.flush();
					LockSupport.parkNanos(wait);
				}
				if (System.nanoTime() >= nextReport) {
					nextReport += 5_000_000_000L;
					progress(label, i, count, start);
				}
			}
			int index = (int) (i % this.sites.size());
			// one reading per site and millisecond: InfluxDB would merge two into one
			// point
			long time = Math.max(Instant.now().toEpochMilli(), lastTime[index] + 1);
			lastTime[index] = time;
			String site = this.sites.get(index);
			publisher.publish("lantian/v1/readings/" + site,
					payload(site, time, (int) (i % 500), 100 + (int) (i % 300)));
		}
		publisher.flush();
		return count;
	}

	private void progress(String label, long done, long count, long start) {
		List<Probe> counted = counted().toList();
		LOG.info("{}: {}/{} readings ({}/s); probes {} sent, {} SSE and {} MQTT alert events; rule lanes queue {}",
				label, done, count, (long) (done / seconds(System.nanoTime() - start)), this.probes.size(),
				this.sseEvents.get(), this.mqttEvents.get(), (long) this.sampler.lastQueue);
		if (!counted.isEmpty()) {
			LOG.info("  counted so far: {} probes, SSE p99 {} ms, MQTT p99 {} ms", counted.size(),
					millis(percentile(latencies(counted, (p) -> p.sseNanos.get() - p.publishNanos), 0.99)),
					millis(percentile(latencies(counted, (p) -> p.mqttNanos.get() - p.publishNanos), 0.99)));
		}
	}

	/** Sends the probes: per probe site, alternately above the threshold and below. */
	private final class Prober implements Runnable {

		private final RawMqttPublisher publisher;

		private final AtomicLongArray sentPerSite = new AtomicLongArray(AlertLatencyBenchmark.this.probeSites.size());

		private long next;

		private long lastTime;

		private volatile boolean counted;

		Prober(RawMqttPublisher publisher) {
			this.publisher = publisher;
		}

		@Override
		public void run() {
			try {
				int siteIndex = (int) (this.next++ % AlertLatencyBenchmark.this.probeSites.size());
				String site = AlertLatencyBenchmark.this.probeSites.get(siteIndex);
				boolean raise = this.sentPerSite.getAndIncrement(siteIndex) % 2 == 0;
				// unique reading times: the alert change carries it back
				long time = Math.max(Instant.now().toEpochMilli(), this.lastTime + 1);
				this.lastTime = time;
				// raise: above the threshold; clear: at or below threshold × (1 − 0.05)
				int value = raise ? THRESHOLD + 100 + (int) (this.next % 100) : THRESHOLD / 5;
				Probe probe = new Probe(site, time, raise, this.counted);
				AlertLatencyBenchmark.this.probes.put(site + "|" + time, probe);
				probe.publishWall = System.currentTimeMillis();
				probe.publishNanos = System.nanoTime();
				synchronized (this.publisher) {
					int packetId = this.publisher.publish("lantian/v1/readings/" + site,
							payload(site, time, value, 80));
					AlertLatencyBenchmark.this.unacknowledged.put(packetId, probe);
					this.publisher.flush();
				}
			}
			catch (IOException | RuntimeException ex) {
				LOG.warn("probe failed: {}", ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private MqttClient subscribeToAlerts() throws Exception {
		MqttClient client = new MqttClient(this.infrastructure.mosquitto().url(),
				"bench-alerts-" + LocalInfrastructure.randomHex(), new MemoryPersistence());
		client.setCallback(new MqttCallback() {

			@Override
			public void connectionLost(Throwable cause) {
				LOG.warn("alert subscriber lost the broker: {}", cause.toString());
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				long now = System.nanoTime();
				AlertLatencyBenchmark.this.mqttEvents.incrementAndGet();
				delivered(new String(message.getPayload(), StandardCharsets.UTF_8), now, false);
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		client.connect(options);
		client.subscribe("lantian/v1/alerts/#", 1);
		return client;
	}

	/** Reads the SSE stream on a thread of its own; returns once it is open. */
	private Thread streamAlerts(String base) throws Exception {
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/stream"))
				.header("X-API-Key", ADMIN)
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("the alert stream answered " + response.statusCode());
		}
		CountDownLatch open = new CountDownLatch(1);
		Thread reader = new Thread(() -> {
			try (Stream<String> lines = response.body()) {
				lines.forEach((line) -> {
					long now = System.nanoTime();
					open.countDown();
					if (line.startsWith("data:")) {
						this.sseEvents.incrementAndGet();
						delivered(line.substring(5), now, true);
					}
				});
			}
			catch (RuntimeException ex) {
				if (!this.finished) {
					LOG.warn("alert stream ended: {}", ex.toString());
				}
			}
		}, "bench-sse");
		reader.setDaemon(true);
		reader.start();
		if (!open.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the alert stream sent nothing in 10 s");
		}
		return reader;
	}

	/** An alert change as JSON, received at {@code nanos} on SSE or MQTT. */
	private void delivered(String json, long nanos, boolean sse) {
		try {
			JsonNode alert = JSON.readTree(json);
			String change = alert.path("change").asText();
			long time = OffsetDateTime.parse(alert.path("updatedAt").asText()).toInstant().toEpochMilli();
			Probe probe = this.probes.get(alert.path("site").asText() + "|" + time);
			if (probe == null || !change.equals(probe.raise ? "raised" : "resolved")) {
				this.unmatched.incrementAndGet();
				return;
			}
			if ((sse ? probe.sseNanos : probe.mqttNanos).compareAndSet(0, nanos)) {
				long wall = System.currentTimeMillis();
				if (sse) {
					probe.sseWall = wall;
				}
				else {
					probe.mqttWall = wall;
				}
				probe.alertId = alert.path("id").asText();
			}
		}
		catch (IOException | RuntimeException ex) {
			this.unmatched.incrementAndGet();
		}
	}

	private Stream<Probe> counted() {
		return this.probes.values().stream().filter((probe) -> probe.counted);
	}

	private static long[] latencies(List<Probe> probes, ToLongFunction<Probe> latency) {
		return probes.stream()
			.mapToLong(latency)
			.filter((nanos) -> nanos >= 0 && nanos < Long.MAX_VALUE / 2)
			.sorted()
			.toArray();
	}

	/** Nearest rank: the smallest value with at least the share at or below it. */
	private static long percentile(long[] sorted, double share) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(share * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

	private static String millis(long nanos) {
		return (nanos < 0) ? "–" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
	}

	/** CPU seconds per wall second (share of one core), per process. */
	private static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after, double wall) {
		Map<String, Double> cores = new LinkedHashMap<>();
		after.forEach((name, used) -> {
			Double start = before.get(name);
			if (start != null) {
				cores.put(name, (used - start) / wall);
			}
		});
		return cores;
	}

	private static String channels(String base) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts/channels"))
					.header("X-API-Key", ADMIN)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body()
				.replace('\n', ' ');
		}
		catch (IOException ex) {
			return "not read: " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "not read";
		}
	}

	private String report(String machine, int rules, int rate, int seconds, double probeRate, Totals totals,
			double waited) {
		List<Probe> counted = counted().sorted((a, b) -> Long.compare(a.publishNanos, b.publishNanos)).toList();
		List<Probe> raises = counted.stream().filter((p) -> p.raise).toList();
		StringBuilder text = new StringBuilder();
		text.append("### Alert latency run ").append(Instant.now().atOffset(ZoneOffset.UTC)).append("\n\n");
		text.append("Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores (")
			.append(machine)
			.append("); mosquitto, influxd, Lantian (-Xmx512m) and the load generator all on it. ")
			.append(rules)
			.append(" generated rules on ")
			.append(this.sites.size())
			.append(" load sites + ")
			.append(this.probeSites.size())
			.append(" threshold rules on the probe sites; background ")
			.append(String.format(Locale.ROOT, "%,d", rate))
			.append(" readings/s for ")
			.append(seconds)
			.append(" s; probes ")
			.append(probeRate)
			.append("/s, alternately raising and clearing (")
			.append(raises.size())
			.append(" raise, ")
			.append(counted.size() - raises.size())
			.append(" clear).\n\n");
		text.append("| channel | from | probes | delivered | missing | p50 | p90 | p99 | max |\n");
		text.append("|---|---|---|---|---|---|---|---|---|\n");
		text.append(latencyRow("SSE", "PUBLISH sent", counted, (p) -> p.sseNanos.get(), (p) -> p.publishNanos));
		text.append(latencyRow("SSE", "PUBACK", counted, (p) -> p.sseNanos.get(), (p) -> p.ackNanos));
		text.append(latencyRow("MQTT", "PUBLISH sent", counted, (p) -> p.mqttNanos.get(), (p) -> p.publishNanos));
		text.append(latencyRow("MQTT", "PUBACK", counted, (p) -> p.mqttNanos.get(), (p) -> p.ackNanos));
		text.append(
				latencyRow("PUBACK of the probe", "PUBLISH sent", counted, (p) -> p.ackNanos, (p) -> p.publishNanos));
		text.append(String.format(Locale.ROOT,
				"%n(times in ms; target: p99 < 1,000 ms from the reading's arrival to SSE/MQTT delivery; missing = no "
						+ "event by %.0f s after the load ended, the run waiting while events still came)%n%n",
				waited));
		text.append(slices(counted));
		Map<String, Long> recorded = recordedAt();
		ToLongFunction<Probe> recordedAt = (p) -> (p.alertId == null) ? 0
				: recorded.getOrDefault(p.alertId + " " + (p.raise ? "raised" : "resolved"), 0L);
		text.append(
				"Where the time goes: wall clock (ms resolution) against the time Lantian's alert service logged the "
						+ "change (`Alert <id> raised|resolved`, on the rule lane's thread, before the SSE and MQTT hand-off):\n\n");
		text.append("| stage | from | probes | delivered | missing | p50 | p90 | p99 | max |\n");
		text.append("|---|---|---|---|---|---|---|---|---|\n");
		text.append(wallRow("ingest, durable write, rule lane and evaluation", "PUBLISH sent", counted, recordedAt,
				(p) -> p.publishWall));
		text.append(wallRow("SSE hand-off and stream", "change logged", counted, (p) -> p.sseWall, recordedAt));
		text.append(wallRow("MQTT channel, broker and subscriber", "change logged", counted, (p) -> p.mqttWall,
				recordedAt));
		text.append("\n");
		text.append("| measure | value |\n|---|---|\n");
		text.append(row("background readings published (measured phase)",
				String.format(Locale.ROOT, "%,d in %.1f s = %,.0f/s", totals.published(), totals.seconds(),
						totals.published() / totals.seconds())));
		text.append(row("… written to InfluxDB in the same time",
				String.format(Locale.ROOT, "%,.0f (%,.0f/s)", totals.written(), totals.written() / totals.seconds())));
		text.append(row("storage lag p50 / p99 (reading time → written, all readings; histogram bucket bounds)",
				String.format(Locale.ROOT, "%.0f ms / %.0f ms", totals.lagP50() * 1000, totals.lagP99() * 1000)));
		text.append(
				row("rule evaluations (measured phase)", String.format(Locale.ROOT, "%,.0f", totals.evaluations())));
		text.append(row("readings dropped from rule evaluation, lantian.rules.dropped (measured phase / whole run)",
				String.format(Locale.ROOT, "%,.0f / %,.0f", totals.dropped(), totals.droppedTotal())));
		text.append(row("rule lanes queue, max sampled (every second)", String.valueOf((long) totals.maxQueue())));
		text.append(row("CPU µs per background reading (user + system, /proc)", cpu(totals.cpuPerReading())));
		text.append(row("CPU, share of one core", cpu(totals.cores())));
		text.append(row("Lantian max heap used (-Xmx512m)", (totals.maxHeap() >> 20) + " MB"));
		text.append(row("alert events that matched no probe (SSE + MQTT)", String.valueOf(this.unmatched.get())));
		text.append(row("SSE subscribers dropped for falling behind",
				String.format(Locale.ROOT, "%.0f", totals.sseDropped())));
		text.append(row("alert channels (GET /api/v1/alerts/channels)", "`" + totals.channels() + "`"));
		return text.toString();
	}

	private static String latencyRow(String channel, String from, List<Probe> probes, ToLongFunction<Probe> at,
			ToLongFunction<Probe> since) {
		List<Probe> delivered = probes.stream()
			.filter((p) -> at.applyAsLong(p) != 0 && since.applyAsLong(p) != 0)
			.toList();
		long[] sorted = latencies(delivered, (p) -> at.applyAsLong(p) - since.applyAsLong(p));
		long missing = probes.stream().filter((p) -> at.applyAsLong(p) == 0).count();
		return "| " + channel + " | " + from + " | " + probes.size() + " | " + delivered.size() + " | " + missing
				+ " | " + millis(percentile(sorted, 0.5)) + " | " + millis(percentile(sorted, 0.9)) + " | "
				+ millis(percentile(sorted, 0.99)) + " | " + millis(percentile(sorted, 1.0)) + " |\n";
	}

	/**
	 * The delay over time: per 10 s of the measured phase (by the probe's publish), so
	 * that a backlog that grows or drains shows.
	 */
	private static String slices(List<Probe> probes) {
		if (probes.isEmpty()) {
			return "";
		}
		long first = probes.get(0).publishNanos;
		Map<Long, List<Probe>> bySlice = new java.util.TreeMap<>();
		for (Probe probe : probes) {
			bySlice.computeIfAbsent((probe.publishNanos - first) / 10_000_000_000L, (k) -> new ArrayList<>())
				.add(probe);
		}
		StringBuilder text = new StringBuilder(
				"Over time (from PUBLISH sent, per 10 s of the measured phase):\n\n| probes sent at | probes | SSE "
						+ "missing | SSE p50 | SSE p99 | MQTT missing | MQTT p50 | MQTT p99 |\n|---|---|---|---|---|---|---|---|\n");
		bySlice.forEach((slice, inSlice) -> {
			long[] sse = latencies(inSlice.stream().filter((p) -> p.sseNanos.get() != 0).toList(),
					(p) -> p.sseNanos.get() - p.publishNanos);
			long[] mqtt = latencies(inSlice.stream().filter((p) -> p.mqttNanos.get() != 0).toList(),
					(p) -> p.mqttNanos.get() - p.publishNanos);
			text.append(String.format(Locale.ROOT, "| %d–%d s | %d | %d | %s | %s | %d | %s | %s |%n", slice * 10,
					slice * 10 + 10, inSlice.size(), inSlice.size() - sse.length, millis(percentile(sse, 0.5)),
					millis(percentile(sse, 0.99)), inSlice.size() - mqtt.length, millis(percentile(mqtt, 0.5)),
					millis(percentile(mqtt, 0.99))));
		});
		return text.append("\n").toString();
	}

	private static String wallRow(String stage, String from, List<Probe> probes, ToLongFunction<Probe> at,
			ToLongFunction<Probe> since) {
		return latencyRow(stage, from, probes, (p) -> at.applyAsLong(p) * 1_000_000,
				(p) -> since.applyAsLong(p) * 1_000_000);
	}

	/** When the alert service logged each change: {@code "<id> <change>"} → epoch ms. */
	private static Map<String, Long> recordedAt() {
		Map<String, Long> recorded = new java.util.HashMap<>();
		try (Stream<String> lines = Files.lines(LANTIAN_LOG)) {
			lines.forEach((line) -> {
				Matcher matcher = RECORDED.matcher(line);
				if (matcher.find()) {
					recorded.put(matcher.group(2) + " " + matcher.group(3),
							OffsetDateTime.parse(matcher.group(1)).toInstant().toEpochMilli());
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			LOG.warn("cannot read Lantian's log {}: {}", LANTIAN_LOG, ex.toString());
		}
		return recorded;
	}

	private static String row(String measure, String value) {
		return "| " + measure + " | " + value + " |\n";
	}

	private static String cpu(Map<String, Double> values) {
		StringBuilder text = new StringBuilder();
		values.forEach((name, value) -> text.append((text.length() > 0) ? ", " : "")
			.append(name)
			.append(' ')
			.append(String.format(Locale.ROOT, "%.2f", value)));
		double total = values.values().stream().mapToDouble(Double::doubleValue).sum();
		return text.append(String.format(Locale.ROOT, " (all %.2f)", total)).toString();
	}

	/**
	 * The 1,000 rules of {@code bench/ingest-load rules=N} (each for one load site, the
	 * five rule types that look at every reading, thresholds the load never reaches),
	 * plus one threshold rule per probe site.
	 */
	private Path writeRules(int count) throws IOException {
		StringBuilder yaml = new StringBuilder("rules:\n");
		yaml.append(BenchSupport.loadRules(count, this.sites));
		for (int i = 0; i < this.probeSites.size(); i++) {
			yaml.append("  - { id: probe-")
				.append(i)
				.append(", type: threshold, severity: high, clearMargin: 0.05, appliesTo: { sites: [")
				.append(this.probeSites.get(i))
				.append("] }, parameters: { key: pm25, above: ")
				.append(THRESHOLD)
				.append(" } }\n");
		}
		Path file = this.infrastructure.newTempDirectory("bench-rules-").resolve("rules.yaml");
		Files.writeString(file, yaml);
		return file;
	}

	private Path writeCatalogue() throws IOException {
		StringBuilder yaml = new StringBuilder("sites:\n");
		for (String site : this.sites) {
			yaml.append("  - { id: ")
				.append(site)
				.append(", name: 压测站, kind: ambient, city: 包头市, district: 昆都仑区, keyRegion: true }\n");
		}
		for (String site : this.probeSites) {
			yaml.append("  - { id: ")
				.append(site)
				.append(", name: 探针站, kind: ambient, city: 包头市, district: 昆都仑区, keyRegion: true }\n");
		}
		Path file = this.infrastructure.newTempDirectory("bench-sites-").resolve("sites.yaml");
		Files.writeString(file, yaml);
		return file;
	}

	private static String payload(String site, long epochMillis, int pm25, int pm10) {
		String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.ofHours(8)));
		return String.format(Locale.ROOT,
				"{\"site\":\"%s\",\"time\":\"%s\",\"values\":{\"pm25\":%d.5,\"pm10\":%d,\"so2\":12,\"no2\":45,"
						+ "\"co\":1.2,\"o3\":60}}",
				site, time, pm25, pm10);
	}

	private int intOption(String name, int fallback) {
		return Integer.parseInt(this.options.getOrDefault(name, String.valueOf(fallback)));
	}

	/** One probe reading and when its alert change arrived (0: not yet). */
	private static final class Probe {

		private final String site;

		private final long time;

		private final boolean raise;

		private final boolean counted;

		private volatile long publishNanos;

		private volatile long ackNanos;

		private volatile long publishWall;

		private volatile long sseWall;

		private volatile long mqttWall;

		private volatile String alertId;

		private final AtomicLong sseNanos = new AtomicLong();

		private final AtomicLong mqttNanos = new AtomicLong();

		Probe(String site, long time, boolean raise, boolean counted) {
			this.site = site;
			this.time = time;
			this.raise = raise;
			this.counted = counted;
		}

	}

	/** Samples the rule lanes' queue and the heap of Lantian every second. */
	private static final class Sampler extends Thread {

		private final String base;

		private volatile double maxQueue;

		private volatile double lastQueue;

		private volatile long maxHeap;

		Sampler(String base) {
			super("bench-sampler");
			this.base = base;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				this.lastQueue = metric(this.base, "lantian.rules.queue.size");
				this.maxQueue = Math.max(this.maxQueue, this.lastQueue);
				this.maxHeap = Math.max(this.maxHeap, (long) metric(this.base, "jvm.memory.used?tag=area:heap"));
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void reset() {
			this.maxQueue = 0;
		}

		double maxQueue() {
			return this.maxQueue;
		}

		long maxHeap() {
			return this.maxHeap;
		}

	}

	private record Totals(long published, double seconds, double written, double evaluations, double dropped,
			double droppedTotal, double lagP50, double lagP99, double maxQueue, long maxHeap, double sseDropped,
			String channels, Map<String, Double> cpuPerReading, Map<String, Double> cores) {
	}

}
