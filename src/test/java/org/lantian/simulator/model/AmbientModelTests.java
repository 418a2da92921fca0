package org.lantian.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Reading;
import org.lantian.domain.SiteId;
import org.lantian.simulator.Plan;
import org.lantian.simulator.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;

class AmbientModelTests {

	private static final ZoneOffset LOCAL = ZoneOffset.ofHours(8);

	private static final Duration HOUR = Duration.ofHours(1);

	@Test
	void sameSeedGivesIdenticalReadingsInAnyOrder() {
		PointModel first = new AmbientModel(TestWorld.site("BT-KDL-01"), 42, List.of());
		PointModel second = new AmbientModel(TestWorld.site("BT-KDL-01"), 42, List.of());
		Instant t = Instant.parse("2025-01-10T03:17:30Z");
		Reading before = first.sample(t).orElseThrow();
		first.sample(t.plusSeconds(86400 * 40));
		assertThat(second.sample(t.minusSeconds(3600))).isPresent();
		assertThat(second.sample(t)).contains(before);
		assertThat(first.sample(t)).contains(before);
	}

	@Test
	void differentSeedsGiveDifferentReadings() {
		Instant from = Instant.parse("2025-01-10T00:00:00Z");
		List<Reading> one = Series.sample(new AmbientModel(TestWorld.site("BT-KDL-01"), 1, List.of()), from,
				from.plus(Duration.ofDays(1)), HOUR);
		List<Reading> two = Series.sample(new AmbientModel(TestWorld.site("BT-KDL-01"), 2, List.of()), from,
				from.plus(Duration.ofDays(1)), HOUR);
		assertThat(Series.values(one, Measurand.PM25)).isNotEqualTo(Series.values(two, Measurand.PM25));
	}

	@Test
	void winterEpisodeKeepsTheDailyMeanPm25Above150ForAtLeastThreeDaysAtABaotouStation() {
		Plan plan = TestWorld.scenario("winter-episode.yaml");
		PointModel kunqu = TestWorld.model(plan, "BT-KDL-01");
		int heavyDays = 0;
		double cleanest = Double.MAX_VALUE;
		for (int day = 0; day < 7; day++) {
			Instant from = LocalDate.of(2025, 1, 8).plusDays(day).atStartOfDay(LOCAL).toInstant();
			double mean = Series.mean(Series.values(
					Series.sample(kunqu, from, from.plus(Duration.ofDays(1)), Duration.ofMinutes(10)), Measurand.PM25));
			if (mean > 150) {
				heavyDays++;
			}
			cleanest = Math.min(cleanest, mean);
		}
		assertThat(heavyDays).isGreaterThanOrEqualTo(3);
		// before the build-up and after the wind the air is far cleaner
		assertThat(cleanest).isLessThan(110);
	}

	@Test
	void episodeClearsWithAStrongWind() {
		PointModel kunqu = TestWorld.model(TestWorld.scenario("winter-episode.yaml"), "BT-KDL-01");
		// the episode runs from 2025-01-08T12:00+08 for 6 days; its last 15 % is the
		// clearance
		Instant height = Instant.parse("2025-01-11T12:00:00+08:00");
		Instant clearing = Instant.parse("2025-01-14T09:00:00+08:00");
		assertThat(Series.value(kunqu.sample(height), Measurand.WIND_SPEED)).isLessThan(2);
		assertThat(Series.value(kunqu.sample(clearing), Measurand.WIND_SPEED)).isGreaterThan(5);
	}

	@Test
	void sandDustDayHasHighPm10AndALowPm25ToPm10Ratio() {
		PointModel linhe = TestWorld.model(TestWorld.scenario("sand-dust.yaml"), "BYNE-LH-01");
		Instant from = Instant.parse("2025-04-13T00:00:00+08:00");
		List<Reading> day = Series.sample(linhe, from, from.plus(Duration.ofDays(1)), Duration.ofMinutes(10));
		double pm10 = Series.mean(Series.values(day, Measurand.PM10));
		double pm25 = Series.mean(Series.values(day, Measurand.PM25));
		// GB 3095-2012 PM10 24 h grade II is 150 µg/m³; a sand-dust day is many times
		// that
		assertThat(pm10).isGreaterThan(1000);
		assertThat(pm25 / pm10).isLessThan(0.3);
		List<Reading> dayBefore = Series.sample(linhe, from.minus(Duration.ofDays(1)), from, Duration.ofMinutes(10));
		assertThat(Series.mean(Series.values(dayBefore, Measurand.PM10))).isLessThan(250);
	}

