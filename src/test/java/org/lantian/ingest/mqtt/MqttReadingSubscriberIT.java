package org.lantian.ingest.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.ingest.InMemoryReadingStore;
import org.lantian.ingest.InMemoryRejections;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.TestSites;
import org.lantian.ingest.json.JsonReadingParser;
import org.lantian.ingest.pipeline.ReadingPipeline;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.MosquittoProcess;

import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The MQTT subscriber against a real mosquitto (S-23), wired by hand with the real parser
 * and pipeline and an in-memory store that can hold its futures.
 */
class MqttReadingSubscriberIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final MosquittoProcess mosquitto = LocalInfrastructure.shared().mosquitto();

	private final String prefix = "lantian/it/" + LocalInfrastructure.randomHex();

	private final String clientId = "lantian-it-ingest-" + LocalInfrastructure.randomHex();

	private final List<Node> nodes = new ArrayList<>();

	@AfterEach
	void stopSubscribers() {
		this.nodes.forEach((node) -> node.subscriber.stop());
	}

	@Test
	void storesReadingsPublishedWithQos1AndAcknowledgesThem() {
		Node node = start(null);

		publish("BT-KDL-01", reading("BT-KDL-01", 35));
		publish("BT-KDL-01", "[" + reading("BT-KDL-01", 36) + "," + reading("BT-KDL-01", 37) + "]");

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(node.store)).containsExactly(35, 36, 37));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(node.acks("acked")).isEqualTo(2));
		assertThat(node.store.batches()).hasSize(2);
		assertThat(new MqttHealthIndicator(node.subscriber).health()).satisfies((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("clientId", this.clientId)
				.containsEntry("topic", this.prefix + "/readings/+");
		});
		assertThat(node.meters.get("lantian.ingest.mqtt.connected").gauge().value()).isEqualTo(1);
	}

	@Test
	void leavesAMessageUnacknowledgedUntilItsReadingsAreDurableSoTheBrokerDeliversItAgain() {
		Node first = start(null, Duration.ofMillis(200));
		first.store.mode(InMemoryReadingStore.Mode.HOLD);

		publish("BT-KDL-01", reading("BT-KDL-01", 41));
		await().atMost(TIMEOUT).until(() -> first.store.heldCount() == 1);
		assertThat(first.acks("acked")).isZero();
		// the process goes away before the readings are durable
		first.subscriber.stop();
		assertThat(first.acks("not_acked")).isEqualTo(1);

		Node second = start(null);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(second.store)).containsExactly(41));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(second.acks("acked")).isEqualTo(1));
		// the first process's storage finishing late acknowledges nothing on a closed
		// client
		first.store.completeHeld();
		assertThat(first.acks("acked")).isZero();
		second.subscriber.stop();

		// acknowledged now: the next session gets only what is new, in order
		Node third = start(null);
		publish("BT-KDL-01", reading("BT-KDL-01", 42));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(third.store)).containsExactly(42));
	}

	@Test
	void reconnectsToGetAMessageAgainWhoseReadingsCouldNotBeMadeDurable() {
		Node node = start(null);
		node.store.mode(InMemoryReadingStore.Mode.FAIL);

		publish("BT-KDL-01", reading("BT-KDL-01", 50));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(node.acks("not_acked")).isGreaterThanOrEqualTo(1));
		assertThat(node.acks("acked")).isZero();
		assertThat(node.store.readings()).isEmpty();
		// the disk has room again: the message comes back with the resumed session
		node.store.mode(InMemoryReadingStore.Mode.DURABLE);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(node.store)).containsExactly(50));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(node.acks("acked")).isEqualTo(1));
		assertThat(node.meters.get("lantian.ingest.mqtt.reconnects").counter().count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void rejectsBadMessagesWithAReasonAndGoesOnWithTheNextGoodOne() {
		Node node = start(null);

		publish("BT-KDL-01", "{\"site\": \"BT-KDL-01\", \"values\": ");
		publish("BT-XX-99", reading("BT-XX-99", 35));
		publish("not a site!", reading("BT-KDL-01", 35));
		publish("BT-KDL-01", reading("BT-DH-01", 35));
		publish("BT-KDL-01", reading("BT-KDL-01", 60));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(node.store)).containsExactly(60));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(node.acks("acked")).isEqualTo(5));
		assertThat(node.rejections.all()).extracting(Rejection::reason, Rejection::source)
			.containsExactly(tuple(RejectionReason.MALFORMED_JSON, this.prefix + "/readings/BT-KDL-01"),
					tuple(RejectionReason.UNKNOWN_SITE, this.prefix + "/readings/BT-XX-99"),
					tuple(RejectionReason.UNKNOWN_SITE, this.prefix + "/readings/not a site!"),
					tuple(RejectionReason.SITE_MISMATCH, this.prefix + "/readings/BT-KDL-01"));
		assertThat(node.rejections.all().get(2).detail()).contains("does not end in a valid site id");
	}

	@Test
	void reconnectsAndResubscribesAfterTheBrokerRestarts() {
		Node node = start(null);
		publish("BT-KDL-01", reading("BT-KDL-01", 70));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(node.store)).containsExactly(70));

		this.mosquitto.restart();

		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(node.meters.get("lantian.ingest.mqtt.reconnects").counter().count()).isGreaterThanOrEqualTo(1);
			assertThat(node.subscriber.isSubscribed()).isTrue();
		});
		publish("BT-KDL-01", reading("BT-KDL-01", 71));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(node.store)).containsExactly(70, 71));
	}

	@Test
	void receivesThroughASharedSubscription() {
		Node node = start("lantian-it");

		publish("BT-KDL-01", reading("BT-KDL-01", 80));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(pm25(node.store)).containsExactly(80));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(node.acks("acked")).isEqualTo(1));
		assertThat(node.subscriber.properties().subscription())
			.isEqualTo("$share/lantian-it/" + this.prefix + "/readings/+");
	}

	private Node start(String sharedGroup) {
		return start(sharedGroup, Duration.ofSeconds(5));
	}

	private Node start(String sharedGroup, Duration drainTimeout) {
		MqttProperties properties = new MqttProperties(this.mosquitto.url(), null, null, this.clientId, sharedGroup,
				this.prefix, true, Duration.ofSeconds(2), 1000, Duration.ofSeconds(30), drainTimeout);
		Node node = new Node(properties);
		this.nodes.add(node);
		node.subscriber.start();
		await().atMost(TIMEOUT).until(node.subscriber::isSubscribed);
		return node;
	}

	private void publish(String topicSite, String payload) {
		this.mosquitto.publish(this.prefix + "/readings/" + topicSite, payload);
	}

	private static String reading(String site, int pm25) {
		String time = OffsetDateTime.now(ZoneOffset.ofHours(8))
			.minusMinutes(1)
			.truncatedTo(ChronoUnit.SECONDS)
			.toString();
		return "{\"site\": \"%s\", \"time\": \"%s\", \"values\": {\"pm25\": %d, \"pm10\": 70.0}}".formatted(site, time,
				pm25);
	}

	private static List<Integer> pm25(InMemoryReadingStore store) {
		return store.readings()
			.stream()
			.map(Reading::values)
			.map((values) -> values.get(Measurand.PM25).value().intValue())
			.toList();
	}

	/** One service instance: its own store, dead letters, meters and subscriber. */
	private static final class Node {

		private final InMemoryReadingStore store = new InMemoryReadingStore();

		private final InMemoryRejections rejections = new InMemoryRejections();

		private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

		private final MqttReadingSubscriber subscriber;

		Node(MqttProperties properties) {
			Clock clock = Clock.systemUTC();
			ReadingPipeline pipeline = new ReadingPipeline(new JsonReadingParser(TestSites.catalogue(), clock),
					this.store, this.rejections, this.meters, clock, (event) -> {
					});
			this.subscriber = new MqttReadingSubscriber(properties, pipeline, this.meters);
		}

		double acks(String outcome) {
			return this.meters.get("lantian.ingest.mqtt.acks").tag("outcome", outcome).counter().count();
		}

	}

}
