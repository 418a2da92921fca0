package org.lantian.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.lantian.infra.FreePort;
import org.lantian.infra.LantianProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.MosquittoProcess;
import org.lantian.ingest.TestHj212Sites;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.lantian.bench.BenchSupport.metric;
import static org.lantian.bench.BenchSupport.seconds;
import static org.lantian.bench.BenchSupport.waitFor;

/**
 * The HJ 212 TCP load run of issue 3 (bench/hj212-load). In one run on one machine:
 * <ol>
 * <li>Lantian in its own JVM ({@code -Xmx512m}) with a generated catalogue of N stacks; N
 * data loggers, each on a TCP connection of its own, send CN 2011 uploads (eight factors,
 * Flag=5: reply wanted, a DataTime of its own per upload) as fast as the 9014 replies
 * allow with at most {@code window} unanswered per logger, or at a paced total
 * {@code rate}; a warm-up phase first, then the measured phase. Throughput = frames sent
 * in the phase / (phase start → Lantian's {@code lantian.storage.points.written} has
 * grown by as many): one frame is one reading is one InfluxDB point. Reply latency =
 * upload written to the socket → its 9014 read, for every upload of the phase.</li>
 * <li>InfluxDB's raw write rate of as many points of the same shape (batches of 5,000,
 * one writer, as Lantian's writer): the ceiling.</li>
 * </ol>
 * Loss = uploads answered with a 9014 − points counted in InfluxDB at the end. Arguments:
 * {@code loggers=200 seconds=60 warmup=15 window=8 rate=0 out=bench/results}.
 */
