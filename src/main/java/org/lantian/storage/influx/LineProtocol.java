package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.Statistic;

/**
 * Encodes readings as InfluxDB 1.x line protocol, one point per reading: <pre>
 * reading,city=包头市,kind=ambient,period=sample,site=BT-KDL-01 pm25=35.2,co=1.2,flags="co:M" 1768435200000
 * reading,city=包头市,kind=stack,period=hour,site=BT-STEEL-S1 so2=20.5,so2_zs=35.1,so2_min=18,so2_max=24.2,so2_cou=1.25,flags="" 1768435200000
 * </pre> A value's {@link Statistic}s follow it as float fields named by
 * {@link #statisticField}; the value's flag in {@code flags} covers them. Values are
 * written exactly as {@link java.math.BigDecimal#toPlainString()} gives them (InfluxDB
 * parses them as float64); timestamps are epoch milliseconds ({@code precision=ms}). Tags
 * are sorted by key, as InfluxDB prefers.
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
	 * The string field that lists the values whose HJ 212 data flag is not N, as
	 * {@code key:flag} pairs in measurand order: {@code flags="co:M,pm25:C"}; {@code ""}
	 * when every value is normal. One field instead of one per value halves the fields
	 * InfluxDB indexes per point (docs/benchmarks.md), and since it is always written, a
	 * reading sent again with corrected flags overwrites it.
	 */
	static final String FLAGS = "flags";

	/** Per measurand, its escaped field key followed by '='. */
	private static final String[] VALUE_KEYS = new String[Measurand.values().length];

	/**
	 * Per measurand and statistic, the escaped key of the statistic's field followed by
	 * '=' ({@link #statisticField}).
	 */
	private static final String[][] STATISTIC_KEYS = new String[Measurand.values().length][Statistic.values().length];

	static {
		for (Measurand measurand : Measurand.values()) {
			VALUE_KEYS[measurand.ordinal()] = key(measurand.key()) + "=";
			for (Statistic statistic : Statistic.values()) {
				STATISTIC_KEYS[measurand.ordinal()][statistic.ordinal()] = key(statisticField(measurand, statistic))
						+ "=";
			}
		}
	}

	private LineProtocol() {
	}

	/**
	 * The line of one reading of the given catalogue site, without a trailing newline.
	 */
	static String encode(Reading reading, Site site) {
		if (!site.id().equals(reading.site())) {
			throw new IllegalArgumentException("reading of " + reading.site() + " encoded with site " + site.id());
		}
		return encode(reading, seriesKey(site, reading.period()));
	}

	/**
	 * The line of one reading whose {@link #seriesKey series key} is known (the writer
	 * keeps them per site), without a trailing newline.
	 */
	static String encode(Reading reading, String seriesKey) {
		StringBuilder line = new StringBuilder(seriesKey.length() + 24 + 32 * reading.values().size());
		line.append(seriesKey);
		char separator = ' ';
		for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
			Measurement measurement = value.getValue();
			int measurand = value.getKey().ordinal();
			line.append(separator).append(VALUE_KEYS[measurand]).append(measurement.value().toPlainString());
			separator = ',';
			if (!measurement.statistics().isEmpty()) {
				for (Map.Entry<Statistic, BigDecimal> statistic : measurement.statistics().entrySet()) {
					line.append(',')
						.append(STATISTIC_KEYS[measurand][statistic.getKey().ordinal()])
						.append(statistic.getValue().toPlainString());
				}
			}
		}
		line.append(',').append(FLAGS).append("=\"");
		boolean first = true;
		for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
			DataFlag flag = value.getValue().flag();
			if (!flag.isNormal()) {
				line.append(first ? "" : ",").append(value.getKey().key()).append(':').append(flag.name());
				first = false;
			}
		}
		return line.append("\" ").append(reading.time().toEpochMilli()).toString();
	}

	/**
	 * The float field of a statistic reported beside a measurand's value: the measurand's
	 * key, an underscore and the statistic's key ({@code so2_zs}, {@code so2_min},
	 * {@code flow_cou}). No measurand key contains an underscore, so these never collide
	 * with a measurand's field, and queries that name measurand fields never see them.
	 */
	static String statisticField(Measurand measurand, Statistic statistic) {
		return measurand.key() + "_" + statistic.key();
	}

	/**
	 * The measurement and the tags of a site's readings of one period, escaped:
	 * {@code reading,city=…,kind=…,
	 * period=…,site=…} (tags sorted by key, as InfluxDB prefers).
	 */
	static String seriesKey(Site site, ReadingPeriod period) {
		StringBuilder key = new StringBuilder(96);
		appendMeasurement(key, MEASUREMENT);
		appendTag(key, CITY, site.city());
		appendTag(key, KIND, site.kind().key());
		appendTag(key, PERIOD, period.key());
		appendTag(key, SITE, site.id().value());
		return key.toString();
	}

	/**
	 * The flag of a measurand's value in a point, from the point's {@link #FLAGS} field:
	 * N unless listed.
	 */
	static DataFlag flagOf(Measurand measurand, @Nullable String flags) {
		if (flags == null || flags.isEmpty()) {
			return DataFlag.N;
		}
		String key = measurand.key();
		int at = 0;
		while (at < flags.length()) {
			int end = flags.indexOf(',', at);
			if (end < 0) {
				end = flags.length();
			}
			if (end - at == key.length() + 2 && flags.startsWith(key, at) && flags.charAt(at + key.length()) == ':') {
				return DataFlag.parse(flags.substring(end - 1, end));
			}
			at = end + 1;
		}
		return DataFlag.N;
	}

	/**
	 * An InfluxQL regular expression that matches a {@link #FLAGS} value listing the
	 * measurand, i.e. a point whose value of it is not normal.
	 */
	static String flaggedPattern(Measurand measurand) {
		return "/(^|,)" + measurand.key() + ":/";
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
