package org.lantian.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.lantian.infra.FreePort;
import org.lantian.infra.LantianProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.MosquittoProcess;

import static org.lantian.bench.BenchSupport.get;
import static org.lantian.bench.BenchSupport.metric;
import static org.lantian.bench.BenchSupport.seconds;
import static org.lantian.bench.BenchSupport.waitFor;

/**
 * The end-to-end ingest load run of issue 2 (bench/ingest-load): in one run on one
 * machine it measures
 * <ol>
 * <li>the broker's QoS 1 pass-through rate to a subscriber that discards;</li>
 * <li>InfluxDB's raw line-protocol write rate for the same points (batches of 5,000, one
 * writer, as Lantian);</li>
 * <li>Lantian's sustained end-to-end rate, publish (QoS 1) → written to InfluxDB,
 * unpaced;</li>
 * <li>Lantian at a paced rate: p50/p99 latency from the reading's time (set at publish)
 * to written.</li>
 * </ol>
 * Lantian runs as its own JVM with {@code -Xmx512m}; its heap is sampled every second.
 * Loss is checked by counting the points in InfluxDB at the end. Arguments:
 * {@code readings=600000 sites=600 rate=20000 seconds=60
 * out=bench/results}.
 */
public final class IngestLoadBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(IngestLoadBenchmark.class);

	private final Map<String, String> options;

	private String rulesLine = "rules: not measured";

	private final List<String> sites = new ArrayList<>();

	private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();

	/**
	 * CPU µs per message of the broker, the subscriber and this generator in the
	 * pass-through.
	 */
	private Map<String, Double> passThroughCpu = Map.of();

	/** CPU time of Lantian, the broker, InfluxDB and this generator, for each phase. */
	private CpuTime cpu = new CpuTime(Map.of());

	private IngestLoadBenchmark(Map<String, String> options) {
		this.options = options;
		for (int i = 0; i < intOption("sites", 600); i++) {
			this.sites.add(String.format(Locale.ROOT, "BENCH-%04d", i));
		}
	}

	public static void main(String[] args) throws Exception {
		// the broker as scripts/run configures it (before the shared infrastructure
		// starts)
		System.setProperty(MosquittoProcess.AUTOSAVE_INTERVAL_PROPERTY, "60");
		Map<String, String> options = BenchSupport.options(args);
		try {
			new IngestLoadBenchmark(options).run();
		}
		finally {
			System.exit(0);
		}
	}

	private void run() throws Exception {
		int readings = intOption("readings", 600_000);
		int rate = intOption("rate", 20_000);
		int seconds = intOption("seconds", 60);
		String machine = machine();
		LOG.info("Load run on {}: {} readings over {} sites; paced phase {} readings/s for {} s", machine, readings,
				this.sites.size(), rate, seconds);

		// the generator's JIT warms up first here too, as before Lantian's phases: a cold
		// generator would make the pass-through look slower than it is
		brokerPassThrough(intOption("warmup", 100_000));
		double broker = brokerPassThrough(readings);
		double influx = influxRawWrite(readings);
		List<Lantian> runs = lantian(intOption("warmup", 100_000), readings, rate, seconds);
		Lantian saturated = runs.get(0);
		Lantian paced = runs.get(1);

		String report = report(machine, readings, rate, seconds, broker, this.passThroughCpu, influx, saturated, paced)
				+ "\n" + this.rulesLine + "\n";
		Path out = Path.of(this.options.getOrDefault("out", "bench/results"));
		Files.createDirectories(out);
		Path file = out
			.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").format(Instant.now().atOffset(ZoneOffset.UTC))
					+ "-ingest-load.md");
		Files.writeString(file, report);
		LOG.info("Results written to {}:\n{}", file, report);
	}

	/**
	 * Limit 1: how fast mosquitto passes QoS 1 messages of this size from this publisher
	 * to a subscriber that discards them: {@code mosquitto_sub -q 1 -C <count>}, the
	 * broker's own C client, writing to /dev/null.
	 */
	private double brokerPassThrough(int count) throws Exception {
		int port = this.infrastructure.mosquitto().port();
		// bash's `times` prints the CPU time of its children (the subscriber) when it
		// ends
		Process subscriber = new ProcessBuilder("bash", "-c",
				"mosquitto_sub -h 127.0.0.1 -p " + port + " -q 1 -C " + count
						+ " -t 'bench/passthrough/#' >/dev/null; times")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		Thread.sleep(1500); // let it connect and subscribe
		CpuTime cpu = new CpuTime(Map.of("mosquitto", this.infrastructure.mosquitto().pid(), "load generator",
				ProcessHandle.current().pid()));
		Map<String, Double> cpuBefore = cpu.sample();
		long start = System.nanoTime();
		try (RawMqttPublisher publisher = new RawMqttPublisher(this.infrastructure.mosquitto().url(),
				"bench-pub-" + LocalInfrastructure.randomHex())) {
			for (int n = 0; n < count; n++) {
				String site = this.sites.get(n % this.sites.size());
				publisher.publish("bench/passthrough/" + site, payload(site, Instant.now().toEpochMilli(), n));
				progress("broker pass-through", n + 1, count);
			}
			publisher.drain();
		}
		if (!subscriber.waitFor(5, TimeUnit.MINUTES)) {
			subscriber.destroyForcibly();
			throw new IllegalStateException("mosquitto_sub did not receive " + count + " messages");
		}
		double rate = count / seconds(System.nanoTime() - start);
		this.passThroughCpu = new LinkedHashMap<>(CpuTime.perItem(cpuBefore, cpu.sample(), count));
		String times = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
		double subscriberSeconds = CpuTime.childrenSeconds(times);
		if (subscriberSeconds >= 0) {
			this.passThroughCpu.put("mosquitto_sub", subscriberSeconds * 1e6 / count);
		}
		LOG.info("Broker QoS 1 pass-through: {} msg/s; CPU µs per message {}", (long) rate, cpu(this.passThroughCpu));
		return rate;
	}

	/**
	 * Limit 2: how fast InfluxDB takes the same points as line protocol, 5,000 a request,
	 * one writer.
	 */
	private double influxRawWrite(int count) throws Exception {
		String database = LocalInfrastructure.newDatabaseName();
		this.infrastructure.influxd().createDatabase(database);
		URI write = URI.create(this.infrastructure.influxd().url() + "/write?precision=ms&db=" + database);
		long base = Instant.now().toEpochMilli();
		long start = System.nanoTime();
		StringBuilder batch = new StringBuilder();
		int inBatch = 0;
		for (int n = 0; n < count; n++) {
			String site = this.sites.get(n % this.sites.size());
			batch.append("reading,city=包头市,kind=ambient,period=sample,site=")
				.append(site)
				.append(' ')
				.append(String.format(Locale.ROOT, "pm25=%d.5,pm10=%d,so2=12,no2=45,co=1.2,o3=60,flags=\"\" %d",
						n % 500, 100 + n % 300, base + n / this.sites.size()))
				.append('\n');
			if (++inBatch == 5_000 || n == count - 1) {
				BenchSupport.writeLines(write, batch.toString());
				batch.setLength(0);
				inBatch = 0;
				progress("InfluxDB raw write", n + 1, count);
			}
		}
		double rate = count / seconds(System.nanoTime() - start);
		long stored = countPoints(database);
		if (stored != count) {
			throw new IllegalStateException("raw write stored " + stored + " of " + count + " points");
		}
		LOG.info("InfluxDB raw line-protocol write: {} points/s", (long) rate);
		return rate;
	}

	/**
	 * Lantian end to end, in its own JVM: a warm-up (so that the JIT has compiled the hot
	 * path, as in a service that has been running), then an unpaced phase (published as
	 * fast as the broker acknowledges) and a paced phase. Latencies are the lag
	 * histogram's growth within a phase.
	 */
	private List<Lantian> lantian(int warmup, int count, int rate, int seconds) throws Exception {
		String database = LocalInfrastructure.newDatabaseName();
		int port = FreePort.find();
		Map<String, String> properties = BenchSupport.lantianProperties(this.infrastructure, database);
		properties.put("lantian.sites", writeCatalogue().toString());
		properties.put("lantian.hj212.port", "0");
		if (this.options.containsKey("rules")) {
			properties.put("lantian.rules.file", writeRules(intOption("rules", 0)).toString());
		}
		// fine buckets where the targets are (p99 < 1 s); their bounds are the resolution
		// of the reported quantiles
		properties.put("management.metrics.distribution.slo.lantian.storage.lag",
				"10ms,25ms,50ms,75ms,100ms,125ms,150ms,175ms,200ms,250ms,300ms,350ms,400ms,450ms,500ms,600ms,700ms,"
						+ "800ms,900ms,1s,1250ms,1500ms,2s,3s,5s,10s,30s,60s");
		LantianProcess lantian = new LantianProcess(port, properties, Path.of("target", "bench-logs", "lantian.log"));
		lantian.start();
		String base = "http://127.0.0.1:" + port;
		BenchSupport.HeapSampler heap = new BenchSupport.HeapSampler(base);
		heap.start();
		long[] lastTime = new long[this.sites.size()];
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("Lantian", lantian.pid());
		pids.put("mosquitto", this.infrastructure.mosquitto().pid());
		pids.put("influxd", this.infrastructure.influxd().pid());
		pids.put("load generator", ProcessHandle.current().pid());
		this.cpu = new CpuTime(pids);
		try (RawMqttPublisher publisher = new RawMqttPublisher(this.infrastructure.mosquitto().url(),
				"bench-pub-" + LocalInfrastructure.randomHex())) {
			phase(publisher, base, lastTime, 0, warmup, 0, "warm-up");
			double droppedInWarmup = metric(base, "lantian.rules.dropped");
			List<Lantian> results = List.of(phase(publisher, base, lastTime, warmup, count, 0, "unpaced"),
					phase(publisher, base, lastTime, warmup + count, rate * seconds, rate, "paced"));
			long published = warmup + count + (long) rate * seconds;
			long stored = countPoints(database);
			LOG.info("Lantian: {} published, {} acknowledged, {} in InfluxDB, max heap {} MB", published,
					publisher.acknowledged(), stored, heap.maxBytes() >> 20);
			this.rulesLine = String.format(Locale.ROOT,
					"rules: %s; %,.0f evaluations, %,.0f readings dropped by the rule engine's lanes (%,.0f of them "
							+ "after the warm-up), %,.0f conditions",
					this.options.containsKey("rules") ? intOption("rules", 0) + " generated" : "the bundled file",
					metric(base, "lantian.rules.evaluations"), metric(base, "lantian.rules.dropped"),
					metric(base, "lantian.rules.dropped") - droppedInWarmup, metric(base, "lantian.rules.conditions"));
			LOG.info("{}", this.rulesLine);
			return results.stream()
				.map((result) -> result.withTotals(publisher.acknowledged(), stored, heap.maxBytes(),
						metric(base, "lantian.storage.points.spooled")))
				.toList();
		}
		finally {
			heap.interrupt();
			lantian.stop();
		}
	}

	private Lantian phase(RawMqttPublisher publisher, String base, long[] lastTime, int first, int count, int rate,
			String label) throws Exception {
		double writtenBefore = metric(base, "lantian.storage.points.written");
		Map<Double, Double> bucketsBefore = BenchSupport.lagBuckets(base);
		Map<String, Double> cpuBefore = this.cpu.sample();
		long start = System.nanoTime();
		int perTick = Math.max(1, rate / 100);
		for (int i = 0; i < count; i++) {
			if (rate > 0 && i % perTick == 0) {
				long wait = start + (i / perTick) * 10_000_000L - System.nanoTime();
				if (wait > 0) {
					publisher.flush();
					LockSupport.parkNanos(wait);
				}
			}
			int n = first + i;
			int index = n % this.sites.size();
			// one reading per site and millisecond: InfluxDB would merge two into one
			// point
			long time = Math.max(Instant.now().toEpochMilli(), lastTime[index] + 1);
			lastTime[index] = time;
			String site = this.sites.get(index);
			publisher.publish("lantian/v1/readings/" + site, payload(site, time, n));
			progress("Lantian " + label, i + 1, count);
		}
		publisher.drain();
		long publishedAt = System.nanoTime();
		waitFor(() -> metric(base, "lantian.storage.points.written") >= writtenBefore + count, Duration.ofMinutes(10));
		long writtenAt = System.nanoTime();
		Map<String, Double> cpuPerReading = CpuTime.perItem(cpuBefore, this.cpu.sample(), count);
		Map<Double, Double> buckets = BenchSupport.lagBuckets(base);
		buckets.replaceAll((le, cumulative) -> cumulative - bucketsBefore.getOrDefault(le, 0.0));
		Lantian result = new Lantian(label, count, count / seconds(publishedAt - start),
				count / seconds(writtenAt - start), BenchSupport.quantile(buckets, 0.5),
				BenchSupport.quantile(buckets, 0.99), cpuPerReading, 0, 0, 0, 0);
		LOG.info("Lantian {}: {} readings/s end to end (published at {}/s), p50 {} s, p99 {} s; CPU µs per reading {}",
				label, (long) result.throughput(), (long) result.publishRate(), result.p50(), result.p99(),
				cpu(cpuPerReading));
		return result;
	}

	/**
	 * A rules file of {@code count} rules for the load sites (none: one disabled rule),
	 * the shape of a province's configuration: each rule for one site, cycling through
	 * the rule types that look at every reading (threshold, sustained, rolling mean, rate
	 * of change, flat line), with thresholds the load never reaches.
	 */
	private Path writeRules(int count) throws IOException {
		StringBuilder yaml = new StringBuilder("rules:\n");
		if (count == 0) {
			yaml.append("  - { id: none, type: threshold, severity: low, enabled: false, parameters: { key: pm25, "
					+ "above: 5000 } }\n");
		}
		yaml.append(BenchSupport.loadRules(count, this.sites));
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
		Path file = this.infrastructure.newTempDirectory("bench-sites-").resolve("sites.yaml");
		Files.writeString(file, yaml);
		return file;
	}

	private static String payload(String site, long epochMillis, int n) {
		String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.ofHours(8)));
		return String.format(Locale.ROOT,
				"{\"site\":\"%s\",\"time\":\"%s\",\"values\":{\"pm25\":%d.5,\"pm10\":%d,\"so2\":12,\"no2\":45,"
						+ "\"co\":1.2,\"o3\":60}}",
				site, time, n % 500, 100 + n % 300);
	}

	private long countPoints(String database) throws Exception {
		String answer = this.infrastructure.influxd().query("SELECT count(pm25) FROM reading", database);
		Matcher matcher = Pattern.compile("\"values\":\\[\\[[^,]+,(\\d+)\\]\\]").matcher(answer);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static void progress(String phase, int done, int total) {
		if (done % Math.max(1, total / 10) == 0) {
			LOG.info("{}: {}/{} published", phase, done, total);
		}
	}

	private int intOption(String name, int fallback) {
		return Integer.parseInt(this.options.getOrDefault(name, String.valueOf(fallback)));
	}

	private static String machine() {
		String cpu = BenchSupport.cpuModel();
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
				+ (Runtime.getRuntime().maxMemory() / (1 << 20)) + " MB max heap for the load generator";
	}

	private static String report(String machine, int readings, int rate, int seconds, double broker,
			Map<String, Double> brokerCpu, double influx, Lantian saturated, Lantian paced) {
		StringBuilder text = new StringBuilder();
		text.append("### Ingest load run ").append(Instant.now().atOffset(ZoneOffset.UTC)).append("\n\n");
		text.append("Machine: ")
			.append(machine)
			.append("; mosquitto, influxd, Lantian and the load generator all on it.\n\n");
		text.append("| measure | value | target |\n|---|---|---|\n");
		text.append(row("broker QoS 1 pass-through to a discarding mosquitto_sub", rate(broker), ""));
		text.append(row("… CPU µs per message (user + system, /proc)", cpu(brokerCpu), ""));
		text.append(row("InfluxDB raw line-protocol write, same points", rate(influx), ""));
		text.append(row("Lantian end to end, unpaced (" + readings + " readings)", rate(saturated.throughput()),
				"≥ 20,000/s"));
		text.append(row("… as share of broker pass-through", percent(saturated.throughput() / broker), "≥ 80 %"));
		text.append(row("… as share of InfluxDB raw write", percent(saturated.throughput() / influx), ""));
		text.append(row("… publish rate the load generator reached", rate(saturated.publishRate()), ""));
		text.append(
				row("… latency p50 / p99 (reading time → written; histogram bucket bounds)", latency(saturated), ""));
		text.append(row("… CPU µs per reading (user + system, /proc)", cpu(saturated.cpuPerReading()), ""));
		text.append(
				row("Lantian paced at " + rate + "/s for " + seconds + " s: achieved", rate(paced.throughput()), ""));
		text.append(row("… latency p50 / p99", latency(paced), "p99 < 1 s"));
		text.append(row("… CPU µs per reading (user + system, /proc)", cpu(paced.cpuPerReading()), ""));
		text.append(
				row("Lantian max heap used (-Xmx512m), whole run", (saturated.maxHeap() >> 20) + " MB", "< 512 MB"));
		text.append(row("readings lost, whole run incl. warm-up (acknowledged to the publisher − points in InfluxDB)",
				String.valueOf(saturated.acknowledged() - saturated.stored()), "0"));
		text.append(row("points that went through the spool", String.valueOf((long) saturated.spooled()), ""));
		return text.toString();
	}

	private static String row(String measure, String value, String target) {
		return "| " + measure + " | " + value + " | " + target + " |\n";
	}

	private static String rate(double perSecond) {
		return String.format(Locale.ROOT, "%,d/s", (long) perSecond);
	}

	private static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
	}

	private static String latency(Lantian run) {
		return String.format(Locale.ROOT, "%.0f ms / %.0f ms", run.p50() * 1000, run.p99() * 1000);
	}

	private static String cpu(Map<String, Double> perReading) {
		StringBuilder text = new StringBuilder();
		perReading.forEach((name, micros) -> text.append((text.length() > 0) ? ", " : "")
			.append(name)
			.append(' ')
			.append(String.format(Locale.ROOT, "%.1f", micros)));
		double total = perReading.values().stream().mapToDouble(Double::doubleValue).sum();
		return text.append(String.format(Locale.ROOT, " (all %.1f)", total)).toString();
	}

	/**
	 * One phase of Lantian's run.
	 *
	 * @param cpuPerReading microseconds of CPU per reading, per process (user + system)
	 */
	record Lantian(String label, int published, double publishRate, double throughput, double p50, double p99,
			Map<String, Double> cpuPerReading, long acknowledged, long stored, long maxHeap, double spooled) {

		Lantian withTotals(long acknowledged, long stored, long maxHeap, double spooled) {
			return new Lantian(this.label, this.published, this.publishRate, this.throughput, this.p50, this.p99,
					this.cpuPerReading, acknowledged, stored, maxHeap, spooled);
		}

	}

}
