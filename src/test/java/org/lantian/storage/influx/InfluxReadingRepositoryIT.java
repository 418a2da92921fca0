package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.infra.InfluxdProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.storage.LatestValue;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.storage.influx.StorageTestData.AWKWARD;
import static org.lantian.storage.influx.StorageTestData.DONGHE;
import static org.lantian.storage.influx.StorageTestData.KUNDULUN;
import static org.lantian.storage.influx.StorageTestData.at;
import static org.lantian.storage.influx.StorageTestData.flagged;
import static org.lantian.storage.influx.StorageTestData.reading;
import static org.lantian.storage.influx.StorageTestData.sample;

/**
 * Reading back what the writer stored: latest values with their flags, raw series, and
 * means over hours and natural days of the reporting zone that leave out values not
 * flagged N.
 */
class InfluxReadingRepositoryIT {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Clock THREE_AM_ON_THE_16TH = Clock.fixed(at("2026-01-16T03:00:00+08:00"), SHANGHAI);

	private final InfluxdProcess influxd = LocalInfrastructure.shared().influxd();

	private final String database = LocalInfrastructure.newDatabaseName();

	@TempDir
	Path spoolDir;

	private InfluxHttp influx;

	private BatchingWriter writer;

	@BeforeEach
	void startWriter() {
		InfluxProperties properties = InfluxTestSupport.properties(this.influxd.url(), this.database);
		this.influx = new InfluxHttp(properties);
		this.writer = InfluxTestSupport.startWriter(properties, this.influx, InfluxTestSupport.spool(this.spoolDir),
				new InMemoryRejections(), new SimpleMeterRegistry());
	}

	@AfterEach
	void stopWriter() {
		this.writer.close();
		this.influx.close();
		this.influxd.dropDatabase(this.database);
	}

	@Test
	void answersTheNewestValueOfEveryMeasurandWithItsFlagTimeAndPeriod() throws Exception {
		store(sample(KUNDULUN, at("2026-01-16T00:30:00+08:00"), "pm25", "20", "so2", "5"),
				sample(KUNDULUN, at("2026-01-16T01:10:00+08:00"), "pm25", "35.2"),
				flagged(KUNDULUN, at("2026-01-16T01:20:00+08:00"), Measurand.PM25, "88", DataFlag.C),
				reading(KUNDULUN, at("2026-01-16T01:00:00+08:00"), ReadingPeriod.HOUR, "co", "1.2"),
				// outside the 7-day lookback
				sample(KUNDULUN, at("2026-01-01T00:00:00+08:00"), "no2", "40"),
				// another site
				sample(DONGHE, at("2026-01-16T02:00:00+08:00"), "pm25", "1", "o3", "2"));
		InfluxReadingRepository repository = repository(SHANGHAI, THREE_AM_ON_THE_16TH);

		Map<Measurand, LatestValue> latest = repository.latest(KUNDULUN);

		assertThat(latest).containsOnlyKeys(Measurand.PM25, Measurand.SO2, Measurand.CO);
		assertThat(latest.get(Measurand.PM25)).isEqualTo(new LatestValue(Measurand.PM25,
				at("2026-01-16T01:20:00+08:00"), ReadingPeriod.SAMPLE, new BigDecimal("88"), DataFlag.C));
		assertThat(latest.get(Measurand.SO2)).isEqualTo(new LatestValue(Measurand.SO2, at("2026-01-16T00:30:00+08:00"),
				ReadingPeriod.SAMPLE, new BigDecimal("5"), DataFlag.N));
		assertThat(latest.get(Measurand.CO)).isEqualTo(new LatestValue(Measurand.CO, at("2026-01-16T01:00:00+08:00"),
				ReadingPeriod.HOUR, new BigDecimal("1.2"), DataFlag.N));
		assertThat(repository.latest(StorageTestData.BAOGANG_STACK)).isEmpty();
	}

	@Test
	void answersRawValuesOfOnePeriodWithTheirFlagsInTheHalfOpenInterval() throws Exception {
		store(sample(KUNDULUN, at("2026-01-15T23:30:00+08:00"), "pm25", "10", "so2", "7"),
				flagged(KUNDULUN, at("2026-01-16T00:40:00+08:00"), Measurand.PM25, "99.9", DataFlag.D),
				sample(KUNDULUN, at("2026-01-16T01:00:00+08:00"), "pm25", "30"),
				reading(KUNDULUN, at("2026-01-16T00:00:00+08:00"), ReadingPeriod.HOUR, "pm25", "25"));
		SeriesQuery query = new SeriesQuery(KUNDULUN, at("2026-01-15T23:30:00+08:00"), at("2026-01-16T01:00:00+08:00"),
				List.of(Measurand.PM25, Measurand.SO2), Step.RAW, ReadingPeriod.SAMPLE);

		Map<Measurand, List<SeriesPoint>> series = repository(SHANGHAI, THREE_AM_ON_THE_16TH).series(query);

		Instant first = at("2026-01-15T23:30:00+08:00");
		Instant second = at("2026-01-16T00:40:00+08:00");
		assertThat(series.get(Measurand.PM25)).containsExactly(
				new SeriesPoint(first, first, new BigDecimal("10"), DataFlag.N, 1),
				new SeriesPoint(second, second, new BigDecimal("99.9"), DataFlag.D, 1));
		assertThat(series.get(Measurand.SO2))
			.containsExactly(new SeriesPoint(first, first, new BigDecimal("7"), DataFlag.N, 1));
	}

