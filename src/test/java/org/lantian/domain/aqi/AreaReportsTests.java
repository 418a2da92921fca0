package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.ValidityRule;

import static org.assertj.core.api.Assertions.assertThat;

class AreaReportsTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final HourlyMeans means = new HourlyMeans();

	@Test
	void realTime2026IndexesPmFromItsOneHourValueOnTheDailyBreakpoints() {
		Instant hour = Instant.parse("2026-06-01T14:00:00+08:00");
		hours(Measurand.PM25, hour, 1, "90");
		hours(Measurand.PM10, hour, 1, "50");
		hours(Measurand.SO2, hour, 1, "10");
		hours(Measurand.NO2, hour, 1, "20");
		hours(Measurand.CO, hour, 1, "0.5");
		hours(Measurand.O3, hour, 1, "100");

		AreaReport report = AreaReports.hourly(hour, ZONE, this.means);

		// HJ 633-2026 §4.2.3 and 表3: PM2.5 1 h 90 on the 日平均 column (60 → 100, 115 →
		// 150):
		// 100 + 50 × 30 / 55 = 127.3, ceiling 128
		assertThat(report.index().standard()).isEqualTo(AqiStandard.HJ_633_2026);
		assertThat(report.index().iaqi()).containsEntry(AqiIndicator.PM25_1H, 128)
			.containsEntry(AqiIndicator.PM10_1H, 50)
			.containsEntry(AqiIndicator.SO2_1H, 4)
			.containsEntry(AqiIndicator.NO2_1H, 10)
			.containsEntry(AqiIndicator.CO_1H, 5)
			.containsEntry(AqiIndicator.O3_1H, 32);
		assertThat(report.index().aqi()).hasValue(128);
		assertThat(report.index().primaryPollutants()).containsExactly(AqiIndicator.PM25_1H);
		assertThat(report.valid()).isTrue();
		assertThat(report.start()).isEqualTo(hour);
		assertThat(report.end()).isEqualTo(hour.plus(Duration.ofHours(1)));
	}

	@Test
	void realTime2012IndexesPmFromTheTwentyFourHourMovingMean() {
		Instant hour = Instant.parse("2026-01-15T10:00:00+08:00");
		Instant first = hour.minus(Duration.ofHours(23));
		// 23 hours of 70 and this hour's 190: the 24-hour moving mean is 1800 / 24 = 75
		hours(Measurand.PM25, first, 23, "70");
		hours(Measurand.PM25, hour, 1, "190");
		hours(Measurand.PM10, first, 24, "100");
		hours(Measurand.SO2, first, 24, "10");
		hours(Measurand.NO2, first, 24, "20");
		hours(Measurand.CO, first, 24, "0.5");
		hours(Measurand.O3, first, 24, "100");

		AreaReport report = AreaReports.hourly(hour, ZONE, this.means);

		// HJ 633-2012 表4 实时报: the PM IAQI comes from the 24-hour moving mean; 表1: PM2.5
		// 75 →
		// 100, PM10 100 → 75; the 1-hour PM value is published without an IAQI
		assertThat(report.index().standard()).isEqualTo(AqiStandard.HJ_633_2012);
		assertThat(report.index().iaqi()).containsEntry(AqiIndicator.PM25_24H, 100)
			.containsEntry(AqiIndicator.PM10_24H, 75)
			.containsEntry(AqiIndicator.O3_8H, 50)
			.doesNotContainKey(AqiIndicator.PM25_1H);
		assertThat(report.index().concentrations()).containsEntry(AqiIndicator.PM25_1H, new BigDecimal("190"))
			.containsEntry(AqiIndicator.PM25_24H, new BigDecimal("75"));
		assertThat(report.index().aqi()).hasValue(100);
		assertThat(report.index().primaryPollutants()).containsExactly(AqiIndicator.PM25_24H);
		assertThat(report.valid()).isTrue();
	}

	@Test
	void aTwentyFourHourMovingMeanNeedsTwentyValidHours() {
		Instant hour = Instant.parse("2026-01-15T10:00:00+08:00");
		Instant first = hour.minus(Duration.ofHours(23));
		fillAllBut(Measurand.PM25, first);
		hours(Measurand.PM25, first, 20, "75");

		assertThat(AreaReports.hourly(hour, ZONE, this.means).averages().get(AqiIndicator.PM25_24H))
			.isInstanceOf(Average.Valid.class);

		// 19 valid of 24: GB 3095 表4 24小时平均 needs 20
		HourlyMeans fewer = new HourlyMeans();
		for (Measurand pollutant : new Measurand[] { Measurand.PM10, Measurand.SO2, Measurand.NO2, Measurand.CO,
				Measurand.O3 }) {
			for (int i = 0; i < 24; i++) {
				fewer.put(pollutant, first.plus(Duration.ofHours(i)), new BigDecimal("10"));
			}
		}
		for (int i = 0; i < 19; i++) {
			fewer.put(Measurand.PM25, first.plus(Duration.ofHours(i)), new BigDecimal("75"));
		}
		AreaReport report = AreaReports.hourly(hour, ZONE, fewer);
		assertThat(report.averages().get(AqiIndicator.PM25_24H)).isInstanceOfSatisfying(Average.Insufficient.class,
				(insufficient) -> {
					assertThat(insufficient.count()).isEqualTo(19);
					assertThat(insufficient.rule()).isEqualTo(ValidityRule.MOVING_24_HOUR);
				});
		assertThat(report.valid()).isFalse();
		assertThat(report.index().missing()).contains(AqiIndicator.PM25_24H);
		// HJ 633-2012: the AQI of the others is still published
		assertThat(report.index().aqi()).isPresent();
	}

	@Test
	void theHourItselfKeepsItsOwnReasonWhenInvalid() {
		Instant hour = Instant.parse("2026-06-01T14:00:00+08:00");
		this.means.put(Measurand.NO2, hour, new Average.Insufficient(44, ValidityRule.HOURLY, "44 of 45 minutes"));

		AreaReport report = AreaReports.hourly(hour, ZONE, this.means);

		assertThat(report.averages().get(AqiIndicator.NO2_1H)).isInstanceOfSatisfying(Average.Insufficient.class,
				(insufficient) -> assertThat(insufficient.count()).isEqualTo(44));
		assertThat(report.averages().get(AqiIndicator.SO2_1H)).isInstanceOfSatisfying(Average.Insufficient.class,
				(insufficient) -> assertThat(insufficient.count()).isZero());
		// HJ 633-2026 §5.3.1: with indicators missing and no IAQI above 100 the AQI is NA
		assertThat(report.index().aqi()).isEmpty();
		assertThat(report.valid()).isFalse();
	}

	@Test
	void daily2026NeedsTwentyValidHoursOfEachPollutant() {
		LocalDate day = LocalDate.parse("2026-06-01");
		Instant midnight = day.atStartOfDay(ZONE).toInstant();
		fillAllBut(Measurand.PM25, midnight);
		hours(Measurand.PM25, midnight, 20, "60");

		AreaReport report = AreaReports.daily(day, ZONE, this.means, Map.of());

		// GB 3095-2026 表4: 日平均 ≥ 20 hours; HJ 633-2026 表3: PM2.5 日平均 60 → 100
		assertThat(report.index().standard()).isEqualTo(AqiStandard.HJ_633_2026);
		assertThat(report.index().iaqi()).containsEntry(AqiIndicator.PM25_24H, 100);
		assertThat(report.index().aqi()).hasValue(100);
		assertThat(report.valid()).isTrue();
		assertThat(report.start()).isEqualTo(Instant.parse("2026-05-31T16:00:00Z"));
		assertThat(report.end()).isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));

		HourlyMeans fewer = new HourlyMeans();
		for (int i = 0; i < 19; i++) {
			fewer.put(Measurand.PM25, midnight.plus(Duration.ofHours(i)), new BigDecimal("60"));
		}
		AreaReport invalid = AreaReports.daily(day, ZONE, fewer, Map.of());
		assertThat(invalid.valid()).isFalse();
		// HJ 633-2026 §5.3.1: AQI 100 with indicators missing is not published
		assertThat(invalid.index().aqi()).isEmpty();
		assertThat(invalid.index().concentrations()).isEmpty();
	}

	@Test
	void daily2012IndexesTheDailyMaximumOneHourOzone() {
		LocalDate day = LocalDate.parse("2026-01-15");
		Instant midnight = day.atStartOfDay(ZONE).toInstant();
		fillAllBut(Measurand.O3, midnight);
		hours(Measurand.O3, midnight, 24, "100");
		this.means.put(Measurand.O3, midnight.plus(Duration.ofHours(14)), new BigDecimal("250"));

		AreaReport report = AreaReports.daily(day, ZONE, this.means, Map.of());

		// HJ 633-2012 表3 日报: O₃ 日最大1小时 250 → 100 + 50 × 50 / 100 = 125; the 8-hour
		// windows
		// holding the 250 have (7 × 100 + 250) / 8 = 118.75 → 119 → 50 + 50 × 19 / 60 =
		// 65.8 → 66
		assertThat(report.index().iaqi()).containsEntry(AqiIndicator.O3_1H, 125).containsEntry(AqiIndicator.O3_8H, 66);
		assertThat(report.index().aqi()).hasValue(125);
		assertThat(report.index().primaryPollutants()).containsExactly(AqiIndicator.O3_1H);
	}

	@Test
	void aDeviceReportedDailyValueStandsInWhenNoHourExists() {
		LocalDate day = LocalDate.parse("2026-06-01");
		Instant midnight = day.atStartOfDay(ZONE).toInstant();
		fillAllBut(Measurand.PM10, midnight);

		AreaReport report = AreaReports.daily(day, ZONE, this.means, Map.of(Measurand.PM10, new BigDecimal("120")));

		// HJ 633-2026 表3: PM10 日平均 120 → 100
		assertThat(report.index().iaqi()).containsEntry(AqiIndicator.PM10_24H, 100);
		assertThat(report.valid()).isTrue();
	}

	private void hours(Measurand pollutant, Instant first, int count, String value) {
		for (int i = 0; i < count; i++) {
			this.means.put(pollutant, first.plus(Duration.ofHours(i)), new BigDecimal(value));
		}
	}

	/** 24 low hours of every AQI pollutant but one. */
	private void fillAllBut(Measurand skipped, Instant first) {
		for (Measurand pollutant : new Measurand[] { Measurand.PM25, Measurand.PM10, Measurand.SO2, Measurand.NO2,
				Measurand.CO, Measurand.O3 }) {
			if (pollutant != skipped) {
				hours(pollutant, first, 24, (pollutant == Measurand.CO) ? "0.5" : "10");
			}
		}
	}

}
