package org.lantian.ingest.tcp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;
import org.lantian.ingest.hj212.Hj212Frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Split messages (STANDARDS §3.3 Flag bit D, §3.12 表C.47–C.50): each part has its own QN
 * and CRC and repeats DataTime.
 */
class Hj212ReassemblyTests {

	private static final Instant T0 = Instant.parse("2026-01-15T00:10:00Z");

	private static final String SOURCE = "tcp:127.0.0.1:40000";

	private final Hj212Reassembly reassembly = new Hj212Reassembly(32, 2, Duration.ofSeconds(60));

	private final List<Hj212Reassembly.Abandoned> evicted = new ArrayList<>();

	@Test
	void putsThreePacketsTogetherInOrder() {
		assertThat(accept(part(3, 1, "a34004-Avg=135,a34004-Flag=N"), T0)).isInstanceOf(Hj212Reassembly.Held.class);
		assertThat(accept(part(3, 2, "a34002-Avg=180,a34002-Flag=N"), T0)).isInstanceOf(Hj212Reassembly.Held.class);
		Hj212Reassembly.Outcome last = accept(part(3, 3, "a21026-Avg=12"), T0.plusSeconds(5));

		assertThat(last).isInstanceOfSatisfying(Hj212Reassembly.Completed.class, (completed) -> {
			assertThat(completed.parts()).extracting((part) -> part.frame().pno()).containsExactly(1, 2, 3);
			Hj212Frame message = Hj212Reassembly.merge(completed.parts());
			// DataTime once, every factor; Flag 7 without D and A is 4; no PNUM/PNO
			assertThat(message).isEqualTo(new Hj212Frame("20260115081000001", "22", "2051", "123456", "NM1", 4, null,
					null, "DataTime=20260115080000;a34004-Avg=135,a34004-Flag=N;a34002-Avg=180,a34002-Flag=N;"
							+ "a21026-Avg=12"));
		});
		assertThat(this.reassembly.pending()).isZero();
	}

	@Test
	void putsPacketsTogetherInPnoOrderWhateverTheyArriveIn() {
		accept(part(3, 3, "a21026-Avg=12"), T0);
		accept(part(3, 1, "a34004-Avg=135"), T0);
		Hj212Reassembly.Outcome last = accept(part(3, 2, "a34002-Avg=180"), T0);

		assertThat(last).isInstanceOfSatisfying(Hj212Reassembly.Completed.class,
				(completed) -> assertThat(Hj212Reassembly.merge(completed.parts()).cp())
					.isEqualTo("DataTime=20260115080000;a34004-Avg=135;a34002-Avg=180;a21026-Avg=12"));
	}

	@Test
	void aPacketSentAgainUnchangedIsADuplicate() {
		Hj212Reassembly.Held held = (Hj212Reassembly.Held) accept(part(2, 1, "a34004-Avg=135"), T0);

		Hj212Reassembly.Outcome again = accept(part(2, 1, "a34004-Avg=135"), T0.plusSeconds(10));

		assertThat(again).isInstanceOfSatisfying(Hj212Reassembly.Duplicate.class,
				(duplicate) -> assertThat(duplicate.durable()).isSameAs(held.durable()));
		assertThat(accept(part(2, 2, "a34002-Avg=180"), T0)).isInstanceOf(Hj212Reassembly.Completed.class);
	}

	@Test
	void aPacketNumberSentTwiceWithOtherDataRefusesTheMessage() {
		accept(part(3, 1, "a34004-Avg=135"), T0);

		Hj212Reassembly.Outcome outcome = accept(part(3, 1, "a34004-Avg=136"), T0);

		assertThat(outcome).isInstanceOfSatisfying(Hj212Reassembly.Refused.class, (refused) -> {
			assertThat(refused.reason()).isEqualTo(RejectionReason.SPLIT_INCONSISTENT);
			assertThat(refused.detail()).isEqualTo(
					"split message MN=NM1 CN=2051 DataTime=20260115080000: PNO=1 came twice with different data areas");
			assertThat(refused.parts()).hasSize(2);
		});
		assertThat(this.reassembly.pending()).isZero();
	}

	@Test
	void aChangedPnumRefusesTheMessage() {
		accept(part(3, 1, "a34004-Avg=135"), T0);
		accept(part(3, 2, "a34002-Avg=180"), T0);

		Hj212Reassembly.Outcome outcome = accept(part(4, 3, "a21026-Avg=12"), T0);

		assertThat(outcome).isInstanceOfSatisfying(Hj212Reassembly.Refused.class, (refused) -> {
			assertThat(refused.reason()).isEqualTo(RejectionReason.SPLIT_INCONSISTENT);
			assertThat(refused.detail()).endsWith(": PNUM changed from 3 to 4 (PNO=3)");
			assertThat(refused.parts()).extracting((part) -> part.frame().pno()).containsExactly(1, 2, 3);
			assertThat(refused.durable()).isNotDone();
		});
		assertThat(this.reassembly.pending()).isZero();
	}

