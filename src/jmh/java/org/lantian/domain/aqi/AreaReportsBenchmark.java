package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.Averages;
import org.lantian.domain.validity.Observation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of the AQI aggregation's pure part for one station: an hourly mean from 60
 * minutes ({@code hourlyMean}, per pollutant), a real-time report from 24 hours of means
 * ({@code realTimeReport}: one station-hour, all indicators with their moving means), and a
 * daily report ({@code dailyReport}: one station-day). {@code edition} picks a date under
 * HJ 633-2012 (with the 24-hour moving means) or HJ 633-2026. The storage round trips are
 * measured end to end, not here. Run: {@code bench/jmh AreaReportsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 1)
@Fork(1)
public class AreaReportsBenchmark {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Param({ "2012", "2026" })
	public String edition;

	private final HourlyMeans means = new HourlyMeans();

	private final List<Observation> minutes = new ArrayList<>();

	private Instant hour;

	private LocalDate day;

	@Setup
	public void prepare() {
		this.day = "2012".equals(this.edition) ? LocalDate.parse("2026-01-15") : LocalDate.parse("2026-06-15");
		Instant midnight = this.day.atStartOfDay(ZONE).toInstant();
		SplittableRandom random = new SplittableRandom(7);
		for (Measurand pollutant : List.of(Measurand.SO2, Measurand.NO2, Measurand.CO, Measurand.O3, Measurand.PM10,
				Measurand.PM25)) {
			for (int h = -24; h < 24; h++) {
				BigDecimal value = BigDecimal.valueOf(random.nextInt(10, 2000), 1);
				this.means.put(pollutant, midnight.plus(Duration.ofHours(h)), new Average.Valid(value, 60));
			}
		}
		this.hour = midnight.plus(Duration.ofHours(14));
		for (int m = 0; m < 60; m++) {
			this.minutes.add(new Observation(this.hour.plus(Duration.ofMinutes(m)),
					BigDecimal.valueOf(random.nextInt(10, 2000), 1), DataFlag.N));
		}
	}

	@Benchmark
	public Average hourlyMean() {
		return Averages.hourly(this.hour, this.minutes);
	}

	@Benchmark
	public AreaReport realTimeReport() {
		return AreaReports.hourly(this.hour, ZONE, this.means);
	}

	@Benchmark
	public AreaReport dailyReport() {
		return AreaReports.daily(this.day, ZONE, this.means, Map.of());
	}

}