	@Test
	void summerOzonePeaksInTheAfternoonAndRunsAgainstNo2() {
		AmbientModel model = new AmbientModel(TestWorld.site("BT-KDL-01"), 7, List.of());
		Instant from = Instant.parse("2025-07-01T00:00:00+08:00");
		List<Reading> july = Series.sample(model, from, from.plus(Duration.ofDays(31)), HOUR);
		double[] o3 = Series.values(july, Measurand.O3);
		double[] no2 = Series.values(july, Measurand.NO2);
		double[] byHour = new double[24];
		for (int i = 0; i < o3.length; i++) {
			byHour[i % 24] += o3[i] / 31;
		}
		int peak = 0;
		for (int hour = 1; hour < 24; hour++) {
			if (byHour[hour] > byHour[peak]) {
				peak = hour;
			}
		}
		assertThat(peak).isBetween(13, 17);
		assertThat(byHour[peak]).isGreaterThan(3 * byHour[3]);
		assertThat(Series.pearson(o3, no2)).isLessThan(-0.3);
		double winterAfternoon = Series.value(model.sample(Instant.parse("2025-01-15T15:00:00+08:00")), Measurand.O3);
		assertThat(byHour[15]).isGreaterThan(winterAfternoon);
	}

	@Test
	void winterOzoneStaysLowAtNightAndModestInTheAfternoon() {
		// northern Chinese cities in winter: little photochemistry, NO titration at
		// night;
		// hourly O₃ of a few tens of µg/m³, well under the summer afternoon peaks
		AmbientModel model = new AmbientModel(TestWorld.site("BT-KDL-01"), 7, List.of());
		Instant from = Instant.parse("2025-11-15T00:00:00+08:00");
		double[] o3 = Series.values(Series.sample(model, from, from.plus(Duration.ofDays(31)), HOUR), Measurand.O3);
		double[] byHour = new double[24];
		for (int i = 0; i < o3.length; i++) {
			byHour[i % 24] += o3[i] / 31;
		}
		assertThat(byHour[19]).as("mean O3 at 19:00").isLessThan(60);
		assertThat(byHour[23]).as("mean O3 at 23:00").isLessThan(40);
		assertThat(byHour[15]).as("mean O3 at 15:00").isBetween(30.0, 100.0);
	}

	@Test
	void stationsOfOneCityCorrelateMoreThanStationsOfDifferentCities() {
		Instant from = Instant.parse("2025-01-01T00:00:00+08:00");
		Instant to = from.plus(Duration.ofDays(31));
		double[] kunqu = pm25(TestWorld.site("BT-KDL-01").id(), from, to);
		double[] qingshan = pm25(TestWorld.site("BT-QS-01").id(), from, to);
		double[] wuhai = pm25(TestWorld.site("WH-HBW-01").id(), from, to);
		double sameCity = Series.pearson(kunqu, qingshan);
		assertThat(sameCity).isGreaterThan(0.7);
		assertThat(Series.pearson(kunqu, wuhai)).isLessThan(sameCity - 0.1);
	}

	@Test
	void winterPm25HasMorningAndEveningPeaks() {
		AmbientModel model = new AmbientModel(TestWorld.site("HHHT-XC-01"), 3, List.of());
		Instant from = Instant.parse("2025-01-01T00:00:00+08:00");
		double[] pm25 = Series.values(Series.sample(model, from, from.plus(Duration.ofDays(31)), HOUR), Measurand.PM25);
		double[] byHour = new double[24];
		for (int i = 0; i < pm25.length; i++) {
			byHour[i % 24] += pm25[i] / 31;
		}
		assertThat(byHour[8]).isGreaterThan(byHour[5]).isGreaterThan(byHour[14]);
		assertThat(byHour[21]).isGreaterThan(byHour[14]);
	}

	@Test
	void reportsLikeAnInstrument() {
		Reading reading = new AmbientModel(TestWorld.site("BT-DH-01"), 5, List.of())
			.sample(Instant.parse("2025-03-03T10:00:30Z"))
			.orElseThrow();
		assertThat(reading.values()).containsOnlyKeys(Measurand.PM25, Measurand.PM10, Measurand.SO2, Measurand.NO2,
				Measurand.CO, Measurand.O3, Measurand.TEMP, Measurand.HUMIDITY, Measurand.WIND_SPEED,
				Measurand.WIND_DIR, Measurand.PRESSURE);
		assertThat(reading.values().get(Measurand.PM25).value().scale()).isZero();
		assertThat(reading.values().get(Measurand.CO).value().scale()).isEqualTo(3);
		assertThat(reading.values().get(Measurand.TEMP).value().scale()).isEqualTo(1);
		assertThat(reading.values().values()).allSatisfy((value) -> assertThat(value.flag()).isEqualTo(DataFlag.N));
		// a plateau city about 1,000 m up: station pressure near 89 kPa
		assertThat(reading.values().get(Measurand.PRESSURE).value().doubleValue()).isBetween(86.0, 92.0);
	}

	private static double[] pm25(SiteId id, Instant from, Instant to) {
		AmbientModel model = new AmbientModel(TestWorld.catalogue().find(id).orElseThrow(), 11, List.of());
		return Series.values(Series.sample(model, from, to, HOUR), Measurand.PM25);
	}

}
