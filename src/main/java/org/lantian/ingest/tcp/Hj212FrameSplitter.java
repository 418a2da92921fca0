package org.lantian.ingest.tcp;

import java.util.Arrays;

import org.lantian.ingest.RejectionReason;

/**
 * Splits one connection's byte stream into candidate HJ 212 frames, {@code ##} …
 * {@code \r\n} (表2), without judging their content. Bytes before a {@code ##} are skipped
 * silently (line noise, modem chatter). Refused without decoding, as
 * {@link Sink#malformed}:
 * <ul>
 * <li>a frame that ends with a bare {@code \n} (no {@code \r}): {@code BAD_FRAME}, the
 * bytes up to the {@code \n} are consumed;</li>
 * <li>a frame interrupted by a new {@code ##} (truncated sender, reconnect): the part
 * before it is {@code BAD_FRAME}, the new frame is read on;</li>
 * <li>a frame longer than the maximum: {@code OVERSIZED}, and everything up to the next
 * {@code ##} is discarded;</li>
 * <li>a frame the connection ends inside: {@code BAD_FRAME}, on {@link #finish}.</li>
 * </ul>
 * One instance per connection; not thread-safe.
 */
final class Hj212FrameSplitter {

	private static final byte HASH = '#';

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private final byte[] buffer;

	/** Bytes of the current frame in {@link #buffer}; 0 while looking for {@code ##}. */
	private int length;

	/** While looking for {@code ##}: the previous byte was {@code #}. */
	private boolean hashSeen;

	Hj212FrameSplitter(int maxFrameBytes) {
		if (maxFrameBytes < 12) {
			throw new IllegalArgumentException("maxFrameBytes must be at least 12: " + maxFrameBytes);
		}
		this.buffer = new byte[maxFrameBytes];
	}

	void feed(byte[] data, int offset, int count, Sink sink) {
		for (int i = offset; i < offset + count; i++) {
			accept(data[i], sink);
		}
	}

	/** The connection has ended: a frame begun but not ended is refused. */
	void finish(Sink sink) {
		if (this.length > 0) {
			sink.malformed(take(), RejectionReason.BAD_FRAME, "the connection ended inside a frame");
		}
		this.hashSeen = false;
	}

	private void accept(byte b, Sink sink) {
		if (this.length == 0) {
			if (b == HASH && this.hashSeen) {
				this.buffer[0] = HASH;
				this.buffer[1] = HASH;
				this.length = 2;
				this.hashSeen = false;
			}
			else {
				this.hashSeen = (b == HASH);
			}
			return;
		}
		if (b == HASH && this.length > 2 && this.buffer[this.length - 1] == HASH) {
			byte[] partial = Arrays.copyOf(this.buffer, this.length - 1);
			this.length = 2;
			sink.malformed(partial, RejectionReason.BAD_FRAME, "the frame was interrupted by a new '##' (truncated)");
			return;
		}
		if (this.length == this.buffer.length) {
			byte[] excerpt = take();
			sink.malformed(excerpt, RejectionReason.OVERSIZED,
					"the frame is longer than " + this.buffer.length + " bytes; discarded up to the next '##'");
			this.hashSeen = (b == HASH);
			return;
		}
		this.buffer[this.length++] = b;
		if (b == LF) {
			boolean crlf = this.length >= 2 && this.buffer[this.length - 2] == CR;
			byte[] frame = take();
			if (crlf) {
				sink.frame(frame);
			}
			else {
				sink.malformed(frame, RejectionReason.BAD_FRAME, "the frame ends with LF without CR");
			}
		}
	}

	private byte[] take() {
		byte[] taken = Arrays.copyOf(this.buffer, this.length);
		this.length = 0;
		return taken;
	}

	/**
	 * Receives what the splitter finds, in stream order.
	 */
	interface Sink {

		/** A complete candidate frame, {@code ##} to {@code \r\n} inclusive. */
		void frame(byte[] frame);

		/** Bytes that cannot be a frame, with the reason. */
		void malformed(byte[] bytes, RejectionReason reason, String detail);

	}

}
