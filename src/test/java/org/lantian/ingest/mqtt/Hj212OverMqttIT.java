package org.lantian.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.lantian.ingest.TestHj212Uploads;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.infra.MosquittoProcess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HJ 212 frames over MQTT (INTERFACES §3.2) against the real stack: a data logger that
 * publishes to {@code lantian/v1/hj212/{MN}} and listens on {@code .../reply}, the
 * bundled catalogue's stack {@code BT-STEEL-S1}, a real broker and InfluxDB.
 */
@SpringBootTest(properties = "lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}")
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class Hj212OverMqttIT {

	private static final String MN = "BTSTEEL0000000000000S001";

	private static final String PASSWORD = "123456";

	private static final String TOPIC = "lantian/v1/hj212/" + MN;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final MosquittoProcess mosquitto = LocalInfrastructure.shared().mosquitto();

	private final Hj212Encoder encoder = new Hj212Encoder();

	private final Queue<String> replies = new ConcurrentLinkedQueue<>();

	@Autowired
	private MqttReadingSubscriber subscriber;

	@Autowired
	private Rejections rejections;

	@Autowired
	private MeterRegistry meters;

	@Value("${lantian.influx.database}")
	private String database;

	private MqttClient logger;

	@BeforeEach
	void connectDataLogger() throws MqttException {
		await().atMost(WAIT).until(this.subscriber::isSubscribed);
		this.logger = new MqttClient(this.mosquitto.url(), "lantian-it-logger-" + LocalInfrastructure.randomHex(),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		this.logger.connect(options);
		this.logger.subscribe(TOPIC + "/reply", 1,
				(topic, message) -> this.replies.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
	}

	@AfterEach
	void disconnectDataLogger() throws MqttException {
		if (this.logger != null) {
			this.logger.disconnect();
			this.logger.close();
		}
	}

	@Test
	void hourlyFrameWithReplyFlagIsStoredThenAnsweredOnTheReplyTopic() {
		Hj212Frame frame = TestHj212Uploads.hourly("20260210080000000", "20260210080000", MN, PASSWORD);
		publish(this.encoder.encode(frame));

		Hj212Frame reply = await().atMost(WAIT).until(() -> replyTo(frame.qn()), (found) -> found != null);
		assertThat(reply.cn()).isEqualTo("9014");
		assertThat(reply.st()).isEqualTo("91");
		assertThat(reply.mn()).isEqualTo(MN);
		// the reply means "stored"
		assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-02-10")).isEqualTo(1);
		// our own reply is not taken for a frame
		assertThat(TestHj212Uploads.reasonsFrom(this.rejections, TOPIC + "/reply")).isEmpty();
		assertThat(this.meters.get("lantian.ingest.hj212.frames")
			.tag("transport", "hj212_mqtt")
			.tag("outcome", "accepted")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void badCrcAndForeignMnAreRefusedWhileAFollowingGoodFrameIsStored() {
		String good = this.encoder.encode(TestHj212Uploads.hourly("20260211080000000", "20260211080000", MN, PASSWORD));
		String crc = good.substring(good.length() - 6, good.length() - 2);
		publish(good.substring(0, good.length() - 6) + (crc.equals("0000") ? "0001" : "0000") + "\r\n");
		publish(this.encoder.encode(
				TestHj212Uploads.hourly("20260211090000000", "20260211090000", "BTSTEEL0000000000000S999", PASSWORD)));
		Hj212Frame last = TestHj212Uploads.hourly("20260211100000000", "20260211100000", MN, PASSWORD);
		publish(this.encoder.encode(last));

		await().atMost(WAIT).until(() -> replyTo(last.qn()), (found) -> found != null);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(TestHj212Uploads.reasonsFrom(this.rejections, TOPIC))
				.containsExactly(RejectionReason.BAD_CRC, RejectionReason.SITE_MISMATCH));
		assertThat(TestHj212Uploads.hourlyCount(this.database, "2026-02-11")).isEqualTo(1);
		assertThat(this.meters.get("lantian.ingest.hj212.frames")
			.tag("transport", "hj212_mqtt")
			.tag("outcome", "rejected")
			.counter()
			.count()).isGreaterThanOrEqualTo(2);
	}

	private void publish(String frame) {
		this.mosquitto.publish(TOPIC, frame);
	}

	private Hj212Frame replyTo(String qn) {
		for (String reply : this.replies) {
			Hj212Frame frame = new Hj212Decoder().decode(reply);
			if (frame.qn().equals(qn)) {
				return frame;
			}
		}
		return null;
	}

}
