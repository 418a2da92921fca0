package org.lantian.e2e;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * JSON payloads of INTERFACES §3.1 for end-to-end tests. Values follow from the sequence
 * number, so a test can say exactly what must be stored.
 */
final class TestPayloads {

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	/** Ambient sites of the bundled catalogue. */
	static final List<String> AMBIENT_SITES = List.of("BT-KDL-01", "BT-QS-01", "BT-DH-01", "BYNE-LH-01", "BYNE-WLTQ-01",
			"WH-HBW-01");

	private TestPayloads() {
	}

	static String iso(Instant time) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(CHINA));
	}

	/**
	 * An ambient reading whose PM2.5 is {@code n % 500 + 0.5} and whose CO flag is M
	 * every 10th reading.
	 */
	static String ambient(String site, Instant time, int n) {
		String coFlag = (n % 10 == 0) ? "M" : "N";
		return String.format(Locale.ROOT,
				"{\"site\":\"%s\",\"time\":\"%s\",\"values\":{\"pm25\":%s,\"pm10\":%d,\"so2\":12,\"no2\":45,"
						+ "\"co\":1.2,\"o3\":60},\"flags\":{\"co\":\"%s\"}}",
				site, iso(time), pm25(n), 100 + n % 300, coFlag);
	}

	static String pm25(int n) {
		return (n % 500) + ".5";
	}

}