public final class Hj212LoadBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212LoadBenchmark.class);

	/** Local DataTime of each logger's first upload; one second further per upload. */
	private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);

	private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

	private static final int FACTORS = 8;

	private static final Pattern REPLY_QN = Pattern.compile("QN=(\\d{17});");

	private final Map<String, String> options;

	private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();

	private Hj212LoadBenchmark(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		// the broker as scripts/run configures it (before the shared infrastructure
		// starts)
		System.setProperty(MosquittoProcess.AUTOSAVE_INTERVAL_PROPERTY, "60");
		Map<String, String> options = BenchSupport.options(args);
		int status = 1;
		try {
			new Hj212LoadBenchmark(options).run();
			status = 0;
		}
		catch (Exception ex) {
			LOG.error("HJ 212 load run failed", ex);
		}
		finally {
			System.exit(status);
		}
	}

	private void run() throws Exception {
		int loggerCount = intOption("loggers", 200);
		int seconds = intOption("seconds", 60);
		int warmup = intOption("warmup", 15);
		int window = intOption("window", 8);
		int rate = intOption("rate", 0);
		String machine = machine();
		LOG.info("HJ 212 load run on {}: {} loggers, window {}, {}; warm-up {} s, measured {} s", machine, loggerCount,
				window, (rate > 0) ? rate + " frames/s in total" : "unpaced", warmup, seconds);

		List<TestHj212Sites.Logger> sites = TestHj212Sites.of("BENCH", loggerCount, 0);
		String database = LocalInfrastructure.newDatabaseName();
		int httpPort = FreePort.find();
		int hj212Port = FreePort.find();
		Map<String, String> properties = BenchSupport.lantianProperties(this.infrastructure, database);
		properties.put("lantian.sites",
				TestHj212Sites.write(this.infrastructure.newTempDirectory("bench-sites-"), sites).toString());
		properties.put("lantian.hj212.port", String.valueOf(hj212Port));
		properties.put("lantian.hj212.max-connections", String.valueOf(loggerCount + 10));
		LantianProcess lantian = new LantianProcess(httpPort, properties,
				Path.of("target", "bench-logs", "lantian-hj212.log"));
		lantian.start();
		String base = "http://127.0.0.1:" + httpPort;
		BenchSupport.HeapSampler heap = new BenchSupport.HeapSampler(base);
		heap.start();
		List<DataLogger> loggers = new ArrayList<>();
		Phase measured;
		long sent;
		long answered;
		long stored;
		try {
			for (TestHj212Sites.Logger site : sites) {
				loggers.add(new DataLogger(site, hj212Port, window));
			}
			for (DataLogger logger : loggers) {
				logger.start();
			}
			phase(loggers, base, warmup, rate, "warm-up");
			measured = phase(loggers, base, seconds, rate, "measured");
			sent = loggers.stream().mapToLong(DataLogger::sent).sum();
			answered = loggers.stream().mapToLong(DataLogger::answered).sum();
			for (DataLogger logger : loggers) {
				logger.close();
			}
			stored = countPoints(database);
			LOG.info("Lantian: {} uploads answered, {} points in InfluxDB, max heap {} MB", answered, stored,
					heap.maxBytes() >> 20);
		}
		finally {
			heap.interrupt();
			for (DataLogger logger : loggers) {
				logger.close();
			}
			lantian.stop();
		}
		double influx = influxRawWrite(sites, measured.frames());

		String report = report(machine, loggerCount, window, rate, warmup, seconds, measured, influx, sent, answered,
				stored, heap.maxBytes());
		Path out = Path.of(this.options.getOrDefault("out", "bench/results"));
		Files.createDirectories(out);
		Path file = out
			.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").format(Instant.now().atOffset(ZoneOffset.UTC))
					+ "-hj212-load.md");
		Files.writeString(file, report);
		LOG.info("Results written to {}:\n{}", file, report);
	}

	/**
	 * Every logger sends for {@code seconds}; then the phase waits until Lantian has
	 * written as many points as were sent and every upload is answered.
	 */
	private Phase phase(List<DataLogger> loggers, String base, int seconds, int rate, String label)
			throws InterruptedException {
		double writtenBefore = metric(base, "lantian.storage.points.written");
		long sentBefore = loggers.stream().mapToLong(DataLogger::sent).sum();
		for (DataLogger logger : loggers) {
			logger.beginPhase();
		}
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		double perLogger = (rate > 0) ? (double) rate / loggers.size() : 0;
		for (DataLogger logger : loggers) {
			logger.send(end, perLogger);
		}
		long lastReport = start;
		while (System.nanoTime() < end) {
			Thread.sleep(250);
			if (System.nanoTime() - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
				lastReport = System.nanoTime();
				long sent = loggers.stream().mapToLong(DataLogger::sent).sum() - sentBefore;
				LOG.info("{}: {} s, {} frames sent ({}/s), {} written by Lantian, {} connections failed", label,
						TimeUnit.NANOSECONDS.toSeconds(lastReport - start), sent,
						(long) (sent / seconds(lastReport - start)),
						(long) (metric(base, "lantian.storage.points.written") - writtenBefore),
						loggers.stream().filter(DataLogger::failed).count());
			}
		}
		for (DataLogger logger : loggers) {
			logger.awaitSent();
		}
		long sentAt = System.nanoTime();
		long frames = loggers.stream().mapToLong(DataLogger::sent).sum() - sentBefore;
		waitFor(() -> metric(base, "lantian.storage.points.written") >= writtenBefore + frames, Duration.ofMinutes(5));
		long writtenAt = System.nanoTime();
		waitFor(() -> loggers.stream().allMatch(DataLogger::allAnswered), Duration.ofMinutes(5));
		long[] latencies = loggers.stream().flatMapToLong(DataLogger::phaseLatencies).sorted().toArray();
		Phase phase = new Phase(label, frames, frames / seconds(sentAt - start), frames / seconds(writtenAt - start),
				quantile(latencies, 0.5), quantile(latencies, 0.99), quantile(latencies, 1.0));
		LOG.info("{}: {} frames, {} frames/s end to end (sent at {}/s), reply latency p50 {} ms, p99 {} ms", label,
				frames, (long) phase.throughput(), (long) phase.sendRate(), millis(phase.p50()), millis(phase.p99()));
		return phase;
	}

	/**
	 * The ceiling: InfluxDB takes as many points of the same shape as Lantian's
	 * (measurement {@code reading}, tags city, kind, period, site; eight fields plus
	 * {@code flags}), 5,000 a request, one writer.
	 */
	private double influxRawWrite(List<TestHj212Sites.Logger> sites, long count) throws Exception {
		String database = LocalInfrastructure.newDatabaseName();
		this.infrastructure.influxd().createDatabase(database);
		URI write = URI.create(this.infrastructure.influxd().url() + "/write?precision=ms&db=" + database);
		long base = BASE.toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
		long start = System.nanoTime();
		StringBuilder batch = new StringBuilder();
		int inBatch = 0;
		for (long n = 0; n < count; n++) {
			TestHj212Sites.Logger site = sites.get((int) (n % sites.size()));
			int v = (int) (n % 40);
			batch.append("reading,city=包头市,kind=stack,period=sample,site=")
				.append(site.id())
				.append(' ')
				.append(String.format(Locale.ROOT,
						"so2=%d.5,nox=%d.1,pm=%d.2,o2=1%d.3,velocity=9.%d,temp=9%d.0,humidity=6.%d,flow=%d.0,"
								+ "flags=\"\" %d",
						5 + v, 6 + v, 2 + v % 9, v % 6, v % 10, v % 10, v % 10, 150_000 + v * 100,
						base + (n / sites.size()) * 1000))
				.append('\n');
			if (++inBatch == 5_000 || n == count - 1) {
				BenchSupport.writeLines(write, batch.toString());
				batch.setLength(0);
				inBatch = 0;
			}
		}
		double rate = count / seconds(System.nanoTime() - start);
		LOG.info("InfluxDB raw write of {} points: {} points/s", count, (long) rate);
		return rate;
	}

	private long countPoints(String database) {
		String answer = this.infrastructure.influxd().query("SELECT count(so2) FROM reading", database);
		Matcher matcher = Pattern.compile("\"values\":\\[\\[[^,]+,(\\d+)\\]\\]").matcher(answer);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static double quantile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e9;
	}

	private static long millis(double seconds) {
		return Math.round(seconds * 1000);
	}

	private int intOption(String name, int fallback) {
		return Integer.parseInt(this.options.getOrDefault(name, String.valueOf(fallback)));
	}

	private static String machine() {
		String cpu = BenchSupport.cpuModel();
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")";
	}

	private static String commit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
			String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			git.waitFor(10, TimeUnit.SECONDS);
			return out;
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private static String report(String machine, int loggers, int window, int rate, int warmup, int seconds,
			Phase measured, double influx, long sent, long answered, long stored, long maxHeap) {
		StringBuilder text = new StringBuilder();
		text.append("### HJ 212 TCP load run ").append(Instant.now().atOffset(ZoneOffset.UTC)).append("\n\n");
		text.append("Commit `")
			.append(commit())
			.append("`. Machine: ")
			.append(machine)
			.append("; mosquitto, influxd, Lantian (-Xmx512m) and the load generator all on it.\n\n");
		text.append("Settings: ")
			.append(loggers)
			.append(" loggers (one TCP connection each), CN 2011 with ")
			.append(FACTORS)
			.append(" factors, Flag=5, window ")
			.append(window)
			.append(" unanswered uploads per logger, ")
			.append((rate > 0) ? "paced at " + rate + " frames/s in total" : "unpaced")
			.append("; warm-up ")
			.append(warmup)
			.append(" s, measured ")
			.append(seconds)
			.append(" s.\n\n");
		text.append("| measure | value |\n|---|---|\n");
		text.append(row("frames sent in the measured phase", String.format(Locale.ROOT, "%,d", measured.frames())));
		text.append(row("Lantian end to end, frames/s (sent → counted written; one frame = one reading = one point)",
				rate(measured.throughput())));
		text.append(row("… values/s (" + FACTORS + " factors a frame)", rate(measured.throughput() * FACTORS)));
		text.append(row("… send rate the loggers reached", rate(measured.sendRate())));
		text.append(row("reply latency p50 / p99 / max (upload written → 9014 read)", String.format(Locale.ROOT,
				"%d ms / %d ms / %d ms", millis(measured.p50()), millis(measured.p99()), millis(measured.max()))));
		text.append(row("InfluxDB raw line-protocol write, as many points of the same shape", rate(influx)));
		text.append(row("… Lantian as share of it",
				String.format(Locale.ROOT, "%.1f %%", measured.throughput() / influx * 100)));
		text.append(row("Lantian max heap used, whole run", (maxHeap >> 20) + " MB"));
		text.append(row("uploads sent but never answered, whole run", String.valueOf(sent - answered)));
		text.append(row("uploads lost, whole run incl. warm-up (answered with 9014 − points in InfluxDB)",
				String.valueOf(answered - stored)));
		return text.toString();
	}

	private static String row(String measure, String value) {
		return "| " + measure + " | " + value + " |\n";
	}

	private static String rate(double perSecond) {
		return String.format(Locale.ROOT, "%,d/s", (long) perSecond);
	}

	record Phase(String label, long frames, double sendRate, double throughput, double p50, double p99, double max) {
	}

	/**
	 * One data logger: a sender thread keeping at most {@code window} uploads unanswered
	 * and a reader thread matching the 9014 replies to their QN.
	 */
	private static final class DataLogger {

		private final TestHj212Sites.Logger site;

		private final Socket socket;

		private final OutputStream out;

		private final BufferedReader in;

		private final Semaphore window;

		private final Hj212Encoder encoder = new Hj212Encoder();

		/** QN → nanoTime it was written. */
		private final Map<String, Long> pending = new ConcurrentHashMap<>();

		private final AtomicLong sent = new AtomicLong();

		private final AtomicLong answered = new AtomicLong();

		private final Object latencyLock = new Object();

		private long[] latencies = new long[1024];

		private int latencyCount;

		private volatile boolean failed;

		private volatile @Nullable Thread sender;

		private long next;

		DataLogger(TestHj212Sites.Logger site, int port, int window) throws IOException {
			this.site = site;
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setTcpNoDelay(true);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedReader(new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
			this.window = new Semaphore(window);
		}

		void start() {
			Thread reader = new Thread(this::read, "reader-" + this.site.id());
			reader.setDaemon(true);
			reader.start();
		}

		void beginPhase() {
			synchronized (this.latencyLock) {
				this.latencyCount = 0;
			}
		}

		/** Sends until {@code end} (nanoTime), at most {@code perSecond} if positive. */
		void send(long end, double perSecond) {
			Thread thread = new Thread(() -> {
				long start = System.nanoTime();
				long inPhase = 0;
				while (System.nanoTime() < end && !this.failed) {
					if (perSecond > 0) {
						long due = start + (long) (inPhase / perSecond * 1e9);
						long wait = due - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
					}
					try {
						if (!this.window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
							continue;
						}
					}
					catch (InterruptedException ex) {
						return;
					}
					long n = this.next++;
					String qn = QN.format(BASE.plusNanos(n * 1_000_000L));
					String frame = this.encoder.encode(this.site.upload("2011", qn, BASE.plusSeconds(n), 5, (int) n));
					this.pending.put(qn, System.nanoTime());
					try {
						this.out.write(frame.getBytes(StandardCharsets.UTF_8));
						this.out.flush();
					}
					catch (IOException ex) {
						fail(ex);
						return;
					}
					this.sent.incrementAndGet();
					inPhase++;
				}
			}, "sender-" + this.site.id());
			thread.setDaemon(true);
			this.sender = thread;
			thread.start();
		}

		void awaitSent() throws InterruptedException {
			Thread thread = this.sender;
			if (thread != null) {
				thread.join();
			}
		}

		private void read() {
			try {
				String line;
				while ((line = this.in.readLine()) != null) {
					long now = System.nanoTime();
					Matcher qn = REPLY_QN.matcher(line);
					Long sentAt = (qn.find() && line.contains("CN=9014;")) ? this.pending.remove(qn.group(1)) : null;
					if (sentAt == null) {
						LOG.warn("{}: unexpected reply {}", this.site.id(), line);
						continue;
					}
					synchronized (this.latencyLock) {
						if (this.latencyCount == this.latencies.length) {
							this.latencies = Arrays.copyOf(this.latencies, this.latencies.length * 2);
						}
						this.latencies[this.latencyCount++] = now - sentAt;
					}
					this.answered.incrementAndGet();
					this.window.release();
				}
			}
			catch (IOException ex) {
				fail(ex);
			}
		}

		private void fail(IOException ex) {
			if (!this.socket.isClosed() && !this.failed) {
				this.failed = true;
				LOG.warn("{}: connection failed: {}", this.site.id(), ex.toString());
			}
		}

		long sent() {
			return this.sent.get();
		}

		long answered() {
			return this.answered.get();
		}

		boolean failed() {
			return this.failed;
		}

		boolean allAnswered() {
			return this.failed || this.pending.isEmpty();
		}

		LongStream phaseLatencies() {
			synchronized (this.latencyLock) {
				return Arrays.stream(Arrays.copyOf(this.latencies, this.latencyCount));
			}
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
