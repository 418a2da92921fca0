package org.lantian.charts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.lantian.airquality.AirQuality;
import org.lantian.airquality.CityScorecard;
import org.lantian.airquality.RecomputeJob;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertQuery;
import org.lantian.alerts.Alerts;
import org.lantian.charts.render.TrendChart;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.ambient.ZoneClass;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.storage.LatestValue;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which limit a chart draws and which values, with small fakes of the query interfaces.
 */
class StoredDataChartsTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Instant DAY = Instant.parse("2026-03-10T00:00:00+08:00");

	static final Site STATION = new Site(SiteId.of("BT-KDL-01"), "昆都仑区环境空气监测站", SiteKind.AMBIENT, "包头市", "昆都仑区", null,
			null, true, null, null, null, null, null, null);

	static final Site SINTER = new Site(SiteId.of("BT-STEEL-S1"), "包钢烧结机头烟囱", SiteKind.STACK, "包头市", "昆都仑区", null, null,
			true, new Enterprise("BT-STEEL", "包钢"), "steel", "coal", new BigDecimal("16"), "ultra-low-steel-sintering",
			null);

	final FakeReadings readings = new FakeReadings();

	final StoredDataCharts charts = new StoredDataCharts(this.readings, new NoAirQuality(), new NoAlerts(),
			SiteCatalogue.of(List.of(STATION, SINTER)), ZONE);

	@Test
	void hourlyPm25IsDrawnAgainstThe24HourLimitOfTheZoneClass() {
		// GB 3095-2026 表1 过渡阶段 (from 2026-03-01): PM2.5 24 h 35 (class I), 60 (class
		// II); no 1-hour limit
		TrendChart classTwo = this.charts.trend(STATION, Measurand.PM25, DAY, DAY.plus(Duration.ofDays(1)), Step.HOUR);
		assertThat(classTwo.limits()).singleElement().satisfies((segment) -> {
			assertThat(segment.value()).isEqualTo(60.0);
			assertThat(segment.from()).isEqualTo(DAY);
			assertThat(segment.to()).isEqualTo(DAY.plus(Duration.ofDays(1)));
		});
		assertThat(classTwo.limitLabel()).contains("24");
		TrendChart classOne = this.charts.trend(STATION.withZone(ZoneClass.CLASS_I), Measurand.PM25, DAY,
				DAY.plus(Duration.ofDays(1)), Step.HOUR);
		assertThat(classOne.limits()).singleElement()
			.satisfies((segment) -> assertThat(segment.value()).isEqualTo(35.0));
	}

	@Test
	void hourlySo2IsDrawnAgainstThe1HourLimit() {
		// GB 3095-2026 表1 过渡阶段: SO2 1 h 500 µg/m³ (class II)
		TrendChart chart = this.charts.trend(STATION, Measurand.SO2, DAY, DAY.plus(Duration.ofHours(6)), Step.HOUR);
		assertThat(chart.limits()).singleElement().satisfies((segment) -> assertThat(segment.value()).isEqualTo(500.0));
	}

	@Test
	void dailyPm10StepsFromThe2012ToThe2026TransitionLimitOnMarch1st() {
		// GB 3095-2012 表1 PM10 24 h 150; GB 3095-2026 表1 过渡阶段 120 (class II)
		Instant change = Instant.parse("2026-03-01T00:00:00+08:00");
		TrendChart chart = this.charts.trend(STATION, Measurand.PM10, change.minus(Duration.ofDays(3)),
				change.plus(Duration.ofDays(4)), Step.DAY);
		assertThat(chart.limits()).extracting(TrendChart.LimitSegment::value).containsExactly(150.0, 120.0);
		assertThat(chart.limits().get(0).to()).isEqualTo(change);
		assertThat(chart.limits().get(1).from()).isEqualTo(change);
	}

	@Test
	void dailyO3HasNoLimitLine() {
		// O3 limits are the daily maximum 8-hour and the 1-hour means (表1), not a daily
		// mean
		assertThat(this.charts.trend(STATION, Measurand.O3, DAY, DAY.plus(Duration.ofDays(2)), Step.DAY).limits())
			.isEmpty();
	}

	@Test
	void stackValuesAreCorrectedToTheReferenceO2WithTheHoursMeanO2() {
		// ρ = ρ′ × (21 − 16) / (21 − φ′) (STANDARDS §5.4): 30 at 18 % → 50; 30 at 16 % →
		// 30;
		// an hour without O2 is a gap; 30 at 19.5 % is refused by the 19 % guard
		Instant h1 = DAY.plus(Duration.ofHours(1));
		Instant h2 = DAY.plus(Duration.ofHours(2));
		Instant h3 = DAY.plus(Duration.ofHours(3));
		this.readings.hourly(Measurand.SO2, DAY, "30", h1, "30", h2, "30", h3, "30");
		this.readings.hourly(Measurand.O2, DAY, "18", h1, "16", h3, "19.5");

		TrendChart chart = this.charts.trend(SINTER, Measurand.SO2, DAY, DAY.plus(Duration.ofHours(4)), Step.HOUR);

		assertThat(chart.points()).extracting(TrendChart.Point::value)
			.containsExactly(50.0, 30.0, Double.NaN, Double.NaN);
		// 环大气〔2019〕35号 sinter machine head: SO2 35 mg/m³ at 16 % O2 (STANDARDS §5.3)
		assertThat(chart.limits()).singleElement().satisfies((segment) -> assertThat(segment.value()).isEqualTo(35.0));
	}

	static final class FakeReadings implements ReadingRepository {

		final Map<Measurand, List<SeriesPoint>> series = new HashMap<>();

		/** Hourly means: instant, value, instant, value … */
		void hourly(Measurand key, Object... pairs) {
			List<SeriesPoint> points = new ArrayList<>();
			for (int i = 0; i < pairs.length; i += 2) {
				Instant start = (Instant) pairs[i];
				points.add(new SeriesPoint(start, start.plus(Duration.ofHours(1)),
						new BigDecimal((String) pairs[i + 1]), null, 60));
			}
			this.series.put(key, points);
		}

		@Override
		public Map<Measurand, LatestValue> latest(SiteId site) {
			return Map.of();
		}

		@Override
		public Map<Measurand, List<SeriesPoint>> series(SeriesQuery query) {
			Map<Measurand, List<SeriesPoint>> answer = new HashMap<>();
			for (Measurand key : query.measurands()) {
				answer.put(key, this.series.getOrDefault(key, List.of()));
			}
			return answer;
		}

	}

	static final class NoAirQuality implements AirQuality {

		@Override
		public List<AreaReport> reports(Area area, AqiReport report, Instant from, Instant to) {
			return List.of();
		}

		@Override
		public RecomputeJob recompute(Instant from, Instant to, @Nullable SiteId site) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<RecomputeJob> job(String id) {
			return Optional.empty();
		}

		@Override
		public CityScorecard scorecard(String city, int year) {
			throw new UnsupportedOperationException();
		}

	}

	static final class NoAlerts implements Alerts {

		@Override
		public List<Alert> find(AlertQuery query) {
			return List.of();
		}

		@Override
		public Optional<Alert> find(String id) {
			return Optional.empty();
		}

		@Override
		public Alert acknowledge(String id, String by, @Nullable String comment) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Alert resolve(String id, String by, @Nullable String comment) {
			throw new UnsupportedOperationException();
		}

	}

}
