package org.lantian.simulator.device;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PendingUploadsTests {

	private static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

	@Test
	void sendsTheOldestUploadsOfTheWindowOnce() {
		PendingUploads pending = new PendingUploads(10, 2, Duration.ofSeconds(15));
		pending.add("1", "frame 1");
		pending.add("2", "frame 2");
		pending.add("3", "frame 3");

		assertThat(pending.due(T0)).containsExactly("frame 1", "frame 2");
		assertThat(pending.due(T0.plusSeconds(1))).isEmpty();
	}

	@Test
	void aReplyWithTheQnSettlesItsUploadAndSlidesTheWindow() {
		PendingUploads pending = new PendingUploads(10, 2, Duration.ofSeconds(15));
		pending.add("1", "frame 1");
		pending.add("2", "frame 2");
		pending.add("3", "frame 3");
		pending.due(T0);

		assertThat(pending.acknowledge("2")).isTrue();
		assertThat(pending.acknowledge("2")).as("a late duplicate reply").isFalse();
		assertThat(pending.acknowledge("9")).as("a QN never sent").isFalse();

		assertThat(pending.due(T0.plusSeconds(1))).containsExactly("frame 3");
		assertThat(pending.size()).isEqualTo(2);
	}

	@Test
	void anUnansweredUploadIsSentAgainAfterTheTimeout() {
		PendingUploads pending = new PendingUploads(10, 4, Duration.ofSeconds(15));
		pending.add("1", "frame 1");
		pending.due(T0);

		assertThat(pending.due(T0.plusSeconds(14))).isEmpty();
		assertThat(pending.nextDue()).isEqualTo(T0.plusSeconds(15));
		assertThat(pending.due(T0.plusSeconds(15))).containsExactly("frame 1");
		assertThat(pending.resent()).isEqualTo(1);
	}

	@Test
	void afterALostConnectionEverythingOnTheWireGoesAgain() {
		PendingUploads pending = new PendingUploads(10, 4, Duration.ofSeconds(15));
		pending.add("1", "frame 1");
		pending.add("2", "frame 2");
		pending.due(T0);
		pending.add("3", "frame 3");

		pending.connectionLost();

		assertThat(pending.due(T0.plusSeconds(1))).containsExactly("frame 1", "frame 2", "frame 3");
		assertThat(pending.resent()).isEqualTo(2);
	}

	@Test
	void aFullQueueDropsItsOldestUpload() {
		PendingUploads pending = new PendingUploads(2, 2, Duration.ofSeconds(15));
		assertThat(pending.add("1", "frame 1")).isNull();
		assertThat(pending.add("2", "frame 2")).isNull();

		assertThat(pending.add("3", "frame 3")).isEqualTo("1");

		assertThat(pending.dropped()).isEqualTo(1);
		assertThat(pending.due(T0)).containsExactly("frame 2", "frame 3");
	}

	@Test
	void refusesAQnAlreadyPending() {
		PendingUploads pending = new PendingUploads(2, 2, Duration.ofSeconds(15));
		pending.add("1", "frame 1");

		assertThatIllegalArgumentException().isThrownBy(() -> pending.add("1", "frame 1 again"));
	}

}
