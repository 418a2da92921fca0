package org.lantian.ingest.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantian.domain.Hj212Access;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.lantian.ingest.TestHj212Uploads;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HJ 212 TCP listener against the real stack: a plain socket client, the bundled
 * catalogue's stack {@code BT-STEEL-S1} and a stack whose logger sends CRC-16/MODBUS
 * ({@code sites/hj212-listener-it.yaml}), a real InfluxDB and broker.
 */
@SpringBootTest(properties = { "lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}",
		"lantian.sites=classpath:sites/hj212-listener-it.yaml", "lantian.hj212.max-bad-frames=4" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class Hj212TcpListenerIT {

	private static final String MN = "BTSTEEL0000000000000S001";

	private static final String MODBUS_MN = "BTSTEEL0000000000000S002";

	private static final Hj212Decoder.Options MODBUS = new Hj212Decoder.Options(false, 1024, Hj212Access.Crc.MODBUS);

	private static final String PASSWORD = "123456";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final Hj212Encoder encoder = new Hj212Encoder();

	@Autowired
	private Hj212TcpListener listener;

	@Autowired
	private Rejections rejections;

	@Autowired
	private MeterRegistry meters;

	@Value("${lantian.influx.database}")
	private String database;

	@Test
	void hourlyFrameWithReplyFlagIsStoredThenAnswered() throws IOException {
		// LocalInfrastructureConfiguration gives each context a free lantian.hj212.port
		assertThat(this.listener.localPort()).isPositive();
		try (Client client = client()) {
			Hj212Frame frame = TestHj212Uploads.hourly("20260110080000000", "20260110080000", MN, PASSWORD);
			client.send(this.encoder.encode(frame));
			Hj212Frame reply = new Hj212Decoder().decode(client.readReply());
			assertThat(reply.cn()).isEqualTo("9014");
			assertThat(reply.st()).isEqualTo("91");
			assertThat(reply.qn()).isEqualTo(frame.qn());
			assertThat(reply.mn()).isEqualTo(MN);
			// the reply means "stored"
			assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-01-10")).isEqualTo(1);
		}
	}

	@Test
	void manyFramesOnOneConnection() throws IOException {
		try (Client client = client()) {
			Set<String> sent = new HashSet<>();
			StringBuilder oneWrite = new StringBuilder();
			for (int hour = 8; hour < 14; hour++) {
				Hj212Frame frame = TestHj212Uploads.hourly("20260111%02d0000000".formatted(hour),
						"20260111%02d0000".formatted(hour), MN, PASSWORD);
				sent.add(frame.qn());
				if (hour < 11) {
					client.send(this.encoder.encode(frame));
				}
				else {
					oneWrite.append(this.encoder.encode(frame));
				}
			}
			// three frames in one write, split at an odd place
			String tail = oneWrite.toString();
			client.send(tail.substring(0, 17));
			client.send(tail.substring(17));
			Set<String> replied = new HashSet<>();
			for (int i = 0; i < sent.size(); i++) {
				replied.add(new Hj212Decoder().decode(client.readReply()).qn());
			}
			assertThat(replied).isEqualTo(sent);
			assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-01-11")).isEqualTo(6);
		}
	}

	@Test
	void badFramesAreRefusedAndTheConnectionStaysUsable() throws IOException {
		try (Client client = client()) {
			String good = this.encoder
				.encode(TestHj212Uploads.hourly("20260112080000000", "20260112080000", MN, PASSWORD));
			String crc = good.substring(good.length() - 6, good.length() - 2);
			client.send(good.substring(0, good.length() - 6) + (crc.equals("0000") ? "0001" : "0000") + "\r\n");
			client.send(
					this.encoder.encode(TestHj212Uploads.hourly("20260112090000000", "20260112090000", MN, "654321")));
			client.send(this.encoder.encode(TestHj212Uploads.hourly("20260112100000000", "20260112100000",
					"UNKNOWN00000000000000001", PASSWORD)));
			client.send("garbage between frames\r\n");
			Hj212Frame last = TestHj212Uploads.hourly("20260112110000000", "20260112110000", MN, PASSWORD);
			client.send(this.encoder.encode(last));
			assertThat(new Hj212Decoder().decode(client.readReply()).qn()).isEqualTo(last.qn());
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(TestHj212Uploads.reasonsFrom(this.rejections, client.source()))
					.containsExactly(RejectionReason.BAD_CRC, RejectionReason.BAD_PASSWORD,
							RejectionReason.UNKNOWN_SITE));
			assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-01-12")).isEqualTo(1);
			assertThat(this.meters.get("lantian.ingest.hj212.frames")
				.tag("transport", "hj212_tcp")
				.tag("outcome", "rejected")
				.counter()
				.count()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void twoConnectionsAtOnce() throws IOException {
		try (Client first = client(); Client second = client()) {
			await().atMost(WAIT).until(() -> this.meters.get("lantian.ingest.hj212.connections").gauge().value() >= 2);
			Hj212Frame one = TestHj212Uploads.hourly("20260113080000000", "20260113080000", MN, PASSWORD);
			Hj212Frame two = TestHj212Uploads.hourly("20260113090000000", "20260113090000", MN, PASSWORD);
			String encodedOne = this.encoder.encode(one);
			// the first frame is left unfinished while the second connection sends
			first.send(encodedOne.substring(0, 20));
			second.send(this.encoder.encode(two));
			assertThat(new Hj212Decoder().decode(second.readReply()).qn()).isEqualTo(two.qn());
			first.send(encodedOne.substring(20));
			assertThat(new Hj212Decoder().decode(first.readReply()).qn()).isEqualTo(one.qn());
			assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-01-13")).isEqualTo(2);
		}
	}

	@Test
	void aMessageSplitInThreePacketsIsStoredOnceAndEachPacketAnswered() throws IOException {
		// STANDARDS §3.12: Flag=7, PNUM=3, PNO=1..3, a QN per part, DataTime repeated
		String[] factors = { "a21026-Avg=20.5,a21026-Flag=N", "a21002-Avg=35.1,a21002-Flag=N",
				"a34013-Avg=4.2,a34013-Flag=N;a19001-Avg=16.3,a19001-Flag=N" };
		List<String> sent = new ArrayList<>();
		try (Client client = client()) {
			for (int pno = 1; pno <= 3; pno++) {
				Hj212Frame part = new Hj212Frame("2026011408000000" + pno, "31", "2061", PASSWORD, MN, 7, 3, pno,
						"DataTime=20260120120000;" + factors[pno - 1]);
				sent.add(part.qn());
				client.send(this.encoder.encode(part));
			}
			List<String> replied = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Hj212Frame reply = new Hj212Decoder().decode(client.readReply());
				assertThat(reply.cn()).isEqualTo("9014");
				replied.add(reply.qn());
			}
			// the reply to the last packet means the whole message is stored
			assertThat(replied).containsExactlyElementsOf(sent);
			assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-01-20")).isEqualTo(1);
			assertThat(count("nox", "2026-01-20")).isEqualTo(1);
			assertThat(count("o2", "2026-01-20")).isEqualTo(1);
		}
	}

	@Test
	void aConnectionSendingBadFramesIsClosedWhileAnotherKeepsWorking() throws IOException {
		double closedBefore = this.meters.get("lantian.ingest.hj212.connections.closed")
			.tag("reason", "bad_frames")
			.counter()
			.count();
		try (Client bad = client(); Client good = client()) {
			String frame = this.encoder
				.encode(TestHj212Uploads.hourly("20260115080000000", "20260115080000", MN, PASSWORD));
			String wrongCrc = frame.substring(0, frame.length() - 6) + "ZZZZ\r\n";
			// lantian.hj212.max-bad-frames=4 here; the fifth is never read
			for (int i = 0; i < 5; i++) {
				bad.send(wrongCrc);
			}
			assertThat(bad.readToEnd()).as("the listener closed the connection").isTrue();
			Hj212Frame last = TestHj212Uploads.hourly("20260115090000000", "20260115090000", MN, PASSWORD);
			good.send(this.encoder.encode(last));
			assertThat(new Hj212Decoder().decode(good.readReply()).qn()).isEqualTo(last.qn());
			assertThat(TestHj212Uploads.reasonsFrom(this.rejections, bad.source())).hasSize(4)
				.containsOnly(RejectionReason.BAD_CRC);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.meters.get("lantian.ingest.hj212.connections.closed")
					.tag("reason", "bad_frames")
					.counter()
					.count()).isEqualTo(closedBefore + 1));
		}
	}

	@Test
	void aModbusSiteIsCheckedWithItsOwnCrcOnly() throws IOException {
		try (Client client = client()) {
			Hj212Frame frame = TestHj212Uploads.hourly("20260116080000000", "20260116080000", MODBUS_MN, PASSWORD);
			client.send(this.encoder.encode(frame));
			client.send(this.encoder.encode(frame, MODBUS));
			// answered in the device's own CRC
			Hj212Frame reply = new Hj212Decoder().decode(client.readReply(), MODBUS);
			assertThat(reply.cn()).isEqualTo("9014");
			assertThat(reply.qn()).isEqualTo(frame.qn());
			assertThat(TestHj212Uploads.reasonsFrom(this.rejections, client.source()))
				.containsExactly(RejectionReason.BAD_CRC);
			assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-01-16")).isEqualTo(1);
		}
	}

	private long count(String field, String utcDay) {
		return LocalInfrastructure.shared()
			.influxd()
			.count("SELECT count(" + field + ") FROM reading WHERE period='hour' AND time >= '" + utcDay
					+ "T00:00:00Z' AND time < '" + utcDay + "T23:59:59Z'", this.database);
	}

	private Client client() throws IOException {
		return new Client(this.listener.localPort());
	}

	/** A data logger: a plain socket. */
	private static final class Client implements AutoCloseable {

		private final Socket socket;

		private final OutputStream out;

		private final BufferedReader in;

		Client(int port) throws IOException {
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setSoTimeout((int) WAIT.toMillis());
			this.out = this.socket.getOutputStream();
			this.in = new BufferedReader(new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
		}

		void send(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		/** The next reply frame, with its CR LF. */
		String readReply() throws IOException {
			String line = this.in.readLine();
			assertThat(line).as("reply").isNotNull();
			return line + "\r\n";
		}

		/** Reads until the listener closes the connection; false if it stays open. */
		boolean readToEnd() throws IOException {
			try {
				while (this.in.read() != -1) {
					// replies to earlier frames, if any
				}
				return true;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
		}

		String source() {
			return "tcp:127.0.0.1:" + this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