	@Test
	void aPnumOverTheMaximumIsRefused() {
		Hj212Reassembly small = new Hj212Reassembly(2, 2, Duration.ofSeconds(60));

		Hj212Reassembly.Outcome outcome = small.accept(Transport.HJ212_TCP, SOURCE, "S1", part(3, 1, "a34004-Avg=135"),
				"text", T0, this.evicted);

		assertThat(outcome).isInstanceOfSatisfying(Hj212Reassembly.Refused.class, (refused) -> {
			assertThat(refused.reason()).isEqualTo(RejectionReason.OVERSIZED);
			assertThat(refused.detail()).contains("PNUM=3 packets exceeds the maximum of 2");
		});
		assertThat(small.pending()).isZero();
	}

	@Test
	void aMessageMissingAPacketIsAbandonedWhenItsTimeRunsOut() {
		Hj212Reassembly.Held held = (Hj212Reassembly.Held) accept(part(3, 1, "a34004-Avg=135"), T0);
		accept(part(3, 3, "a21026-Avg=12"), T0.plusSeconds(30));

		assertThat(this.reassembly.expire(T0.plusSeconds(59))).isEmpty();
		List<Hj212Reassembly.Abandoned> expired = this.reassembly.expire(T0.plusSeconds(60));

		assertThat(expired).singleElement().satisfies((abandoned) -> {
			assertThat(abandoned.source()).isEqualTo(SOURCE);
			assertThat(abandoned.siteId()).isEqualTo("S1");
			assertThat(abandoned.parts()).hasSize(2);
			assertThat(abandoned.detail()).isEqualTo("split message MN=NM1 CN=2051 DataTime=20260115080000 with"
					+ " PNUM=3: not complete 60 s after its first packet (lantian.hj212.reassembly-timeout);"
					+ " packets received: PNO [1, 3]");
			assertThat(abandoned.durable()).isSameAs(held.durable());
		});
		assertThat(this.reassembly.pending()).isZero();
		// the missing packet arriving late starts a new message
		assertThat(accept(part(3, 2, "a34002-Avg=180"), T0.plusSeconds(61))).isInstanceOf(Hj212Reassembly.Held.class);
	}

	@Test
	void aClosedConnectionAbandonsItsMessagesOnly() {
		accept(part(2, 1, "a34004-Avg=135"), T0);
		this.reassembly.accept(Transport.HJ212_TCP, "tcp:127.0.0.1:40001", "S1", part(2, 1, "a34004-Avg=135"), "t", T0,
				this.evicted);

		assertThat(this.reassembly.close(SOURCE)).singleElement()
			.satisfies((abandoned) -> assertThat(abandoned.detail())
				.contains("the connection closed before the other packets arrived"));
		assertThat(this.reassembly.pending()).isOne();
		assertThat(this.reassembly.close(SOURCE)).isEmpty();
	}

	@Test
	void theOldestMessageOfASourceMakesRoomForANewOne() {
		accept(part(2, 1, "DataTime=20260115070000", "a34004-Avg=1"), T0);
		accept(part(2, 1, "DataTime=20260115071000", "a34004-Avg=2"), T0);

		accept(part(2, 1, "DataTime=20260115072000", "a34004-Avg=3"), T0);

		assertThat(this.evicted).singleElement()
			.satisfies((abandoned) -> assertThat(abandoned.detail()).contains("DataTime=20260115070000")
				.contains("more than 2 split messages pending from this source"));
		assertThat(this.reassembly.pending()).isEqualTo(2);
	}

	@Test
	void packetsAreGroupedByMnCnAndDataTimeNotByQn() {
		// §3.12: each part has its own QN
		accept(part(2, 1, "a34004-Avg=135"), T0);
		Hj212Frame second = new Hj212Frame("20260115081000999", "22", "2051", "123456", "NM1", 7, 2, 2,
				"DataTime=20260115080000;a34002-Avg=180");

		assertThat(accept(second, T0)).isInstanceOf(Hj212Reassembly.Completed.class);
		// another CN with the same DataTime is another message
		Hj212Frame hourly = new Hj212Frame("20260115081000002", "22", "2061", "123456", "NM1", 7, 2, 1,
				"DataTime=20260115080000;a34002-Avg=180");
		assertThat(accept(hourly, T0)).isInstanceOf(Hj212Reassembly.Held.class);
	}

	@Test
	void packetsThatContradictEachOtherCannotBeMerged() {
		List<Hj212Reassembly.Part> parts = List.of(
				new Hj212Reassembly.Part(part(2, 1, "a34004-Avg=135,a34004-Flag=N"), "1"),
				new Hj212Reassembly.Part(part(2, 2, "a34004-Avg=136"), "2"));

		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Reassembly.merge(parts))
			.withMessage("a34004-Avg is sent in more than one packet");
	}

	private Hj212Reassembly.Outcome accept(Hj212Frame frame, Instant now) {
		return this.reassembly.accept(Transport.HJ212_TCP, SOURCE, "S1", frame, "frame " + frame.pno(), now,
				this.evicted);
	}

	private static Hj212Frame part(int pnum, int pno, String factors) {
		return part(pnum, pno, "DataTime=20260115080000", factors);
	}

	private static Hj212Frame part(int pnum, int pno, String dataTime, String factors) {
		// Flag=7: HJ 212-2017, split, reply wanted (表3); a QN per part
		return new Hj212Frame("2026011508100000" + pno, "22", "2051", "123456", "NM1", 7, pnum, pno,
				dataTime + ";" + factors);
	}

}
