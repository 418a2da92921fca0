package org.lantian.domain.validity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid averages at each threshold of GB 3095-2026 表4 (GB 3095-2012 表4): 45/44 minutes,
 * 20/19 hours, 6/5 of 8 hours; HJ 663-2013 for the daily maximum 8-hour mean.
 */
class AveragesTests {

	private static final Instant DAY = Instant.parse("2026-03-01T16:00:00Z"); // 2026-03-02
																				// 00:00
																				// +08:00

	@ParameterizedTest(name = "{0} valid minutes → valid {1}")
	@CsvSource(textBlock = """
			# 表4 1小时平均: ≥ 45 minutes of sampling per hour
			60, true
			45, true
			44, false
			0,  false
			""")
	void needs45ValidMinutesForAnHourlyMean(int validMinutes, boolean valid) {
		List<Observation> minutes = new ArrayList<>();
		for (int m = 0; m < 60; m++) {
			DataFlag flag = (m < validMinutes) ? DataFlag.N : DataFlag.C;
			minutes.add(new Observation(DAY.plus(Duration.ofMinutes(m)), BigDecimal.valueOf(m), flag));
		}

		Average average = Averages.hourly(DAY, minutes);

		assertThat(average.isValid()).isEqualTo(valid);
		assertThat(average.count()).isEqualTo(validMinutes);
		if (valid) {
			// mean of 0 … n−1
			assertThat(average.validValue()).contains(new BigDecimal(validMinutes - 1).divide(new BigDecimal(2)));
		}
		else {
			assertThat(((Average.Insufficient) average).reason()).contains(validMinutes + " valid minutes of 60")
				.contains("表4");
		}
	}

	@Test
	void countsAMinuteOnceHoweverManySamplesItHoldsAndWeighsMinutesEqually() {
		List<Observation> samples = new ArrayList<>();
		// 44 minutes with one sample of 10, and one minute with three samples 40, 40, 100
		for (int m = 0; m < 44; m++) {
			samples.add(Observation.normal(DAY.plus(Duration.ofMinutes(m)).plusSeconds(30), "10"));
		}
		Instant last = DAY.plus(Duration.ofMinutes(59));
		samples.add(Observation.normal(last, "40"));
		samples.add(Observation.normal(last.plusSeconds(20), "40"));
		samples.add(Observation.normal(last.plusSeconds(40), "100"));
		// outside the hour: ignored
		samples.add(Observation.normal(DAY.minusSeconds(1), "9999"));
		samples.add(Observation.normal(DAY.plus(Duration.ofHours(1)), "9999"));

		Average average = Averages.hourly(DAY, samples);

		// (44·10 + 60) / 45 = 500 / 45 = 11.11…
		assertThat(average.count()).isEqualTo(45);
		assertThat(average.validValue().orElseThrow()).isEqualByComparingTo("11.11111111111111111111");
	}

	@Test
	void usesTheDeviceHourlyValueOnlyWhenNoFinerDataExist() {
		Observation reported = Observation.normal(DAY, "42.7");

		assertThat(Averages.hourly(DAY, List.of(), Optional.of(reported)))
			.isEqualTo(new Average.Valid(new BigDecimal("42.7"), 0));
		assertThat(Averages.hourly(DAY, List.of(Observation.normal(DAY, "10")), Optional.of(reported)).isValid())
			.isFalse();
		assertThat(Averages.hourly(DAY, List.of(), Optional.of(new Observation(DAY, BigDecimal.ONE, DataFlag.M)))
			.isValid()).isFalse();
		assertThat(Averages.daily(DAY, List.of(), Optional.of(Observation.normal(DAY, "35"))).validValue())
			.contains(new BigDecimal("35"));
	}

	@ParameterizedTest(name = "{0} valid hours → valid {1}")
	@CsvSource(textBlock = """
			# 表4 日平均: ≥ 20 hourly means per natural day
			24, true
			20, true
			19, false
			""")
	void needs20ValidHoursForADailyMean(int validHours, boolean valid) {
		Average average = Averages.daily(DAY, hours(DAY, validHours, 24, "75"));

		assertThat(average.isValid()).isEqualTo(valid);
		assertThat(average.count()).isEqualTo(validHours);
		assertThat(average.validValue()).isEqualTo(valid ? Optional.of(new BigDecimal("75")) : Optional.empty());
	}

	@ParameterizedTest(name = "{0} valid hours → valid {1}")
	@CsvSource(textBlock = """
			# 表4 24小时平均 (the 2012 real-time report's 24 h moving mean): ≥ 20
			20, true
			19, false
			""")
	void needs20ValidHoursForA24HourMovingMean(int validHours, boolean valid) {
		Instant end = DAY.plus(Duration.ofHours(13));
		List<Observation> window = hours(end.minus(Duration.ofHours(24)), validHours, 24, "60");

		assertThat(Averages.moving24Hour(end, window).isValid()).isEqualTo(valid);
	}

