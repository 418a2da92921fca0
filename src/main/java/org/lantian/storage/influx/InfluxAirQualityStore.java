package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.influxdb.dto.QueryResult;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.aqi.AirQualityIndex;
import org.lantian.domain.aqi.AqiCategory;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.aqi.AreaReports;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.Averages;
import org.lantian.domain.validity.Observation;
import org.lantian.domain.validity.ValidityRule;
import org.lantian.storage.AirQualityStore;
import org.lantian.storage.AmbientInputs;
import org.lantian.storage.StorageUnavailableException;

/**
 * The derived air-quality series in InfluxDB: measurements {@code aqi_hourly} (real-time
 * reports) and {@code aqi_daily}, tagged {@code scope} ({@code site} or {@code city}),
 * {@code area} (site id or city name) and {@code city}, stamped with the period's start.
 * <p>
 * Fields per indicator {@code k} (its key, e.g. {@code pm25_1h}, {@code o3_8h}):
 * {@code k} (the average, only when valid), {@code k_n} (how many minutes, hours or
 * 8-hour means it had) and {@code k_ok} (valid or not) — the last two are always written,
 * so a recomputed report that lost a value hides the old one; readers trust {@code k}
 * only where {@code k_ok} is true. Then, for dashboards, the AQI as published:
 * {@code aqi}, {@code level}, {@code category} (only when not NA), {@code published},
 * {@code primary} (indicator keys, comma-separated), {@code iaqi_k}, {@code standard} and
 * {@code valid}. Readers of this store rebuild the AQI from the averages with the same
 * calculator, so the two cannot disagree.
 */
final class InfluxAirQualityStore implements AirQualityStore {

	static final String HOURLY = "aqi_hourly";

	static final String DAILY = "aqi_daily";

	static final String SCOPE = "scope";

	static final String AREA = "area";

	static final List<Measurand> POLLUTANTS = AqiIndicator.pollutants();

	private final InfluxHttp influx;

	private final ZoneId zone;

	InfluxAirQualityStore(InfluxHttp influx, ZoneId zone) {
		this.influx = influx;
		this.zone = zone;
	}

	@Override
	public Map<SiteId, AmbientInputs> ambientInputs(@Nullable SiteId site, Instant from, Instant to) {
		List<QueryResult.Result> results = this.influx.query(InfluxQl.ambientInputs(POLLUTANTS, site, from, to));
		Map<SiteId, AmbientInputs> inputs = new LinkedHashMap<>();
		if (results.isEmpty()) {
			return inputs;
		}
		Map<SiteId, MinuteSums> minutes = new LinkedHashMap<>();
		for (QueryRow row : QueryRow.of(results.get(0))) {
			String id = row.tag(LineProtocol.SITE);
			String period = row.tag(LineProtocol.PERIOD);
			if (id == null || period == null) {
				continue;
			}
			SiteId siteId = new SiteId(id);
			AmbientInputs siteInputs = inputs.computeIfAbsent(siteId, (s) -> new AmbientInputs());
			String flags = row.text(LineProtocol.FLAGS);
			Instant time = row.time();
			for (Measurand pollutant : POLLUTANTS) {
				BigDecimal value = row.decimal(pollutant.key());
				if (value == null) {
					continue;
				}
				DataFlag flag = LineProtocol.flagOf(pollutant, flags);
				switch (period) {
					case "sample", "minute" -> {
						if (flag.isNormal()) {
							minutes.computeIfAbsent(siteId, (s) -> new MinuteSums()).add(pollutant, time, value);
						}
					}
					case "hour" -> siteInputs.addReportedHour(pollutant, new Observation(time, value, flag));
					case "day" -> siteInputs.addReportedDay(pollutant, new Observation(time, value, flag));
					default -> {
					}
				}
			}
		}
		minutes.forEach((siteId, sums) -> sums.addTo(inputs.get(siteId)));
		return inputs;
	}

	/**
	 * Sums of a station's normal values per pollutant and minute, turned into one
	 * observation per minute (the minute's mean, stamped with its start).
	 */
	private static final class MinuteSums {

		private final Map<Measurand, Map<Long, BigDecimal[]>> sums = new EnumMap<>(Measurand.class);

		void add(Measurand pollutant, Instant time, BigDecimal value) {
			long minute = Math.floorDiv(time.toEpochMilli(), 60_000L);
			BigDecimal[] sum = this.sums.computeIfAbsent(pollutant, (p) -> new LinkedHashMap<>())
				.computeIfAbsent(minute, (m) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			sum[0] = sum[0].add(value);
			sum[1] = sum[1].add(BigDecimal.ONE);
		}

		void addTo(AmbientInputs inputs) {
			this.sums.forEach((pollutant, byMinute) -> byMinute.forEach((minute, sum) -> {
				BigDecimal mean = (sum[1].intValue() == 1) ? sum[0]
						: sum[0].divide(sum[1], Averages.SCALE, RoundingMode.HALF_EVEN);
				inputs.addMinute(pollutant, new Observation(Instant.ofEpochMilli(minute * 60_000L), mean, DataFlag.N));
			}));
		}

	}

