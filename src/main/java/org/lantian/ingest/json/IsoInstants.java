package org.lantian.ingest.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses an ISO-8601 date-time with an offset to an {@link Instant}, exactly as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, but without its general machinery
 * for the one shape devices send: {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)}. Anything
 * else, valid or not, goes to {@link OffsetDateTime#parse}, which decides and explains.
 * <p>
 * Why: the JDK's formatter was a fifth of the CPU the MQTT thread spent per reading (JFR,
 * bench/ingest-load); this path allocates nothing but the result.
 */
final class IsoInstants {

	private static final int SECONDS_PER_DAY = 86_400;

	private static final int MAX_OFFSET_HOURS = 18;

	private IsoInstants() {
	}

	/**
	 * The instant {@code text} names.
	 * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse}
	 * does, for text it refuses
	 */
	static Instant parse(String text) {
		Instant fast = fastParse(text);
		return (fast != null) ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
	}

	/**
	 * The instant, or {@code null} when the text is not of the common shape or invalid.
	 */
	static Instant fastParse(String text) {
		int length = text.length();
		// yyyy-MM-ddTHH:mm:ss is 19 characters, then at least 'Z'
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		int at = 19;
		int nanos = 0;
		if (text.charAt(at) == '.') {
			int start = ++at;
			while (at < length && isDigit(text.charAt(at))) {
				at++;
			}
			int count = at - start;
			if (count == 0 || count > 9) {
				return null;
			}
			nanos = digits(text, start, count);
			for (int i = count; i < 9; i++) {
				nanos *= 10;
			}
		}
		int offsetSeconds;
		if (at == length - 1 && text.charAt(at) == 'Z') {
			offsetSeconds = 0;
		}
		else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
			int offsetHours = digits(text, at + 1, 2);
			int offsetMinutes = digits(text, at + 4, 2);
			if ((offsetHours | offsetMinutes) < 0 || offsetMinutes > 59 || offsetHours > MAX_OFFSET_HOURS
					|| (offsetHours == MAX_OFFSET_HOURS && offsetMinutes > 0)) {
				return null;
			}
			offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60;
			if (text.charAt(at) == '-') {
				offsetSeconds = -offsetSeconds;
			}
		}
		else {
			return null;
		}
		long epochDay;
		try {
			// validates the day of the month, leap years included, as the STRICT resolver
			// does
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	/** The value of {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
