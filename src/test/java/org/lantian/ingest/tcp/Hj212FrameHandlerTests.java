package org.lantian.ingest.tcp;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Hj212Access;
import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.infra.SettableClock;
import org.lantian.ingest.InMemoryReadingStore;
import org.lantian.ingest.InMemoryRejections;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.ingest.hj212.Hj212ReadingMapper;
import org.lantian.ingest.json.JsonReadingParser;
import org.lantian.ingest.pipeline.ReadingPipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The handler with in-memory store and dead letters: per-site conventions, split messages
 * and replies.
 */
class Hj212FrameHandlerTests {

	private static final String SOURCE = "tcp:127.0.0.1:40000";

	private static final Hj212Decoder.Options MODBUS = new Hj212Decoder.Options(false, 1024, Hj212Access.Crc.MODBUS);

	private final SettableClock clock = new SettableClock(Instant.parse("2026-01-15T00:30:00Z"));

	private final InMemoryReadingStore store = new InMemoryReadingStore();

	private final InMemoryRejections rejections = new InMemoryRejections();

	private final Hj212Encoder encoder = new Hj212Encoder();

	private final SiteCatalogue catalogue = SiteCatalogue
		.of(List.of(stack("S-STD", "STD001", new Hj212Access("STD001", "123456", Map.of())),
				stack("S-MODBUS", "MODBUS01",
						new Hj212Access("MODBUS01", "123456", Map.of(), Hj212Access.Crc.MODBUS, null)),
				stack("S-LEGACY", "LEGACY01",
						new Hj212Access("LEGACY01", "123456", Map.of(), Hj212Access.Crc.HJ212, true))));

	private final Hj212FrameHandler handler = new Hj212FrameHandler(new Hj212Decoder(), this.encoder,
			new Hj212ReadingMapper(ZoneId.of("Asia/Shanghai")), this.catalogue,
			new ReadingPipeline(new JsonReadingParser(this.catalogue, this.clock), this.store, this.rejections,
					new SimpleMeterRegistry(), this.clock, (event) -> {
					}),
			new SimpleMeterRegistry(), new Hj212Reassembly(32, 8, Duration.ofSeconds(60)), this.clock);

	@Test
	void aThreePacketMessageIsStoredOnceAndEachPacketAnswered() {
		List<Hj212FrameHandler.Handled> handled = new ArrayList<>();
		handled.add(receive(part("STD001", 1, "a21026-Avg=20.5,a21026-Flag=N")));
		handled.add(receive(part("STD001", 3, "a19001-Avg=16.3")));
		assertThat(this.store.readings()).isEmpty();
		// packets that leave the message unfinished are answered at once, stored later
		assertThat(handled).allSatisfy((h) -> {
			assertThat(h.replyDue()).isDone();
			assertThat(h.durable()).isNotDone();
		});
		handled.add(receive(part("STD001", 2, "a21002-Avg=35.1")));

		assertThat(this.store.batches()).singleElement()
			.satisfies((batch) -> assertThat(batch).singleElement()
				.satisfies((reading) -> assertThat(reading.values()).containsOnlyKeys(Measurand.SO2, Measurand.NOX,
						Measurand.O2)));
		assertThat(handled).allSatisfy((h) -> assertThat(h.durable()).isCompleted());
		// STANDARDS §3.12: with Flag=7 the platform answers 9014 for each part, with its
		// QN
		assertThat(handled).extracting((h) -> new Hj212Decoder().decode(h.reply()))
			.extracting(Hj212Frame::cn, Hj212Frame::qn)
			.containsExactly(tuple("9014", "20260115083000001"), tuple("9014", "20260115083000003"),
					tuple("9014", "20260115083000002"));
		assertThat(this.rejections.all()).isEmpty();
	}