	@ParameterizedTest(name = "{0} valid of 8 hours → valid {1}")
	@CsvSource(textBlock = """
			# 表4 8小时平均: ≥ 6 hourly means in each 8 hours
			8, true
			6, true
			5, false
			""")
	void needs6Of8HoursForAnEightHourMean(int validHours, boolean valid) {
		Instant end = DAY.plus(Duration.ofHours(15));
		Average average = Averages.eightHour(end, hours(end.minus(Duration.ofHours(8)), validHours, 8, "160"));

		assertThat(average.isValid()).isEqualTo(valid);
		assertThat(average.count()).isEqualTo(validHours);
	}

	@Test
	void takesTheEightHourMeanOfTheHoursBeforeItsEnd() {
		Instant end = DAY.plus(Duration.ofHours(8));
		List<Observation> hours = new ArrayList<>();
		for (int h = 0; h < 9; h++) {
			hours.add(Observation.normal(DAY.plus(Duration.ofHours(h)), String.valueOf(10 * h)));
		}

		// hours 00:00 … 07:00: (0 + 10 + … + 70) / 8 = 35; the 08:00 hour belongs to the
		// next window
		assertThat(Averages.eightHour(end, hours).validValue()).contains(new BigDecimal("35"));
	}

	@Test
	void findsTheDailyMaximumEightHourMeanAmongWindowsEndingFrom0800To2400() {
		List<Observation> hours = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			hours.add(Observation.normal(DAY.plus(Duration.ofHours(h)), (h >= 12 && h < 20) ? "200" : "100"));
		}
		// yesterday's hours never enter the day's windows (HJ 663-2013 [M])
		hours.add(Observation.normal(DAY.minus(Duration.ofHours(1)), "900"));

		Average max = Averages.dailyMaxEightHour(DAY, hours);

		assertThat(max.validValue()).contains(new BigDecimal("200"));
		assertThat(max.count()).isEqualTo(17);
	}

	@ParameterizedTest(name = "{0} valid 8-hour means → valid {1}")
	@CsvSource(textBlock = """
			# HJ 663-2013 [M]: ≥ 14 of the 17 8-hour means. With hours 00:00 … n−1 valid, the window of
			# hours k … k+7 holds n − k of them, valid from 6 (表4): n − 5 valid windows
			21, 16, true
			19, 14, true
			18, 13, false
			""")
	void needs14ValidEightHourMeansForTheDailyMaximum(int validHours, int validWindows, boolean valid) {
		Average max = Averages.dailyMaxEightHour(DAY, hours(DAY, validHours, 24, "100"));

		assertThat(max.count()).isEqualTo(validWindows);
		assertThat(max.isValid()).isEqualTo(valid);
	}

	@Test
	void keepsADailyMaximumOfTooFewWindowsWhenItAlreadyExceedsTheLimit() {
		// HJ 663-2013 [M]: fewer than 14 valid 8-hour means, but 161 > 160 (grade II):
		// valid
		List<Observation> high = hours(DAY, 18, 24, "161");
		List<Observation> atLimit = hours(DAY, 18, 24, "160.5");

		assertThat(Averages.dailyMaxEightHour(DAY, high, new BigDecimal("160")).validValue())
			.contains(new BigDecimal("161"));
		// 160.5 rounds to 160 (GB/T 8170), not above the limit
		assertThat(Averages.dailyMaxEightHour(DAY, atLimit, new BigDecimal("160")).isValid()).isFalse();
	}

	@ParameterizedTest(name = "{0} valid hours → valid {1}")
	@CsvSource(textBlock = """
			20, true
			19, false
			""")
	void needs20ValidHoursForTheDailyMaximumHour(int validHours, boolean valid) {
		// [interpretation] 表4 has no row for the daily maximum hour; the 日平均 row applies
		List<Observation> hours = hours(DAY, validHours, 24, "100");
		hours.set(3, Observation.normal(DAY.plus(Duration.ofHours(3)), "300"));

		Average max = Averages.dailyMaxOneHour(DAY, hours);

		assertThat(max.count()).isEqualTo(validHours);
		assertThat(max.validValue()).isEqualTo(valid ? Optional.of(new BigDecimal("300")) : Optional.empty());
	}

	@Test
	void ignoresValuesNotFlaggedN() {
		List<Observation> hours = hours(DAY, 24, 24, "50");
		hours.replaceAll((o) -> o.at().equals(DAY) ? new Observation(DAY, new BigDecimal("9999"), DataFlag.D) : o);
		hours.add(new Observation(DAY.plus(Duration.ofHours(1)), new BigDecimal("9999"), DataFlag.T));

		Average average = Averages.daily(DAY, hours);

		assertThat(average.count()).isEqualTo(23);
		assertThat(average.validValue()).contains(new BigDecimal("50"));
	}

	/**
	 * {@code valid} hours flagged N from {@code start}, the rest of {@code slots} flagged
	 * F.
	 */
	private static List<Observation> hours(Instant start, int valid, int slots, String value) {
		List<Observation> hours = new ArrayList<>();
		for (int h = 0; h < slots; h++) {
			hours.add(new Observation(start.plus(Duration.ofHours(h)), new BigDecimal(value),
					(h < valid) ? DataFlag.N : DataFlag.F));
		}
		return hours;
	}

}
