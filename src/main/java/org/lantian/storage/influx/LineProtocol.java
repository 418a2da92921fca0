package org.lantian.storage.influx;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;

/**
 * Encodes readings as InfluxDB 1.x line protocol, one point per reading: <pre>
 * reading,city=包头市,kind=ambient,period=sample,site=BT-KDL-01 pm25=35.2,pm25_flag="N" 1768435200000
 * </pre> Values are written exactly as {@link java.math.BigDecimal#toPlainString()} gives
 * them (InfluxDB parses them as float64); timestamps are epoch milliseconds
 * ({@code precision=ms}). Tags are sorted by key, as InfluxDB prefers.
 * <p>
 * Escaping follows the InfluxDB 1.x parser ({@code models/points.go}): commas and spaces
 * in measurement names; commas, equals signs and spaces in tag keys, tag values and field
 * keys; double quotes and backslashes in string field values. InfluxDB 1.x cannot carry a
 * line break in a key or tag value, nor a tag value that is empty or ends with a
 * backslash (the backslash would escape the delimiter after it), so those are refused
 * with an {@link IllegalArgumentException} instead of producing a point InfluxDB would
 * misread.
 */
final class LineProtocol {

	static final String MEASUREMENT = "reading";

	static final String CITY = "city";

	static final String KIND = "kind";

	static final String PERIOD = "period";

	static final String SITE = "site";

	/**
	 * Suffix of the string field that carries a value's HJ 212 data flag:
	 * {@code pm25_flag="N"}.
	 */
	static final String FLAG_SUFFIX = "_flag";

	private LineProtocol() {
	}

	/**
	 * The line of one reading of the given catalogue site, without a trailing newline.
	 */
	static String encode(Reading reading, Site site) {
		StringBuilder line = new StringBuilder(64 + 40 * reading.values().size());
		append(line, reading, site);
		return line.toString();
	}

	static void append(StringBuilder line, Reading reading, Site site) {
		if (!site.id().equals(reading.site())) {
			throw new IllegalArgumentException("reading of " + reading.site() + " encoded with site " + site.id());
		}
		appendMeasurement(line, MEASUREMENT);
		appendTag(line, CITY, site.city());
		appendTag(line, KIND, site.kind().key());
		appendTag(line, PERIOD, reading.period().key());
		appendTag(line, SITE, site.id().value());
		char separator = ' ';
		for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
			String key = value.getKey().key();
			line.append(separator);
			appendKey(line, key);
			line.append('=').append(value.getValue().value().toPlainString()).append(',');
			appendKey(line, key + FLAG_SUFFIX);
			line.append('=');
			appendStringField(line, value.getValue().flag().name());
			separator = ',';
		}
		line.append(' ').append(reading.time().toEpochMilli());
	}

	/** The field key of the data flag of a measurand. */
	static String flagField(Measurand measurand) {
		return measurand.key() + FLAG_SUFFIX;
	}

	/** A measurement name, escaped: commas and spaces. */
	static String measurement(String name) {
		StringBuilder out = new StringBuilder(name.length() + 4);
		appendMeasurement(out, name);
		return out.toString();
	}

	/** A tag key, tag value or field key, escaped: commas, equals signs and spaces. */
	static String key(String key) {
		StringBuilder out = new StringBuilder(key.length() + 4);
		appendKey(out, key);
		return out.toString();
	}

	/** A string field value, quoted and escaped: double quotes and backslashes. */
	static String stringField(String value) {
		StringBuilder out = new StringBuilder(value.length() + 4);
		appendStringField(out, value);
		return out.toString();
	}

	private static void appendStringField(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\');
			}
			out.append(c);
		}
		out.append('"');
	}

	private static void appendTag(StringBuilder line, String key, String value) {
		line.append(',');
		appendKey(line, key);
		line.append('=');
		appendKey(line, value);
	}

	private static void appendMeasurement(StringBuilder out, String name) {
		requireRepresentable(name, "measurement");
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == ',' || c == ' ') {
				out.append('\\');
			}
			out.append(c);
		}
	}

	private static void appendKey(StringBuilder out, String key) {
		requireRepresentable(key, "tag or field key/value");
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == ',' || c == '=' || c == ' ') {
				out.append('\\');
			}
			out.append(c);
		}
	}

	private static void requireRepresentable(String text, String what) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("empty " + what + " cannot be written to InfluxDB");
		}
		if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			throw new IllegalArgumentException(
					what + " with a line break cannot be written to InfluxDB: '" + printable(text) + "'");
		}
		if (text.charAt(text.length() - 1) == '\\') {
			throw new IllegalArgumentException(
					what + " ending in a backslash cannot be written to InfluxDB: '" + printable(text) + "'");
		}
	}

	private static String printable(String text) {
		String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
		return (oneLine.length() > 80) ? oneLine.substring(0, 80) + "…" : oneLine;
	}

	/**
	 * The measurement and tags of a line, unescaped the way InfluxDB 1.x reads them (a
	 * backslash escapes a following comma, equals sign or space; any other backslash is
	 * literal). The measurement is under the key {@code ""}. Used to name the site of a
	 * spooled point and to check our own escaping.
	 */
	static Map<String, String> tags(String line) {
		Map<String, String> tags = new LinkedHashMap<>();
		StringBuilder token = new StringBuilder();
		int i = readToken(line, 0, token, false);
		tags.put("", token.toString());
		while (i < line.length() && line.charAt(i) == ',') {
			token.setLength(0);
			i = readToken(line, i + 1, token, true);
			if (i >= line.length() || line.charAt(i) != '=') {
				throw new IllegalArgumentException("tag without value in: " + printable(line));
			}
			String key = token.toString();
			token.setLength(0);
			i = readToken(line, i + 1, token, false);
			tags.put(key, token.toString());
		}
		return tags;
	}

	/** The timestamp at the end of a line, in the line's precision. */
	static long timestamp(String line) {
		return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
	}

	private static int readToken(String line, int start, StringBuilder token, boolean stopAtEquals) {
		int i = start;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c == '\\' && i + 1 < line.length() && isEscapable(line.charAt(i + 1))) {
				token.append(line.charAt(i + 1));
				i += 2;
				continue;
			}
			if (c == ',' || c == ' ' || (stopAtEquals && c == '=')) {
				return i;
			}
			token.append(c);
			i++;
		}
		return i;
	}

	private static boolean isEscapable(char c) {
		return c == ',' || c == '=' || c == ' ';
	}

}