	@Test
	void theLastPacketIsAnsweredOnlyOnceTheMessageIsDurable() {
		this.store.mode(InMemoryReadingStore.Mode.HOLD);
		receive(part("STD001", 1, "a21026-Avg=20.5"), 2);

		Hj212FrameHandler.Handled last = receive(part("STD001", 2, "a21002-Avg=35.1"), 2);

		assertThat(last.replyDue()).isNotDone();
		this.store.completeHeld();
		assertThat(last.replyDue()).isCompleted();
	}

	@Test
	void aMessageLeftUnfinishedGoesToTheDeadLettersAfterTheTimeout() {
		Hj212FrameHandler.Handled first = receive(part("STD001", 1, "a21026-Avg=20.5"));

		this.clock.advance(Duration.ofSeconds(59));
		this.handler.expireSplitMessages();
		assertThat(this.rejections.all()).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		this.handler.expireSplitMessages();

		assertThat(this.rejections.all()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.reason()).isEqualTo(RejectionReason.SPLIT_INCOMPLETE);
			assertThat(rejection.site()).isEqualTo("S-STD");
			assertThat(rejection.source()).isEqualTo(SOURCE);
		});
		// the MQTT message of the packet may be acknowledged: it is in the dead letters
		assertThat(first.durable()).isCompleted();
		assertThat(this.store.readings()).isEmpty();
	}

	@Test
	void aClosedConnectionRefusesItsUnfinishedMessages() {
		receive(part("STD001", 1, "a21026-Avg=20.5"));

		this.handler.closed(SOURCE);

		assertThat(this.rejections.all()).extracting(Rejection::reason)
			.containsExactly(RejectionReason.SPLIT_INCOMPLETE);
	}

	@Test
	void aModbusSiteRefusesTheHj212CrcAndTheOthersTheModbusCrc() {
		Hj212Frame modbusUpload = hourly("MODBUS01");
		Hj212Frame standardUpload = hourly("STD001");

		assertThat(receive(this.encoder.encode(modbusUpload)).reply()).isNull();
		assertThat(receive(this.encoder.encode(standardUpload, MODBUS)).reply()).isNull();
		assertThat(this.rejections.all()).extracting(Rejection::reason)
			.containsExactly(RejectionReason.BAD_CRC, RejectionReason.BAD_CRC);
		assertThat(this.store.readings()).isEmpty();

		Hj212FrameHandler.Handled accepted = receive(this.encoder.encode(modbusUpload, MODBUS));
		// the reply is in the device's own CRC
		assertThat(new Hj212Decoder().decode(accepted.reply(), MODBUS).cn()).isEqualTo("9014");
		assertThat(this.store.readings()).hasSize(1);
	}

	@Test
	void aLegacyLengthSiteIsCheckedWithThePlusSixRule() {
		Hj212Decoder.Options legacy = new Hj212Decoder.Options(true, 1024);

		receive(this.encoder.encode(hourly("LEGACY01")));
		assertThat(this.rejections.all()).extracting(Rejection::reason).containsExactly(RejectionReason.BAD_LENGTH);

		Hj212FrameHandler.Handled accepted = receive(this.encoder.encode(hourly("LEGACY01"), legacy));
		assertThat(new Hj212Decoder().decode(accepted.reply(), legacy).cn()).isEqualTo("9014");
		assertThat(this.store.readings()).hasSize(1);
	}

	@Test
	void anUnknownMnIsRefusedAsUnknownSite() {
		receive(this.encoder.encode(hourly("NOSUCHMN")));

		assertThat(this.rejections.all()).extracting(Rejection::reason).containsExactly(RejectionReason.UNKNOWN_SITE);
	}

	@Test
	void aTimeCalibrationRequestIsAnsweredWith9013() {
		// STANDARDS §3.12: 1013 (site → platform) is answered with 9013 通知应答
		Hj212Frame request = new Hj212Frame("20260115083000123", "31", "1013", "123456", "STD001", 5, null, null, "");

		Hj212FrameHandler.Handled handled = receive(this.encoder.encode(request));

		assertThat(new Hj212Decoder().decode(handled.reply()))
			.isEqualTo(new Hj212Frame("20260115083000123", "91", "9013", "123456", "STD001", 4, null, null, ""));
		assertThat(this.store.readings()).isEmpty();
	}

	@Test
	void refusalsBeforeAuthenticationAreReportedToTheConnection() {
		Hj212FrameHandler.Received bad = this.handler.receive(Transport.HJ212_TCP, SOURCE,
				bytes(this.encoder.encode(hourly("NOSUCHMN"))));
		Hj212FrameHandler.Received good = this.handler.receive(Transport.HJ212_TCP, SOURCE,
				bytes(this.encoder.encode(hourly("STD001"))));
		Hj212Frame wrongPw = new Hj212Frame("20260115083000000", "31", "2061", "654321", "STD001", 5, null, null,
				"DataTime=20260115070000;a21026-Avg=20.5");
		Hj212FrameHandler.Received refused = this.handler.receive(Transport.HJ212_TCP, SOURCE,
				bytes(this.encoder.encode(wrongPw)));

		assertThat(bad.refusal()).isEqualTo(RejectionReason.UNKNOWN_SITE);
		assertThat(good.refusal()).isNull();
		assertThat(refused.refusal()).isEqualTo(RejectionReason.BAD_PASSWORD);
	}

	private Hj212FrameHandler.Handled receive(Hj212Frame frame) {
		return receive(frame, 3);
	}

	private Hj212FrameHandler.Handled receive(Hj212Frame frame, int pnum) {
		Hj212Frame sent = (frame.pnum() != null && frame.pnum() != pnum) ? new Hj212Frame(frame.qn(), frame.st(),
				frame.cn(), frame.pw(), frame.mn(), frame.flag(), pnum, frame.pno(), frame.cp()) : frame;
		return receive(this.encoder.encode(sent));
	}

	private Hj212FrameHandler.Handled receive(String text) {
		return this.handler.handle(Transport.HJ212_TCP, SOURCE, bytes(text), null);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Part {@code pno} of a 3-packet 2051 message, Flag=7 (split, reply wanted). */
	private static Hj212Frame part(String mn, int pno, String factors) {
		return new Hj212Frame("2026011508300000" + pno, "31", "2051", "123456", mn, 7, 3, pno,
				"DataTime=20260115082000;" + factors);
	}

	private static Hj212Frame hourly(String mn) {
		return new Hj212Frame("20260115083000000", "31", "2061", "123456", mn, 5, null, null,
				"DataTime=20260115070000;a21026-Avg=20.5,a21026-Flag=N");
	}

	@Test
	void aCatalogueWithWrongUnitsIsRefusedAtStartNamingEveryMistake() {
		SiteCatalogue wrong = SiteCatalogue.of(List.of(
				stack("S-UNKNOWN-UNIT", "UNIT01", new Hj212Access("UNIT01", "123456", Map.of("a34013", "furlongs"))),
				stack("S-PERCENT-PM", "UNIT02", new Hj212Access("UNIT02", "123456", Map.of("a34013", "%"))),
				stack("S-GOOD", "UNIT03", new Hj212Access("UNIT03", "123456", Map.of("a34013", "ug/m3")))));

		assertThatIllegalStateException().isThrownBy(() -> Hj212TcpConfiguration.checkUnits(wrong))
			.withMessageContaining("site S-UNKNOWN-UNIT: hj212.units: a34013")
			.withMessageContaining("site S-PERCENT-PM: hj212.units: a34013 in %")
			.withMessageNotContaining("S-GOOD");
		Hj212TcpConfiguration.checkUnits(this.catalogue);
	}

	private static Site stack(String id, String mn, Hj212Access access) {
		return new Site(SiteId.of(id), "stack " + mn, SiteKind.STACK, "包头市", "昆都仑区", 40.65, 109.82, true,
				new Enterprise("E", "e"), "steel", "coal", new BigDecimal("16"), "steel-sintering", access);
	}

}
