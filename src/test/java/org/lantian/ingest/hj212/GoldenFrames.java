package org.lantian.ingest.hj212;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Golden HJ 212 frames from {@code src/test/resources/hj212/}, one per file.
 */
final class GoldenFrames {

	private GoldenFrames() {
	}

	/**
	 * The frame in the file, ending in CR LF. The files hold the frame up to its CRC plus
	 * a plain line end, because the repository normalises line ends
	 * ({@code .gitattributes} {@code eol=lf}); the HJ 212 trailer is restored here.
	 */
	static String frame(String name) {
		try (InputStream in = GoldenFrames.class.getResourceAsStream("/hj212/" + name)) {
			if (in == null) {
				throw new IllegalStateException("no golden frame " + name);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			while (text.endsWith("\n") || text.endsWith("\r")) {
				text = text.substring(0, text.length() - 1);
			}
			return text + "\r\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
