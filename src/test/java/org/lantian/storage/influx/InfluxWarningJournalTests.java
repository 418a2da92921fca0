package org.lantian.storage.influx;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.DayAqi;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.ForecastDay;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxWarningJournalTests {

	@Test
	void aForecastIsOnePointPerDayStampedWithItsIssue() {
		Instant issued = Instant.parse("2026-01-15T00:00:00Z");
		String lines = InfluxWarningJournal.encode(new AqiForecast("包头市", issued,
				List.of(new ForecastDay(LocalDate.of(2026, 1, 15), 230, Optional.of(EpisodeDriver.PM25)),
						new ForecastDay(LocalDate.of(2026, 1, 16), 240))));

		assertThat(lines).isEqualTo("aqi_forecast,city=包头市,day=2026-01-15 aqi=230i,driver=\"pm25\" 1768435200000\n"
				+ "aqi_forecast,city=包头市,day=2026-01-16 aqi=240i 1768435200000\n");
	}

	@Test
	void evidenceReadsBackAsWritten() {
		List<DayAqi> days = List.of(
				new DayAqi(LocalDate.of(2026, 1, 15), 260, DayAqi.Source.OBSERVED, Optional.of(EpisodeDriver.PM25)),
				DayAqi.forecast(LocalDate.of(2026, 1, 16), 230), new DayAqi(LocalDate.of(2026, 1, 17), 180,
						DayAqi.Source.FORECAST, Optional.of(EpisodeDriver.SAND_DUST)));

		String text = InfluxWarningJournal.evidence(days);

		assertThat(text).isEqualTo("2026-01-15 260 O pm25;2026-01-16 230 F -;2026-01-17 180 F sandDust");
		assertThat(InfluxWarningJournal.evidence(text)).isEqualTo(days);
		assertThat(InfluxWarningJournal.evidence("")).isEmpty();
	}

}
