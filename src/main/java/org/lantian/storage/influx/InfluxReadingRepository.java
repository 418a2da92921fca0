package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxdb.dto.QueryResult;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.storage.LatestValue;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;

/**
 * Reads readings back from InfluxDB with InfluxQL, one request per call.
 * <ul>
 * <li>{@link #latest}: one
 * {@code SELECT "k","flags","period" ... WHERE "k" >= <min> ... ORDER BY time DESC LIMIT 1}
 * per measurand within the lookback, all in one request, so that each value comes with
 * its own flag and period (a {@code last()} per field would lose the flag).</li>
 * <li>{@link #series} with {@link Step#RAW}: the values and flags of the requested period
 * in [from, to).</li>
 * <li>{@link #series} with an aggregate step: per measurand, {@code mean} and
 * {@code count} of the values flagged {@code N} (those the point's {@code flags} field
 * does not list), grouped by buckets aligned on the reporting zone
 * ({@link InfluxQl#groupByTime}); empty buckets are left out. Each point carries its
 * bucket's start and (exclusive) end; the first bucket may start before
 * {@code from}.</li>
 * </ul>
 * Values come back from InfluxDB as float64 and are returned as the shortest decimal that
 * reads back to it, so a value written as {@code 35.2} reads as {@code 35.2}.
 */
final class InfluxReadingRepository implements ReadingRepository {

	private static final List<Measurand> ALL = Arrays.asList(Measurand.values());

	private final InfluxHttp influx;

	private final Duration lookback;

	private final ZoneId zone;

	private final Clock clock;

	InfluxReadingRepository(InfluxHttp influx, Duration lookback, ZoneId zone, Clock clock) {
		this.influx = influx;
		this.lookback = lookback;
		this.zone = zone;
		this.clock = clock;
	}

	@Override
	public Map<Measurand, LatestValue> latest(SiteId site) {
		Instant since = this.clock.instant().minus(this.lookback);
		List<QueryResult.Result> results = this.influx.query(InfluxQl.latest(site, ALL, since));
		Map<Measurand, LatestValue> latest = new EnumMap<>(Measurand.class);
		for (int i = 0; i < ALL.size() && i < results.size(); i++) {
			Measurand measurand = ALL.get(i);
			for (QueryRow row : rows(results.get(i))) {
				BigDecimal value = row.decimal(measurand.key());
				if (value != null) {
					latest.put(measurand, new LatestValue(measurand, row.time(), period(row.text(LineProtocol.PERIOD)),
							value, LineProtocol.flagOf(measurand, row.text(LineProtocol.FLAGS))));
				}
			}
		}
		return latest;
	}

	@Override
	public Map<Measurand, List<SeriesPoint>> series(SeriesQuery query) {
		return (query.step() == Step.RAW) ? raw(query) : aggregated(query);
	}

	private Map<Measurand, List<SeriesPoint>> raw(SeriesQuery query) {
		Map<Measurand, List<SeriesPoint>> series = emptySeries(query);
		List<QueryResult.Result> results = this.influx.query(InfluxQl.raw(query));
		if (results.isEmpty()) {
			return series;
		}
		for (QueryRow row : rows(results.get(0))) {
			for (Measurand measurand : query.measurands()) {
				BigDecimal value = row.decimal(measurand.key());
				if (value != null) {
					series.get(measurand)
						.add(new SeriesPoint(row.time(), row.time(), value,
								LineProtocol.flagOf(measurand, row.text(LineProtocol.FLAGS)), 1));
				}
			}
		}
		return series;
	}

	private Map<Measurand, List<SeriesPoint>> aggregated(SeriesQuery query) {
		Map<Measurand, List<SeriesPoint>> series = emptySeries(query);
		List<QueryResult.Result> results = this.influx.query(InfluxQl.meanAndCount(query, this.zone));
		for (int i = 0; i < query.measurands().size() && i < results.size(); i++) {
			List<SeriesPoint> points = series.get(query.measurands().get(i));
			for (QueryRow row : rows(results.get(i))) {
				BigDecimal mean = row.decimal("mean");
				BigDecimal count = row.decimal("count");
				Instant start = row.time();
				points.add(new SeriesPoint(start, end(start, query.step()), mean, null,
						(count != null) ? count.intValueExact() : 0));
			}
		}
		return series;
	}

	/**
	 * The exclusive end of the bucket that starts at {@code start}: the next local
	 * midnight for days.
	 */
	Instant end(Instant start, Step step) {
		if (step == Step.DAY) {
			return start.atZone(this.zone).plusDays(1).toInstant();
		}
		return start.plus(step.width());
	}

	private static Map<Measurand, List<SeriesPoint>> emptySeries(SeriesQuery query) {
		Map<Measurand, List<SeriesPoint>> series = new LinkedHashMap<>();
		for (Measurand measurand : query.measurands()) {
			series.put(measurand, new ArrayList<>());
		}
		return series;
	}

	private static ReadingPeriod period(@Nullable String key) {
		return (key != null) ? ReadingPeriod.fromKey(key) : ReadingPeriod.SAMPLE;
	}

	private static List<QueryRow> rows(QueryResult.Result result) {
		return QueryRow.of(result);
	}

}