	@Override
	public void write(Collection<Reports> batch) {
		int size = batch.stream().mapToInt((r) -> r.reports().size()).sum();
		if (size == 0) {
			return;
		}
		StringBuilder lines = new StringBuilder(size * 600);
		for (Reports reports : batch) {
			for (AreaReport report : reports.reports()) {
				appendLine(lines, reports.area(), reports.city(), report);
			}
		}
		try {
			this.influx.write(lines.toString());
		}
		catch (InfluxWriteException ex) {
			throw new StorageUnavailableException("InfluxDB refused " + size + " AQI reports: " + ex.getMessage(), ex);
		}
	}

	static void appendLine(StringBuilder out, Area area, String city, AreaReport report) {
		AirQualityIndex index = report.index();
		out.append(LineProtocol.measurement((index.report() == AqiReport.DAILY) ? DAILY : HOURLY))
			.append(',')
			.append(AREA)
			.append('=')
			.append(LineProtocol.key(area.name()))
			.append(",city=")
			.append(LineProtocol.key(city))
			.append(',')
			.append(SCOPE)
			.append('=')
			.append(area.scope().key())
			.append(' ');
		report.averages().forEach((indicator, average) -> {
			String key = indicator.key();
			Optional<BigDecimal> value = average.validValue();
			value.ifPresent((v) -> out.append(key).append('=').append(v.toPlainString()).append(','));
			out.append(key).append("_n=").append(count(average)).append("i,");
			out.append(key).append("_ok=").append(value.isPresent()).append(',');
		});
		index.iaqi()
			.forEach((indicator,
					iaqi) -> out.append("iaqi_").append(indicator.key()).append('=').append(iaqi).append("i,"));
		if (index.aqi().isPresent()) {
			AqiCategory category = index.category().get();
			out.append("aqi=")
				.append(index.aqi().getAsInt())
				.append("i,level=")
				.append(category.level())
				.append("i,category=")
				.append(LineProtocol.stringField(category.chineseName()))
				.append(',');
		}
		out.append("published=").append(index.aqi().isPresent()).append(',');
		out.append("primary=")
			.append(LineProtocol.stringField(
					index.primaryPollutants().stream().map(AqiIndicator::key).collect(Collectors.joining(","))))
			.append(',');
		out.append("standard=").append(LineProtocol.stringField(index.standard().label())).append(',');
		out.append("valid=").append(report.valid());
		out.append(' ').append(report.start().toEpochMilli()).append('\n');
	}

	private static int count(Average average) {
		if (average instanceof Average.Valid valid) {
			return valid.count();
		}
		return ((Average.Insufficient) average).count();
	}

	@Override
	public Map<Area, List<AreaReport>> reports(Collection<Area> areas, AqiReport report, Instant from, Instant to) {
		Map<Area, List<AreaReport>> reports = new LinkedHashMap<>();
		for (Area area : areas) {
			reports.put(area, new ArrayList<>());
		}
		if (areas.isEmpty()) {
			return reports;
		}
		String measurement = (report == AqiReport.DAILY) ? DAILY : HOURLY;
		List<QueryResult.Result> results = this.influx.query(InfluxQl.areaReports(measurement, areas, from, to));
		for (QueryRow row : QueryRow.of(results.get(0))) {
			String scope = row.tag(SCOPE);
			String name = row.tag(AREA);
			if (scope == null || name == null) {
				continue;
			}
			Area area = new Area(Area.Scope.CITY.key().equals(scope) ? Area.Scope.CITY : Area.Scope.STATION, name);
			List<AreaReport> list = reports.get(area);
			if (list != null) {
				list.add(read(row, report));
			}
		}
		return reports;
	}

	private AreaReport read(QueryRow row, AqiReport report) {
		Instant start = row.time();
		Instant end = (report == AqiReport.DAILY) ? start.atZone(this.zone).plusDays(1).toInstant()
				: start.plusSeconds(3600);
		Map<AqiIndicator, Average> averages = new EnumMap<>(AqiIndicator.class);
		for (AqiIndicator indicator : AqiIndicator.values()) {
			String key = indicator.key();
			BigDecimal count = row.decimal(key + "_n");
			if (count == null) {
				continue;
			}
			BigDecimal value = row.decimal(key);
			if (row.isTrue(key + "_ok") && value != null) {
				averages.put(indicator, new Average.Valid(value, count.intValueExact()));
			}
			else {
				ValidityRule rule = ruleOf(indicator, report);
				int n = Math.min(count.intValueExact(), rule.required() - 1);
				averages.put(indicator, new Average.Insufficient(n, rule, "stored as not valid"));
			}
		}
		return AreaReports.of(start, end, this.zone, report, averages);
	}

	/** The validity rule an indicator's average follows in a report. */
	static ValidityRule ruleOf(AqiIndicator indicator, AqiReport report) {
		boolean twentyFourHour = indicator.key().endsWith("_24h");
		if (report == AqiReport.DAILY) {
			return (indicator == AqiIndicator.O3_8H) ? ValidityRule.DAILY_MAX_EIGHT_HOUR : ValidityRule.DAILY;
		}
		if (indicator == AqiIndicator.O3_8H) {
			return ValidityRule.EIGHT_HOUR;
		}
		return twentyFourHour ? ValidityRule.MOVING_24_HOUR : ValidityRule.HOURLY;
	}

	@Override
	public Optional<Instant> newestStationReport(AqiReport report) {
		String measurement = (report == AqiReport.DAILY) ? DAILY : HOURLY;
		List<QueryResult.Result> results = this.influx.query(InfluxQl.newestStationReport(measurement));
		List<QueryRow> rows = QueryRow.of(results.get(0));
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).time());
	}

}
