package org.lantian.ingest.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.ingest.InMemoryReadingStore;
import org.lantian.ingest.InMemoryRejections;
import org.lantian.ingest.TestHj212Uploads;
import org.lantian.ingest.TestSites;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.ingest.hj212.Hj212ReadingMapper;
import org.lantian.ingest.json.JsonReadingParser;
import org.lantian.ingest.pipeline.ReadingPipeline;
import org.lantian.infra.FreePort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HJ 212 meters (STYLE S-18) with a {@link SimpleMeterRegistry}: registered at zero
 * before the first frame, and moving with a logger's traffic on a real loopback socket.
 * The readings land in an {@link InMemoryReadingStore}, which makes them durable at once.
 */
class Hj212TcpMetricsTests {

	private static final String MN = "BTBG0000000001";

	private static final String PASSWORD = "123456";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final InMemoryReadingStore store = new InMemoryReadingStore();

	private final Hj212Encoder encoder = new Hj212Encoder();

	private Hj212TcpListener listener;

	@BeforeEach
	void startListener() {
		Clock clock = Clock.fixed(Instant.parse("2026-01-10T02:00:00Z"), ZoneOffset.UTC);
		ReadingPipeline pipeline = new ReadingPipeline(new JsonReadingParser(TestSites.catalogue(), clock), this.store,
				new InMemoryRejections(), this.meters, clock, (event) -> {
				});
		Hj212FrameHandler handler = new Hj212FrameHandler(new Hj212Decoder(), this.encoder,
				new Hj212ReadingMapper(ZoneId.of("Asia/Shanghai")), TestSites.catalogue(), pipeline, this.meters,
				new Hj212Reassembly(32, 8, Duration.ofSeconds(60)), clock);
		this.listener = new Hj212TcpListener(new Hj212Properties(FreePort.find(), "127.0.0.1", 10,
				Duration.ofMinutes(1), 1100, false, 10, Duration.ofSeconds(60), 32, 8), handler, this.meters);
		this.listener.start();
	}

	@AfterEach
	void stopListener() {
		this.listener.stop();
	}

	@Test
	void everyHj212MeterIsRegisteredAtZeroBeforeTheFirstFrame() {
		for (String transport : new String[] { "hj212_tcp", "hj212_mqtt" }) {
			for (String outcome : new String[] { "accepted", "rejected", "ignored", "held" }) {
				assertThat(frames(transport, outcome)).as("%s %s", transport, outcome).isZero();
			}
			assertThat(readings(transport, "accepted", "none")).isZero();
			assertThat(readings(transport, "rejected", "BAD_CRC")).isZero();
			assertThat(readings(transport, "rejected", "BAD_PASSWORD")).isZero();
		}
		assertThat(connections()).isZero();
		// two transports × four outcomes (held: a packet of a split message, waiting)
		assertThat(this.meters.get("lantian.ingest.hj212.frames").counters()).hasSize(8);
	}

	@Test
	void metersMoveWithALoggersTraffic() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.listener.localPort())) {
			socket.setSoTimeout((int) WAIT.toMillis());
			await().atMost(WAIT).until(() -> connections() == 1);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

			Hj212Frame hourly = TestHj212Uploads.hourly("20260110080000000", "20260110080000", MN, PASSWORD);
			String wrongPassword = this.encoder
				.encode(TestHj212Uploads.hourly("20260110090000000", "20260110090000", MN, "654321"));
			// CN 1011 上传现场机时间 (表9): not a pollutant data upload, no reply wanted
			String siteTime = this.encoder.encode(new Hj212Frame("20260110100000000", "31", "1011", PASSWORD, MN, 4,
					null, null, "SystemTime=20260110100000"));
			String good = this.encoder.encode(hourly);
			String badCrc = good.substring(0, good.length() - 6) + (good.endsWith("0000\r\n") ? "FFFF" : "0000")
					+ "\r\n";
			send(socket, wrongPassword + siteTime + badCrc + good);
			// the reply comes once the reading is durable, after the frames before it
			assertThat(new Hj212Decoder().decode(in.readLine() + "\r\n").qn()).isEqualTo(hourly.qn());

			assertThat(frames("hj212_tcp", "accepted")).isEqualTo(1);
			assertThat(frames("hj212_tcp", "ignored")).isEqualTo(1);
			assertThat(frames("hj212_tcp", "rejected")).isEqualTo(2);
			assertThat(readings("hj212_tcp", "accepted", "none")).isEqualTo(1);
			assertThat(readings("hj212_tcp", "rejected", "BAD_CRC")).isEqualTo(1);
			assertThat(readings("hj212_tcp", "rejected", "BAD_PASSWORD")).isEqualTo(1);
			assertThat(messages("hj212_tcp", "accepted")).isEqualTo(1);
			assertThat(messages("hj212_tcp", "rejected")).isEqualTo(2);
			// HJ 212 over TCP is not counted as another transport
			assertThat(frames("hj212_mqtt", "accepted")).isZero();
			assertThat(readings("mqtt", "accepted", "none")).isZero();
			assertThat(this.store.readings()).hasSize(1);
		}
		await().atMost(WAIT).until(() -> connections() == 0);
	}

	private static void send(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
	}

	private double frames(String transport, String outcome) {
		return this.meters.get("lantian.ingest.hj212.frames")
			.tag("transport", transport)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private double readings(String transport, String outcome, String reason) {
		return this.meters.get("lantian.ingest.readings")
			.tag("transport", transport)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.counter()
			.count();
	}

	private double messages(String transport, String outcome) {
		return this.meters.get("lantian.ingest.messages")
			.tag("transport", transport)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private double connections() {
		return this.meters.get("lantian.ingest.hj212.connections").gauge().value();
	}

}
