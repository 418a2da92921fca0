package org.lantian.ingest.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.lantian.ingest.TestHj212Sites;
import org.lantian.ingest.Transport;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212FormatException;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HJ 212 TCP listener under load, against the real stack (issue 3, "How it must be
 * shown"): 200 simulated data loggers (100 stacks, 100 ambient stations of a generated
 * catalogue), each on a socket of its own, send 100 uploads each — CN 2011, 2051 and 2061
 * in turn, all with Flag=5 (A bit: reply wanted, STANDARDS §3.3) — some in one write,
 * some split across several writes with pauses, some several to a write; meanwhile other
 * connections send a wrong PW, an unknown MN, a bad CRC, a truncated and an oversized
 * frame, and ten of the loggers slip one bad-CRC frame into their own stream.
 * <p>
 * Every upload has its own (site, period, DataTime), hence its own InfluxDB point, so
 * that the points counted per site and period are the frames stored; the counters show
 * that none was stored twice.
 */
@SpringBootTest(properties = "lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}")
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class Hj212TcpLoadIT {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212TcpLoadIT.class);

	private static final List<TestHj212Sites.Logger> SITES = TestHj212Sites.of("LOAD", 100, 100);

	private static final int FRAMES_PER_LOGGER = 100;

	/** Uploads a logger may have sent without their reply yet. */
	private static final int WINDOW = 8;

	/** Connections per kind of bad frame. */
	private static final int BAD_CONNECTIONS_PER_KIND = 8;

	/** Every this-many-th logger sends one bad-CRC frame on its own connection. */
	private static final int IN_STREAM_BAD_EVERY = 20;

	private static final String[] CNS = { "2011", "2051", "2061" };

	private static final String[] PERIODS = { "sample", "minute", "hour" };

	/** Local (Asia/Shanghai) DataTime of the first upload of each logger. */
	private static final LocalDateTime BASE = LocalDateTime.of(2026, 2, 1, 0, 0);

	private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final Hj212Encoder encoder = new Hj212Encoder();

	@Autowired
	private Hj212TcpListener listener;

	@Autowired
	private Rejections rejections;

	@Autowired
	private MeterRegistry meters;

	@Value("${lantian.influx.database}")
	private String database;

	@DynamicPropertySource
	static void generatedCatalogue(DynamicPropertyRegistry registry) {
		String file = TestHj212Sites.write(LocalInfrastructure.shared().newTempDirectory("hj212-load-sites-"), SITES)
			.toString();
		registry.add("lantian.sites", () -> file);
	}

	@Test
	void everyUploadIsStoredOnceAndAnsweredWhileBadFramesAreRefused() throws Exception {
		int port = this.listener.localPort();
		long setUp = System.nanoTime();
		List<SimulatedLogger> loggers = new ArrayList<>();
		for (int i = 0; i < SITES.size(); i++) {
			loggers.add(new SimulatedLogger(i, SITES.get(i), port));
		}
		ExecutorService threads = Executors.newFixedThreadPool(2 * loggers.size() + 1);
		try {
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.meters.get("lantian.ingest.hj212.connections").gauge().value())
					.isEqualTo(loggers.size()));
			LOG.info("{} loggers connected in {} ms", loggers.size(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setUp));
			long start = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (SimulatedLogger logger : loggers) {
				running.add(threads.submit(logger::readReplies));
				running.add(threads.submit(logger::sendUploads));
			}
			Map<RejectionReason, Integer> badSent = new EnumMap<>(RejectionReason.class);
			running.add(threads.submit(() -> sendBadFrames(port, badSent)));
			for (Future<?> task : running) {
				task.get(3, TimeUnit.MINUTES);
			}
			LOG.info("{} loggers × {} uploads answered in {} ms", loggers.size(), FRAMES_PER_LOGGER,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

			// every requested reply: a 9014 with the upload's QN (STANDARDS §3.12)
			for (SimulatedLogger logger : loggers) {
				assertThat(logger.unexpectedReplies).as("unexpected replies to %s", logger.site.id()).isEmpty();
				assertThat(logger.replied).as("QNs answered to %s", logger.site.id()).isEqualTo(logger.qns);
			}
			int uploads = loggers.size() * FRAMES_PER_LOGGER;
			// a 9014 means "stored": every upload is a point, exactly once
			assertThat(storedPerSiteAndPeriod()).isEqualTo(expectedPerSiteAndPeriod());
			assertThat(counter("lantian.storage.points.written")).isEqualTo(uploads);
			assertThat(frames("accepted")).isEqualTo(uploads);
			assertThat(this.meters.get("lantian.ingest.readings")
				.tag("transport", Transport.HJ212_TCP.tag())
				.tag("outcome", "accepted")
				.counter()
				.count()).isEqualTo(uploads);

			// every bad frame refused with its reason, counted and kept in the dead
			// letters
			badSent.merge(RejectionReason.BAD_CRC, inStreamBadFrames(loggers.size()), Integer::sum);
			int bad = badSent.values().stream().mapToInt(Integer::intValue).sum();
			await().atMost(WAIT).untilAsserted(() -> assertThat(rejectedByReason()).isEqualTo(badSent));
			assertThat(frames("rejected")).isEqualTo(bad);
			for (Map.Entry<RejectionReason, Integer> sent : badSent.entrySet()) {
				List<Rejection> kept = this.rejections.recent(10_000, sent.getKey(), null, null)
					.stream()
					.filter((rejection) -> rejection.transport() == Transport.HJ212_TCP)
					.toList();
				assertThat(kept).as("dead letters of %s", sent.getKey()).hasSize(sent.getValue());
			}
			assertThat(this.rejections.recent(10_000, RejectionReason.BAD_PASSWORD, null, null))
				.extracting(Rejection::site)
				.containsOnly(SITES.subList(0, BAD_CONNECTIONS_PER_KIND)
					.stream()
					.map(TestHj212Sites.Logger::id)
					.toArray(String[]::new));
			// every connection, good or bad, is gone once the loggers hang up
			for (SimulatedLogger logger : loggers) {
				logger.close();
			}
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(this.meters.get("lantian.ingest.hj212.connections").gauge().value()).isZero());
		}
		finally {
			threads.shutdownNow();
			for (SimulatedLogger logger : loggers) {
				logger.close();
			}
		}
	}

	/**
	 * One bad frame per connection, eight connections per kind, started once the loggers
	 * are under way (2,000 uploads accepted) and spread over about two seconds of their
	 * run.
	 */
	private void sendBadFrames(int port, Map<RejectionReason, Integer> sent) {
		await().atMost(WAIT).until(() -> frames("accepted") >= 2_000);
		for (int k = 0; k < BAD_CONNECTIONS_PER_KIND; k++) {
			TestHj212Sites.Logger site = SITES.get(k);
			// DataTimes no upload uses: had one been stored, the counts per site would
			// show it
			LocalDateTime dataTime = BASE.plusSeconds(50_000 + k);
			String qn = QN.format(BASE.plusSeconds(90_000 + k));
			String wrongPassword = site.password().equals("999999") ? "888888" : "999999";
			Hj212Frame good = site.upload("2011", qn, dataTime, 5, k);
			String encoded = this.encoder.encode(good);

			sendAndClose(port, this.encoder
				.encode(new Hj212Frame(qn, site.st(), "2011", wrongPassword, site.mn(), 5, null, null, good.cp())));
			sent.merge(RejectionReason.BAD_PASSWORD, 1, Integer::sum);

			sendAndClose(port, this.encoder.encode(new Hj212Frame(qn, site.st(), "2011", site.password(),
					"LOADX" + site.mn().substring(5), 5, null, null, good.cp())));
			sent.merge(RejectionReason.UNKNOWN_SITE, 1, Integer::sum);

			sendAndClose(port, withWrongCrc(encoded));
			sent.merge(RejectionReason.BAD_CRC, 1, Integer::sum);

			// the logger loses its link mid-frame (表2: no CRC, no CR LF)
			sendAndClose(port, encoded.substring(0, encoded.length() / 2));
			sent.merge(RejectionReason.BAD_FRAME, 1, Integer::sum);

			sendAndClose(port, oversized(site, qn, dataTime));
			sent.merge(RejectionReason.OVERSIZED, 1, Integer::sum);

			// a round every quarter second, while the loggers go on
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
		}
		LOG.info("Bad frames sent while the loggers had {} uploads accepted", (long) frames("accepted"));
	}

	private static void sendAndClose(int port, String text) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A frame whose data segment (1,500 bytes) exceeds the 1,024 of 表2, its length and
	 * CRC otherwise right.
	 */
	private static String oversized(TestHj212Sites.Logger site, String qn, LocalDateTime dataTime) {
		StringBuilder cp = new StringBuilder(site.upload("2011", qn, dataTime, 5, 0).cp());
		String head = "QN=" + qn + ";ST=" + site.st() + ";CN=2011;PW=" + site.password() + ";MN=" + site.mn()
				+ ";Flag=5;CP=&&";
		for (int i = 1; head.length() + cp.length() + 2 < 1_500; i++) {
			cp.append(String.format(Locale.ROOT, ";a99%03d-Rtd=1.0,a99%03d-Flag=N", i, i));
		}
		String segment = head + cp + "&&";
		return "##" + segment.length() + segment + crc(segment) + "\r\n";
	}

	/** The frame with a CRC that does not match its data segment. */
	private static String withWrongCrc(String frame) {
		int crcStart = frame.length() - 6;
		String crc = frame.substring(crcStart, crcStart + 4);
		String wrong = crc.equals("0000") ? "FFFF" : "0000";
		return frame.substring(0, crcStart) + wrong + "\r\n";
	}

	/** The HJ 212 CRC of 附录A, for frames the encoder will not build. */
	private static String crc(String segment) {
		int register = 0xFFFF;
		for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
			register = (register >> 8) ^ (b & 0xFF);
			for (int bit = 0; bit < 8; bit++) {
				boolean carry = (register & 1) != 0;
				register >>= 1;
				if (carry) {
					register ^= 0xA001;
				}
			}
		}
		return String.format(Locale.ROOT, "%04X", register);
	}

	private static int inStreamBadFrames(int loggers) {
		return (loggers + IN_STREAM_BAD_EVERY - 1) / IN_STREAM_BAD_EVERY;
	}

	private Map<String, Long> storedPerSiteAndPeriod() {
		Map<String, Long> stored = new HashMap<>();
		for (Map<String, Object> row : LocalInfrastructure.shared()
			.influxd()
			.rows("SELECT count(so2) FROM reading WHERE time >= '2026-01-31T00:00:00Z' AND time < '2026-02-10T00:00:00Z'"
					+ " GROUP BY site, period", this.database)) {
			stored.put(row.get("site") + "/" + row.get("period"), ((BigDecimal) row.get("count")).longValueExact());
		}
		return stored;
	}

	private static Map<String, Long> expectedPerSiteAndPeriod() {
		Map<String, Long> expected = new HashMap<>();
		for (TestHj212Sites.Logger site : SITES) {
			for (int i = 0; i < FRAMES_PER_LOGGER; i++) {
				expected.merge(site.id() + "/" + PERIODS[i % CNS.length], 1L, Long::sum);
			}
		}
		return expected;
	}

	private Map<RejectionReason, Integer> rejectedByReason() {
		Map<RejectionReason, Integer> rejected = new EnumMap<>(RejectionReason.class);
		for (RejectionReason reason : RejectionReason.values()) {
			double count = this.meters.get("lantian.ingest.readings")
				.tag("transport", Transport.HJ212_TCP.tag())
				.tag("outcome", "rejected")
				.tag("reason", reason.name())
				.counter()
				.count();
			if (count > 0) {
				rejected.put(reason, (int) count);
			}
		}
		return rejected;
	}

	private double frames(String outcome) {
		return this.meters.get("lantian.ingest.hj212.frames")
			.tag("transport", Transport.HJ212_TCP.tag())
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private double counter(String name) {
		return this.meters.get(name).counter().count();
	}

	/**
	 * A data logger on a socket of its own: one thread sends its uploads, at most
	 * {@link #WINDOW} unanswered, another reads the replies.
	 */
	private final class SimulatedLogger implements AutoCloseable {

		private final int index;

		private final TestHj212Sites.Logger site;

		private final Socket socket;

		private final OutputStream out;

		private final BufferedReader in;

		private final List<Hj212Frame> uploads = new ArrayList<>();

		private final Set<String> qns = new LinkedHashSet<>();

		private final Set<String> replied = ConcurrentHashMap.newKeySet();

		private final List<String> unexpectedReplies = Collections.synchronizedList(new ArrayList<>());

		private final Semaphore window = new Semaphore(WINDOW);

		SimulatedLogger(int index, TestHj212Sites.Logger site, int port) throws IOException {
			this.index = index;
			this.site = site;
			this.socket = new Socket("127.0.0.1", port);
			// every write its own segment, so that split frames arrive split
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout((int) WAIT.toMillis());
			this.out = this.socket.getOutputStream();
			this.in = new BufferedReader(new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
			for (int i = 0; i < FRAMES_PER_LOGGER; i++) {
				String cn = CNS[i % CNS.length];
				// one point per (site, period, DataTime); the DataTime marks the period
				// start for 2051/2061 (STANDARDS §3.5)
				LocalDateTime dataTime = switch (cn) {
					case "2011" -> BASE.plusSeconds(i);
					case "2051" -> BASE.plusMinutes(i);
					default -> BASE.plusHours(i);
				};
				String qn = QN.format(BASE.plusNanos((index * (long) FRAMES_PER_LOGGER + i) * 1_000_000L));
				this.uploads.add(site.upload(cn, qn, dataTime, 5, index + i));
				this.qns.add(qn);
			}
		}

		void sendUploads() {
			Random random = new Random(this.index);
			int i = 0;
			boolean corruptSent = (this.index % IN_STREAM_BAD_EVERY != 0);
			try {
				while (i < this.uploads.size()) {
					if (!corruptSent && i >= FRAMES_PER_LOGGER / 2) {
						// Flag=4: no reply due (§3.12), whatever becomes of it
						Hj212Frame bad = this.site.upload("2011", QN.format(BASE.plusDays(3)), BASE.plusSeconds(40_000),
								4, 0);
						write(withWrongCrc(Hj212TcpLoadIT.this.encoder.encode(bad)));
						corruptSent = true;
					}
					int kind = random.nextInt(10);
					if (kind < 6) {
						acquire(1);
						write(encoded(i++));
					}
					else if (kind < 8) {
						acquire(1);
						writeSplit(encoded(i++), random);
					}
					else {
						int count = Math.min(2 + random.nextInt(3), this.uploads.size() - i);
						acquire(count);
						StringBuilder several = new StringBuilder();
						for (int n = 0; n < count; n++) {
							several.append(encoded(i++));
						}
						write(several.toString());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.site.id() + " could not send", ex);
			}
		}

		void readReplies() {
			Hj212Decoder decoder = new Hj212Decoder();
			try {
				while (this.replied.size() < this.qns.size()) {
					String line = this.in.readLine();
					if (line == null) {
						break;
					}
					this.window.release();
					try {
						Hj212Frame reply = decoder.decode(line + "\r\n");
						boolean expected = reply.cn().equals(Hj212Encoder.CN_DATA_REPLY)
								&& reply.st().equals(Hj212Frame.ST_SYSTEM_INTERACTION)
								&& reply.mn().equals(this.site.mn()) && this.qns.contains(reply.qn())
								&& this.replied.add(reply.qn());
						if (!expected) {
							this.unexpectedReplies.add(line);
						}
					}
					catch (Hj212FormatException ex) {
						this.unexpectedReplies.add(line + " (" + ex.getMessage() + ")");
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(this.site.id() + " could not read its replies", ex);
			}
		}

		private String encoded(int i) {
			return Hj212TcpLoadIT.this.encoder.encode(this.uploads.get(i));
		}

		/** Two to four writes, cut anywhere, with a pause of 1–3 ms between them. */
		private void writeSplit(String frame, Random random) throws IOException {
			int pieces = 2 + random.nextInt(3);
			int from = 0;
			for (int piece = 1; piece <= pieces; piece++) {
				int to = (piece == pieces) ? frame.length()
						: from + 1 + random.nextInt(Math.max(1, (frame.length() - from) / 2));
				write(frame.substring(from, Math.min(to, frame.length())));
				from = Math.min(to, frame.length());
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1 + random.nextInt(3)));
			}
		}

		private void acquire(int permits) {
			try {
				if (!this.window.tryAcquire(permits, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException(this.site.id() + ": no reply for " + WAIT + " ("
							+ this.replied.size() + " of " + this.qns.size() + " answered)");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private void write(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
