package org.lantian.ingest.tcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.ingest.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212FrameSplitterTests {

	private final List<String> found = new ArrayList<>();

	private final Hj212FrameSplitter.Sink sink = new Hj212FrameSplitter.Sink() {

		@Override
		public void frame(byte[] frame) {
			Hj212FrameSplitterTests.this.found.add(text(frame));
		}

		@Override
		public void malformed(byte[] bytes, RejectionReason reason, String detail) {
			Hj212FrameSplitterTests.this.found.add(reason + ":" + text(bytes));
		}

	};

	@Test
	void splitsFramesAndSkipsGarbageBetweenThem() {
		feed(new Hj212FrameSplitter(64), "noise##0001a\r\n#x##0002bb\r\n");
		assertThat(this.found).containsExactly("##0001a\r\n", "##0002bb\r\n");
	}

	@Test
	void joinsAFrameSplitAcrossReadsByteByByte() {
		Hj212FrameSplitter splitter = new Hj212FrameSplitter(64);
		for (char c : "##0003abc\r\n".toCharArray()) {
			feed(splitter, String.valueOf(c));
		}
		assertThat(this.found).containsExactly("##0003abc\r\n");
	}

	@Test
	void refusesABareLineFeed() {
		feed(new Hj212FrameSplitter(64), "##0001a\n##0001b\r\n");
		assertThat(this.found).containsExactly(RejectionReason.BAD_FRAME + ":##0001a\n", "##0001b\r\n");
	}

	@Test
	void refusesATruncatedFrameAndReadsTheNextOne() {
		feed(new Hj212FrameSplitter(64), "##0009abc##0001b\r\n");
		assertThat(this.found).containsExactly(RejectionReason.BAD_FRAME + ":##0009abc", "##0001b\r\n");
	}

	@Test
	void refusesAnOversizedFrameAndDiscardsUpToTheNextHeader() {
		feed(new Hj212FrameSplitter(12), "##0020abcdefghijklmnopqrst\r\n##0001b\r\n");
		assertThat(this.found).containsExactly(RejectionReason.OVERSIZED + ":##0020abcdef", "##0001b\r\n");
	}

	@Test
	void refusesAFrameTheConnectionEndsInside() {
		Hj212FrameSplitter splitter = new Hj212FrameSplitter(64);
		feed(splitter, "##0001a\r\n##00");
		splitter.finish(this.sink);
		assertThat(this.found).containsExactly("##0001a\r\n", RejectionReason.BAD_FRAME + ":##00");
	}

	private void feed(Hj212FrameSplitter splitter, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		splitter.feed(bytes, 0, bytes.length, this.sink);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
