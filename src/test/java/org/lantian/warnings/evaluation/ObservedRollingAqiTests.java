package org.lantian.warnings.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lantian.domain.aqi.AqiCalculator;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.AqiStandard;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.validity.Average;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.ObservedAqi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observed rolling 24-h AQI ("AQI日均值按连续24小时（可以跨自然日）的均值计算", STANDARDS §4.1–4.2) from
 * hourly city reports.
 */
class ObservedRollingAqiTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	// the last hour ends 2026-01-15 10:00 +08:00
	private static final Instant END = Instant.parse("2026-01-15T02:00:00Z");

	@Test
	void theMeanOfTwentyFourHoursIsTheDailyAqiOfTheMeans() {
		List<AreaReport> hours = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			hours.add(hour(END.minus(Duration.ofHours(24 - i)), (i < 12) ? 150 : 210));
		}

		Optional<ObservedAqi> observed = ObservedRollingAqi.of(hours, END.plusSeconds(600), ZONE);

		// (12 × 150 + 12 × 210) / 24 = 180 µg/m³ PM2.5 24-h mean
		int expected = AqiCalculator
			.calculate(AqiStandard.forPeriodStartingOn(LocalDate.of(2026, 1, 14)), AqiReport.DAILY,
					Map.of(AqiIndicator.PM25_24H, new BigDecimal("180")))
			.aqi()
			.getAsInt();
		assertThat(observed).hasValueSatisfying((o) -> {
			assertThat(o.aqi()).isEqualTo(expected).isGreaterThan(200);
			assertThat(o.date()).isEqualTo(LocalDate.of(2026, 1, 15));
			assertThat(o.end()).isEqualTo(END);
			assertThat(o.driver()).contains(EpisodeDriver.PM25);
		});
	}

	@Test
	void onlyTheLast24HoursCount() {
		List<AreaReport> hours = new ArrayList<>();
		for (int i = 0; i < 27; i++) {
			// three older hours at 500 µg/m³ must not enter the mean
			hours.add(hour(END.minus(Duration.ofHours(27 - i)), (i < 3) ? 500 : 180));
		}

		int expected = AqiCalculator
			.calculate(AqiStandard.forPeriodStartingOn(LocalDate.of(2026, 1, 14)), AqiReport.DAILY,
					Map.of(AqiIndicator.PM25_24H, new BigDecimal("180")))
			.aqi()
			.getAsInt();
		assertThat(ObservedRollingAqi.of(hours, END, ZONE)).map(ObservedAqi::aqi).contains(expected);
	}

	@Test
	void fewerThanTwentyValidHoursGiveNoObservation() {
		List<AreaReport> hours = new ArrayList<>();
		for (int i = 0; i < 19; i++) {
			hours.add(hour(END.minus(Duration.ofHours(19 - i)), 300));
		}

		assertThat(ObservedRollingAqi.of(hours, END, ZONE)).isEmpty();
	}

	@Test
	void aStaleNewestHourGivesNoObservation() {
		List<AreaReport> hours = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			hours.add(hour(END.minus(Duration.ofHours(24 - i)), 300));
		}

		assertThat(ObservedRollingAqi.of(hours, END.plus(Duration.ofHours(3)), ZONE)).isPresent();
		assertThat(ObservedRollingAqi.of(hours, END.plus(Duration.ofHours(3)).plusSeconds(1), ZONE)).isEmpty();
	}

	private static AreaReport hour(Instant start, int pm25) {
		Map<AqiIndicator, BigDecimal> concentrations = new EnumMap<>(AqiIndicator.class);
		concentrations.put(AqiIndicator.PM25_1H, BigDecimal.valueOf(pm25));
		Map<AqiIndicator, Average> averages = new EnumMap<>(AqiIndicator.class);
		averages.put(AqiIndicator.PM25_1H, new Average.Valid(BigDecimal.valueOf(pm25), 60));
		return new AreaReport(start, start.plus(Duration.ofHours(1)), averages,
				AqiCalculator.calculate(AqiStandard.HJ_633_2026, AqiReport.REAL_TIME, concentrations));
	}

}