	@Test
	void averagesNormalValuesPerHourWithExplicitBucketStartsAndEnds() throws Exception {
		store(sample(KUNDULUN, at("2026-01-15T23:30:00+08:00"), "pm25", "10"),
				sample(KUNDULUN, at("2026-01-16T00:30:00+08:00"), "pm25", "20"),
				flagged(KUNDULUN, at("2026-01-16T00:40:00+08:00"), Measurand.PM25, "999", DataFlag.D),
				sample(KUNDULUN, at("2026-01-16T00:50:00+08:00"), "pm25", "25.5"),
				flagged(KUNDULUN, at("2026-01-16T01:10:00+08:00"), Measurand.PM25, "999", DataFlag.M),
				sample(KUNDULUN, at("2026-01-16T02:10:00+08:00"), "pm25", "30"));
		SeriesQuery query = new SeriesQuery(KUNDULUN, at("2026-01-15T23:00:00+08:00"), at("2026-01-16T03:00:00+08:00"),
				List.of(Measurand.PM25), Step.HOUR, ReadingPeriod.SAMPLE);

		List<SeriesPoint> hourly = repository(SHANGHAI, THREE_AM_ON_THE_16TH).series(query).get(Measurand.PM25);

		// 01:00-02:00 held only an M value: no bucket
		assertThat(hourly).containsExactly(
				new SeriesPoint(at("2026-01-15T23:00:00+08:00"), at("2026-01-16T00:00:00+08:00"), new BigDecimal("10"),
						null, 1),
				new SeriesPoint(at("2026-01-16T00:00:00+08:00"), at("2026-01-16T01:00:00+08:00"),
						new BigDecimal("22.75"), null, 2),
				new SeriesPoint(at("2026-01-16T02:00:00+08:00"), at("2026-01-16T03:00:00+08:00"), new BigDecimal("30"),
						null, 1));
	}

	@Test
	void averagesPerNaturalDayOfShanghaiNotOfUtc() throws Exception {
		// 23:30 on the 15th and 00:30 on the 16th in Shanghai are both on the 15th in UTC
		store(sample(KUNDULUN, at("2026-01-15T23:30:00+08:00"), "pm25", "10"),
				sample(KUNDULUN, at("2026-01-16T00:30:00+08:00"), "pm25", "20"),
				flagged(KUNDULUN, at("2026-01-16T00:40:00+08:00"), Measurand.PM25, "999", DataFlag.D),
				sample(KUNDULUN, at("2026-01-16T23:59:00+08:00"), "pm25", "30"));
		SeriesQuery query = new SeriesQuery(KUNDULUN, at("2026-01-15T00:00:00+08:00"), at("2026-01-17T00:00:00+08:00"),
				List.of(Measurand.PM25), Step.DAY, ReadingPeriod.SAMPLE);

		List<SeriesPoint> daily = repository(SHANGHAI, THREE_AM_ON_THE_16TH).series(query).get(Measurand.PM25);

		assertThat(daily).containsExactly(
				new SeriesPoint(at("2026-01-15T00:00:00+08:00"), at("2026-01-16T00:00:00+08:00"), new BigDecimal("10"),
						null, 1),
				new SeriesPoint(at("2026-01-16T00:00:00+08:00"), at("2026-01-17T00:00:00+08:00"), new BigDecimal("25"),
						null, 2));
	}

	@Test
	void endsTheDayOfADaylightSavingChangeAtTheNextLocalMidnight() throws Exception {
		// Europe/Berlin moves to summer time on 2026-03-29: that day has 23 hours
		store(sample(KUNDULUN, at("2026-03-28T23:30:00+01:00"), "pm25", "10"),
				sample(KUNDULUN, at("2026-03-29T23:30:00+02:00"), "pm25", "20"));
		SeriesQuery query = new SeriesQuery(KUNDULUN, at("2026-03-28T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"),
				List.of(Measurand.PM25), Step.DAY, ReadingPeriod.SAMPLE);

		List<SeriesPoint> daily = repository(ZoneId.of("Europe/Berlin"), THREE_AM_ON_THE_16TH).series(query)
			.get(Measurand.PM25);

		assertThat(daily).containsExactly(
				new SeriesPoint(at("2026-03-28T00:00:00+01:00"), at("2026-03-29T00:00:00+01:00"), new BigDecimal("10"),
						null, 1),
				new SeriesPoint(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"), new BigDecimal("20"),
						null, 1));
	}

	@Test
	void findsSitesWhoseTagsNeedEscaping() throws Exception {
		store(sample(AWKWARD, at("2026-01-16T01:00:00+08:00"), "pm25", "12.5"));

		assertThat(repository(SHANGHAI, THREE_AM_ON_THE_16TH).latest(AWKWARD).get(Measurand.PM25).value())
			.isEqualTo(new BigDecimal("12.5"));
	}

	private InfluxReadingRepository repository(ZoneId zone, Clock clock) {
		return new InfluxReadingRepository(this.influx, Duration.ofDays(7), zone, clock);
	}

	private void store(Reading... readings) throws Exception {
		this.writer.store(List.of(readings)).get(30, TimeUnit.SECONDS);
	}

}
