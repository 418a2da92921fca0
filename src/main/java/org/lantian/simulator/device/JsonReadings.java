package org.lantian.simulator.device;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;

/**
 * Writes a reading as the JSON of INTERFACES §3.1: {@code site}, {@code time} with its
 * offset, {@code values} by key, {@code flags} only for values that are not {@code N}
 * (absent means N), and {@code period} only for averaged values (absent means sample).
 * Statistics (min, max, corrected) have no place in that JSON and are left out. Not
 * thread-safe: it remembers the last time it formatted, which the readings of one tick
 * share.
 */
public final class JsonReadings {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final ZoneId zone;

	private @Nullable Instant lastTime;

	private String lastText = "";

	/**
	 * @param zone the zone whose offset the times carry, e.g. Asia/Shanghai
	 */
	public JsonReadings(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/** The JSON object of one reading. */
	public String encode(Reading reading) {
		StringBuilder json = new StringBuilder(64 + 24 * reading.values().size());
		json.append("{\"site\":");
		string(json, reading.site().value());
		json.append(",\"time\":");
		string(json, format(reading.time()));
		if (reading.period() != ReadingPeriod.SAMPLE) {
			json.append(",\"period\":");
			string(json, reading.period().key());
		}
		json.append(",\"values\":{");
		boolean first = true;
		boolean abnormal = false;
		for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, value.getKey().key());
			json.append(':').append(value.getValue().value().toPlainString());
			abnormal |= !value.getValue().flag().isNormal();
		}
		json.append('}');
		if (abnormal) {
			json.append(",\"flags\":{");
			first = true;
			for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
				if (value.getValue().flag().isNormal()) {
					continue;
				}
				if (!first) {
					json.append(',');
				}
				first = false;
				string(json, value.getKey().key());
				json.append(':');
				string(json, value.getValue().flag().name());
			}
			json.append('}');
		}
		return json.append('}').toString();
	}

	private String format(Instant time) {
		if (!time.equals(this.lastTime)) {
			this.lastText = TIME.format(time.atZone(this.zone).toOffsetDateTime());
			this.lastTime = time;
		}
		return this.lastText;
	}

	/**
	 * A JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped.
	 */
	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append("\\u%04x".formatted((int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

}
