package org.lantian.storage.influx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.aqi.Area;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;

/**
 * Builds every InfluxQL statement Lantian sends; no other class writes query text.
 * Identifiers are double-quoted and string literals single-quoted, with the escapes the
 * InfluxQL scanner knows ({@code \\}, {@code \"}, {@code \'}, {@code \n}); times are
 * epoch milliseconds ({@code 1768435200000ms}).
 */
final class InfluxQl {

	private static final Instant SINCE_1992 = Instant.parse("1992-01-01T00:00:00Z");

	private InfluxQl() {
	}

	/** A double-quoted identifier (database, measurement, field or tag key). */
	static String identifier(String name) {
		return quote(name, '"');
	}

	/** A single-quoted string literal. */
	static String string(String value) {
		return quote(value, '\'');
	}

	private static String quote(String text, char quote) {
		StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\'', '"' -> {
					if (c == quote) {
						out.append('\\');
					}
					out.append(c);
				}
				default -> out.append(c);
			}
		}
		return out.append(quote).toString();
	}

	/** An absolute time as an epoch-millisecond literal. */
	static String time(Instant instant) {
		return instant.toEpochMilli() + "ms";
	}

	/**
	 * An absolute time as an RFC 3339 string literal, for people reading the query log.
	 */
	static String rfc3339(Instant instant) {
		return string(instant.toString());
	}

	/**
	 * A duration literal in the largest unit that divides it: {@code 1d}, {@code 16h},
	 * {@code 90s}, {@code 5ms}.
	 */
	static String duration(Duration duration) {
		if (duration.isNegative() || duration.toNanos() % 1_000_000 != 0) {
			throw new IllegalArgumentException("not a whole, non-negative number of milliseconds: " + duration);
		}
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0s";
		}
		long[] sizes = { 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L };
		String[] units = { "d", "h", "m", "s", "ms" };
		for (int i = 0; i < sizes.length; i++) {
			if (millis % sizes[i] == 0) {
				return (millis / sizes[i]) + units[i];
			}
		}
		throw new IllegalStateException("unreachable");
	}

	static String createDatabase(String database) {
		return "CREATE DATABASE " + identifier(database);
	}

	/**
	 * The newest value of one measurand at a site since an instant, with its flag and
	 * period: one row or none.
	 */
	static String latest(SiteId site, Measurand measurand, Instant since) {
		// the condition on the value keeps points that lack it out: every stored value
		// lies in the measurand's plausible range
		return "SELECT " + identifier(measurand.key()) + "," + identifier(LineProtocol.FLAGS) + ","
				+ identifier(LineProtocol.PERIOD) + " FROM " + identifier(LineProtocol.MEASUREMENT) + " WHERE "
				+ identifier(LineProtocol.SITE) + "=" + string(site.value()) + " AND " + identifier(measurand.key())
				+ " >= " + measurand.plausibleMin().toPlainString() + " AND time > " + time(since)
				+ " ORDER BY time DESC LIMIT 1";
	}

	/**
	 * One statement per measurand, each a {@link #latest} row, separated by semicolons.
	 */
	static String latest(SiteId site, List<Measurand> measurands, Instant since) {
		return measurands.stream().map((m) -> latest(site, m, since)).collect(Collectors.joining("; "));
	}

	/**
	 * Raw values and flags of the query's measurands and period in [from, to), in time
	 * order.
	 */
	static String raw(SeriesQuery query) {
		String fields = query.measurands().stream().map((m) -> identifier(m.key())).collect(Collectors.joining(","))
				+ "," + identifier(LineProtocol.FLAGS);
		return "SELECT " + fields + " FROM " + identifier(LineProtocol.MEASUREMENT) + " WHERE " + where(query);
	}

	/**
	 * Mean and count of one measurand's normal (N) values per bucket of the query's step,
	 * buckets aligned on the reporting zone, empty buckets left out. Each row's time is
	 * its bucket's start.
	 */
	static String meanAndCount(SeriesQuery query, Measurand measurand, ZoneId zone) {
		String field = identifier(measurand.key());
		return "SELECT mean(" + field + "),count(" + field + ") FROM " + identifier(LineProtocol.MEASUREMENT)
				+ " WHERE " + where(query) + " AND " + identifier(LineProtocol.FLAGS) + " !~ "
				+ LineProtocol.flaggedPattern(measurand) + " " + groupByTime(query.step(), zone) + " fill(none)"
				+ timeZone(zone);
	}

	/**
	 * One {@link #meanAndCount} statement per measurand of the query, separated by
	 * semicolons.
	 */
	static String meanAndCount(SeriesQuery query, ZoneId zone) {
		return query.measurands().stream().map((m) -> meanAndCount(query, m, zone)).collect(Collectors.joining("; "));
	}

	/**
	 * {@code GROUP BY time(step, offset)}. InfluxDB aligns buckets on the epoch (UTC);
	 * for a zone with a fixed offset (Asia/Shanghai, UTC+8, has had no daylight saving
	 * since 1991) the offset moves them onto the zone's midnights and hours: local
	 * midnight in Shanghai is 16:00 UTC, so days are {@code time(1d, 16h)}. Zones with
	 * daylight saving instead get the {@code tz()} clause, which lets InfluxDB find each
	 * local midnight.
	 */
	static String groupByTime(Step step, ZoneId zone) {
		if (step == Step.RAW) {
			throw new IllegalArgumentException("raw series are not grouped");
		}
		Duration width = step.width();
		if (!isFixedOffset(zone)) {
			return "GROUP BY time(" + duration(width) + ")";
		}
		long offsetSeconds = zone.getRules().getOffset(SINCE_1992).getTotalSeconds();
		long shift = Math.floorMod(-offsetSeconds, width.toSeconds());
		return "GROUP BY time(" + duration(width) + ((shift != 0) ? "," + duration(Duration.ofSeconds(shift)) : "")
				+ ")";
	}

	private static String timeZone(ZoneId zone) {
		return isFixedOffset(zone) ? "" : " tz(" + string(zone.getId()) + ")";
	}

	static boolean isFixedOffset(ZoneId zone) {
		return (zone instanceof ZoneOffset) || zone.getRules().isFixedOffset() || hasNoTransitionsSince1992(zone);
	}

	// Asia/Shanghai's rules know the daylight saving of 1986-1991, so isFixedOffset() is
	// false for it; what
	// matters for stored data is that its offset has not changed since.
	private static boolean hasNoTransitionsSince1992(ZoneId zone) {
		return zone.getRules().nextTransition(SINCE_1992) == null && zone.getRules().getTransitionRules().isEmpty();
	}

	/**
	 * What ambient stations reported in [from, to), for their hourly means: the values of
	 * the pollutants with their flags and period, per station, in time order (one scan;
	 * the flags are read by the caller, which is cheaper than a regular expression per
	 * point and statement in InfluxDB).
	 */
	static String ambientInputs(List<Measurand> pollutants, @Nullable SiteId site, Instant from, Instant to) {
		String fields = pollutants.stream().map((p) -> identifier(p.key())).collect(Collectors.joining(","));
		return "SELECT " + fields + "," + identifier(LineProtocol.FLAGS) + " FROM "
				+ identifier(LineProtocol.MEASUREMENT) + " WHERE " + identifier(LineProtocol.KIND) + "="
				+ string("ambient")
				+ ((site != null) ? " AND " + identifier(LineProtocol.SITE) + "=" + string(site.value()) : "")
				+ " AND time >= " + time(from) + " AND time < " + time(to) + " GROUP BY "
				+ identifier(LineProtocol.SITE) + "," + identifier(LineProtocol.PERIOD);
	}

	/** Every field of the stored reports of some areas in [from, to), per area. */
	static String areaReports(String measurement, Collection<Area> areas, Instant from, Instant to) {
		String which = areas.stream()
			.map((area) -> "(" + identifier(InfluxAirQualityStore.SCOPE) + "=" + string(area.scope().key()) + " AND "
					+ identifier(InfluxAirQualityStore.AREA) + "=" + string(area.name()) + ")")
			.collect(Collectors.joining(" OR "));
		return "SELECT * FROM " + identifier(measurement) + " WHERE (" + which + ") AND time >= " + time(from)
				+ " AND time < " + time(to) + " GROUP BY " + identifier(InfluxAirQualityStore.SCOPE) + ","
				+ identifier(InfluxAirQualityStore.AREA);
	}

	/** The newest stored station report: one row or none. */
	static String newestStationReport(String measurement) {
		return "SELECT \"valid\" FROM " + identifier(measurement) + " WHERE " + identifier(InfluxAirQualityStore.SCOPE)
				+ "=" + string(Area.Scope.STATION.key()) + " ORDER BY time DESC LIMIT 1";
	}

	/** The latest status of every alert: one row per alert, tagged {@code alert}. */
	static String alertStatuses(String measurement) {
		return "SELECT last(\"status\") AS \"status\" FROM " + identifier(measurement) + " GROUP BY "
				+ identifier("alert");
	}

	/** Every change of some alerts. */
	static String alertChanges(String measurement, Collection<String> ids) {
		String which = ids.stream()
			.map((id) -> identifier("alert") + "=" + string(id))
			.collect(Collectors.joining(" OR "));
		return "SELECT * FROM " + identifier(measurement) + " WHERE " + which;
	}

	/** Every change of the alerts raised in [from, to). */
	static String alertsRaisedBetween(String measurement, Instant from, Instant to) {
		return "SELECT * FROM " + identifier(measurement) + " WHERE " + identifier("raised_at") + " >= "
				+ from.toEpochMilli() + " AND " + identifier("raised_at") + " < " + to.toEpochMilli() + " AND time >= "
				+ time(from);
	}

	private static String where(SeriesQuery query) {
		return identifier(LineProtocol.SITE) + "=" + string(query.site().value()) + " AND "
				+ identifier(LineProtocol.PERIOD) + "=" + string(query.period().key()) + " AND time >= "
				+ time(query.from()) + " AND time < " + time(query.to());
	}

}
