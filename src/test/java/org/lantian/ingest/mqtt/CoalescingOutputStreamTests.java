package org.lantian.ingest.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

class CoalescingOutputStreamTests {

	@Test
	void sendsFlushedPacketsShortlyAndInOrder() throws IOException {
		ByteArrayOutputStream socket = new ByteArrayOutputStream();
		BufferedSocketFactory.CoalescingOutputStream out = new BufferedSocketFactory.CoalescingOutputStream(socket);
		out.write("ack1".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		out.write('|');
		out.write("ack2".getBytes(StandardCharsets.US_ASCII));
		out.flush();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(socket.toString(StandardCharsets.US_ASCII)).isEqualTo("ack1|ack2"));
		out.close();
	}

	@Test
	void closingSendsWhatIsBufferedAndRefusesMore() throws IOException {
		ByteArrayOutputStream socket = new ByteArrayOutputStream();
		BufferedSocketFactory.CoalescingOutputStream out = new BufferedSocketFactory.CoalescingOutputStream(socket);
		out.write("disconnect".getBytes(StandardCharsets.US_ASCII));

		out.close();

		assertThat(socket.toString(StandardCharsets.US_ASCII)).isEqualTo("disconnect");
		assertThatIOException().isThrownBy(() -> out.write(1)).withMessageContaining("closed");
	}

	@Test
	void writesLargerThanTheBufferGoStraightThroughAfterWhatWasBuffered() throws IOException {
		ByteArrayOutputStream socket = new ByteArrayOutputStream();
		BufferedSocketFactory.CoalescingOutputStream out = new BufferedSocketFactory.CoalescingOutputStream(socket);
		out.write('a');
		byte[] large = new byte[BufferedSocketFactory.BUFFER_SIZE + 1];
		java.util.Arrays.fill(large, (byte) 'b');
		out.write(large);

		assertThat(socket.size()).isEqualTo(large.length + 1);
		assertThat(socket.toByteArray()[0]).isEqualTo((byte) 'a');
		out.close();
	}

	@Test
	void aPacketWrittenWhilePahoIsInsideOneOfItsPacketsFollowsThatPacket() throws IOException {
		ByteArrayOutputStream socket = new ByteArrayOutputStream();
		BufferedSocketFactory.CoalescingOutputStream out = new BufferedSocketFactory.CoalescingOutputStream(socket);
		out.write("[head".getBytes(StandardCharsets.US_ASCII));
		out.writePacket("(ack1)".getBytes(StandardCharsets.US_ASCII));
		out.write("body]".getBytes(StandardCharsets.US_ASCII));
		out.writePacket("(ack2)".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		out.writePacket("(ack3)".getBytes(StandardCharsets.US_ASCII));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(socket.toString(StandardCharsets.US_ASCII))
				.isEqualTo("[headbody](ack1)(ack2)(ack3)"));
		out.close();
	}

	@Test
	void aPacketOnAClosedConnectionFails() {
		BufferedSocketFactory.CoalescingOutputStream out = new BufferedSocketFactory.CoalescingOutputStream(
				new ByteArrayOutputStream());
		out.close();

		assertThatIOException().isThrownBy(() -> out.writePacket(new byte[] { 0x40, 2, 0, 1 }));
	}

}
