package org.lantian.ingest.pipeline;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.ingest.InMemoryReadingStore;
import org.lantian.ingest.InMemoryRejections;
import org.lantian.ingest.IntakeResult;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.ReadingStore;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.TestSites;
import org.lantian.ingest.Transport;
import org.lantian.ingest.json.JsonReadingParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class ReadingPipelineTests {

	private static final Instant NOW = Instant.parse("2026-01-15T01:00:00Z");

	private static final String TOPIC = "lantian/v1/readings/BT-KDL-01";

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final InMemoryReadingStore store = new InMemoryReadingStore();

	private final InMemoryRejections rejections = new InMemoryRejections();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ReadingPipeline pipeline = pipeline(this.store);

	@Test
	void storesTheAcceptedReadingsOfABatchInOneCall() {
		IntakeResult result = submitMqtt(batch(item("08:00", "35"), item("08:01", "36"), item("08:02", "37")));

		assertThat(result.accepted()).isEqualTo(3);
		assertThat(result.isFullyAccepted()).isTrue();
		assertThat(result.durable()).isCompleted();
		assertThat(this.store.batches()).singleElement().satisfies((batch) -> assertThat(batch).hasSize(3));
		assertThat(this.rejections.all()).isEmpty();
		assertThat(messages(Transport.MQTT, "accepted")).isEqualTo(1);
		assertThat(readings(Transport.MQTT, "accepted", "none")).isEqualTo(3);
	}

	@Test
	void keepsEveryRejectedItemAndStoresTheRest() {
		IntakeResult result = submitMqtt(batch(item("08:00", "35"), item("08:01", "99999"), item("08:02", "\"36\"")));

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.forbidden()).isFalse();
		assertThat(result.rejections()).extracting(ItemRejection::index, ItemRejection::reason)
			.containsExactly(tuple(1, RejectionReason.OUT_OF_RANGE), tuple(2, RejectionReason.NON_NUMERIC));
		assertThat(this.store.readings()).hasSize(1);
		assertThat(this.rejections.all()).hasSize(2).first().satisfies((rejection) -> {
			assertThat(rejection.at()).isEqualTo(NOW);
			assertThat(rejection.transport()).isEqualTo(Transport.MQTT);
			assertThat(rejection.reason()).isEqualTo(RejectionReason.OUT_OF_RANGE);
			assertThat(rejection.detail()).isEqualTo("item 1: pm25: 99999 µg/m³ is outside the plausible range 0–5000");
			assertThat(rejection.source()).isEqualTo(TOPIC);
			assertThat(rejection.site()).isEqualTo("BT-KDL-01");
			assertThat(rejection.payload()).contains("99999").doesNotContain("T08:00");
		});
		assertThat(messages(Transport.MQTT, "partial")).isEqualTo(1);
		assertThat(readings(Transport.MQTT, "accepted", "none")).isEqualTo(1);
		assertThat(readings(Transport.MQTT, "rejected", "OUT_OF_RANGE")).isEqualTo(1);
		assertThat(readings(Transport.MQTT, "rejected", "NON_NUMERIC")).isEqualTo(1);
	}

	@Test
	void tellsListenersOfTheAcceptedReadingsOnceDurable() {
		submitMqtt(batch(item("08:00", "35"), item("08:01", "99999"), item("08:02", "36")));
		submitMqtt("not json");

		await().atMost(Duration.ofSeconds(5)).until(() -> !this.events.isEmpty());
		assertThat(this.events).singleElement().isInstanceOfSatisfying(ReadingsReceived.class, (event) -> {
			assertThat(event.transport()).isEqualTo(Transport.MQTT);
			assertThat(event.readings()).isEqualTo(this.store.readings());
			assertThat(event.readings()).hasSize(2);
		});
	}

	@Test
	void storesNothingAndCompletesAtOnceWhenEveryItemIsRejected() {
		IntakeResult result = submitMqtt("not json");

		assertThat(result.accepted()).isZero();
		assertThat(result.durable()).isCompleted();
		assertThat(this.store.batches()).isEmpty();
		assertThat(this.rejections.all()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
			assertThat(rejection.detail()).startsWith("not valid JSON");
			assertThat(rejection.payload()).isEqualTo("not json");
			assertThat(rejection.site()).isNull();
		});
		assertThat(messages(Transport.MQTT, "rejected")).isEqualTo(1);
		assertThat(readings(Transport.MQTT, "rejected", "MALFORMED_JSON")).isEqualTo(1);
	}

	@Test
	void refusesAWholePayloadThatNamesAForbiddenSite() {
		String payload = batch(item("BT-KDL-01", "08:00", "35"), item("BT-DH-01", "08:00", "40"),
				item("BT-KDL-01", "08:01", "-1"));

		IntakeResult result = this.pipeline.submitJson(Transport.HTTP, "enterprise key 'baogang'", null, bytes(payload),
				(site) -> site.id().equals(TestSites.KUNDULUN));

		assertThat(result.forbidden()).isTrue();
		assertThat(result.accepted()).isZero();
		assertThat(result.isFullyAccepted()).isFalse();
		assertThat(result.durable()).isCompleted();
		assertThat(result.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.FORBIDDEN_SITE);
			assertThat(rejection.site()).isEqualTo("BT-DH-01");
		});
		assertThat(this.store.batches()).isEmpty();
		assertThat(this.rejections.all()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.FORBIDDEN_SITE);
			assertThat(rejection.transport()).isEqualTo(Transport.HTTP);
			assertThat(rejection.detail()).isEqualTo("the sender may not push data for site BT-DH-01");
			// neither the other enterprise's site nor the sender's data end up in its
			// dead letters
			assertThat(rejection.site()).isNull();
			assertThat(rejection.payload()).isEmpty();
		});
		assertThat(messages(Transport.HTTP, "forbidden")).isEqualTo(1);
		assertThat(readings(Transport.HTTP, "rejected", "FORBIDDEN_SITE")).isEqualTo(2);
		assertThat(readings(Transport.HTTP, "rejected", "OUT_OF_RANGE")).isEqualTo(1);
		assertThat(readings(Transport.HTTP, "accepted", "none")).isZero();
	}

	@Test
	void aRefusedItemNamingAForbiddenSiteRefusesThePayloadToo() {
		// the second item is invalid, but it names a site this sender may not push for
		String payload = batch(item("BT-KDL-01", "08:00", "35"), item("BT-DH-01", "08:00", "-1"));

		IntakeResult result = this.pipeline.submitJson(Transport.HTTP, "enterprise key 'baogang'", null, bytes(payload),
				(site) -> site.id().equals(TestSites.KUNDULUN));

		assertThat(result.forbidden()).isTrue();
		assertThat(this.store.batches()).isEmpty();
	}

	@Test
	void takesReadingsATransportDecodedItselfWithItsRefusals() {
		Reading reading = this.parsedReading();
		ItemRejection refused = new ItemRejection(1, RejectionReason.UNKNOWN_KEY, "w01018: unknown factor code",
				"BT-KDL-01");

		IntakeResult result = this.pipeline.submitReadings(Transport.HJ212_TCP, "tcp:127.0.0.1:40000", List.of(reading),
				List.of(refused), "##0101QN=...PW=123456...");

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.rejections()).containsExactly(refused);
		assertThat(this.store.batches()).containsExactly(List.of(reading));
		assertThat(this.rejections.all()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY));
		assertThat(readings(Transport.HJ212_TCP, "accepted", "none")).isEqualTo(1);
		assertThat(readings(Transport.HJ212_TCP, "rejected", "UNKNOWN_KEY")).isEqualTo(1);
		assertThat(messages(Transport.HJ212_TCP, "partial")).isEqualTo(1);
	}

	private Reading parsedReading() {
		return new Reading(SiteId.of("BT-KDL-01"), Instant.parse("2026-01-15T00:00:00Z"), ReadingPeriod.SAMPLE,
				Map.of(Measurand.PM25, Measurement.normal(new BigDecimal("35"))));
	}

	@Test
	void returnsTheStoresFutureSoThatTheCallerCanWaitForDurability() {
		this.store.mode(InMemoryReadingStore.Mode.HOLD);

		IntakeResult result = submitMqtt(item("08:00", "35"));

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.durable()).isNotDone();
		this.store.completeHeld();
		assertThat(result.durable()).isCompleted();
	}

	@Test
	void reportsAStoreThatCannotMakeReadingsDurable() {
		this.store.mode(InMemoryReadingStore.Mode.FAIL);

		assertThat(submitMqtt(item("08:00", "35")).durable()).isCompletedExceptionally();
	}

	@Test
	void turnsAStoreThatThrowsIntoAFailedFuture() {
		ReadingStore broken = (readings) -> {
			throw new IllegalStateException("spool directory is gone");
		};

		IntakeResult result = pipeline(broken).submitJson(Transport.MQTT, TOPIC, TestSites.KUNDULUN,
				bytes(item("08:00", "35")), (site) -> true);

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(result.durable()).isCompletedExceptionally();
	}

	@Test
	void storesInCallOrder() {
		submitMqtt(item("08:00", "1"));
		submitMqtt(batch(item("08:01", "2"), item("08:02", "3")));
		submitMqtt(item("08:03", "4"));

		assertThat(this.store.readings()).extracting(ReadingPipelineTests::pm25).containsExactly(1, 2, 3, 4);
	}

	@Test
	void keepsARejectionThatATransportFoundBeforeParsing() {
		IntakeResult result = this.pipeline.reject(Transport.MQTT, "lantian/v1/readings/bad site", bytes("{}"),
				ItemRejection.ofPayload(RejectionReason.UNKNOWN_SITE, "topic names no valid site"));

		assertThat(result.accepted()).isZero();
		assertThat(result.durable()).isCompleted();
		assertThat(this.rejections.all()).extracting(Rejection::reason, Rejection::source)
			.containsExactly(tuple(RejectionReason.UNKNOWN_SITE, "lantian/v1/readings/bad site"));
		assertThat(messages(Transport.MQTT, "rejected")).isEqualTo(1);
		assertThat(readings(Transport.MQTT, "rejected", "UNKNOWN_SITE")).isEqualTo(1);
	}

	@Test
	void registersEveryCounterAtZeroWithADescription() {
		List<Meter> messages = this.meters.find("lantian.ingest.messages").meters().stream().toList();
		List<Meter> readings = this.meters.find("lantian.ingest.readings").meters().stream().toList();

		assertThat(messages).hasSize(Transport.values().length * 4);
		assertThat(readings).hasSize(Transport.values().length * (1 + RejectionReason.values().length));
		assertThat(this.meters.find("lantian.ingest.readings")
			.tags("transport", "hj212_tcp", "outcome", "rejected", "reason", "INVALID_POINT")
			.counter()).isNotNull();
		assertThat(messages).allSatisfy((meter) -> assertThat(meter.getId().getDescription()).isNotBlank());
		assertThat(readings).allSatisfy((meter) -> assertThat(meter.getId().getDescription()).isNotBlank());
		// a second pipeline on the same registry reuses the meters
		pipeline(this.store);
		assertThat(this.meters.find("lantian.ingest.messages").meters()).hasSize(messages.size());
	}

	private ReadingPipeline pipeline(ReadingStore store) {
		return new ReadingPipeline(new JsonReadingParser(TestSites.catalogue(), this.clock), store, this.rejections,
				this.meters, this.clock, this.events::add);
	}

	private IntakeResult submitMqtt(String payload) {
		return this.pipeline.submitJson(Transport.MQTT, TOPIC, TestSites.KUNDULUN, bytes(payload), (site) -> true);
	}

	private double messages(Transport transport, String outcome) {
		return this.meters.get("lantian.ingest.messages")
			.tags("transport", transport.tag(), "outcome", outcome)
			.counter()
			.count();
	}

	private double readings(Transport transport, String outcome, String reason) {
		return this.meters.get("lantian.ingest.readings")
			.tags("transport", transport.tag(), "outcome", outcome, "reason", reason)
			.counter()
			.count();
	}

	private static String item(String time, String pm25) {
		return item("BT-KDL-01", time, pm25);
	}

	private static String item(String site, String time, String pm25) {
		return "{\"site\": \"%s\", \"time\": \"2026-01-15T%s:00+08:00\", \"values\": {\"pm25\": %s}}".formatted(site,
				time, pm25);
	}

	private static String batch(String... items) {
		return "[" + String.join(",", items) + "]";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int pm25(Reading reading) {
		return reading.values().get(Measurand.PM25).value().intValue();
	}

}
