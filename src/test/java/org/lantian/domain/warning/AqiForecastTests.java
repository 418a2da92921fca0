package org.lantian.domain.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The forecast of INTERFACES §5.3 ({@code POST /api/v1/forecasts}) and the series graded
 * from it, with the observed rolling 24-h AQI as a second input.
 */
class AqiForecastTests {

	private static final Instant ISSUED = Instant.parse("2026-01-15T08:00:00Z");

	private static final LocalDate D = LocalDate.of(2026, 1, 16);

	@Test
	void keepsTheDaysInOrder() {
		AqiForecast forecast = new AqiForecast("包头市", ISSUED,
				List.of(new ForecastDay(D, 230), new ForecastDay(D.plusDays(1), 180)));

		assertThat(forecast.first().aqi()).isEqualTo(230);
		assertThat(forecast.last().date()).isEqualTo(D.plusDays(1));
	}

	@Test
	void acceptsTheWholeAqiRange() {
		assertThat(new ForecastDay(D, 0).aqi()).isZero();
		assertThat(new ForecastDay(D, 500).aqi()).isEqualTo(500);
	}

	@Test
	void namesTheFieldOfEachProblem() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ForecastDay(D, 501))
			.withMessage("aqi: 501 is outside the AQI range 0..500");
		assertThatIllegalArgumentException().isThrownBy(() -> new ForecastDay(D, -1))
			.withMessage("aqi: -1 is outside the AQI range 0..500");
		assertThatIllegalArgumentException().isThrownBy(() -> AqiForecast.checkDayAqi(2, 501))
			.withMessage("days[2].aqi: 501 is outside the AQI range 0..500");
		assertThatIllegalArgumentException().isThrownBy(() -> new AqiForecast(" ", ISSUED, days(D, 200)))
			.withMessage("city: blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new AqiForecast("包头市", ISSUED, List.of()))
			.withMessage("days: empty, a forecast needs at least one day");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AqiForecast("包头市", ISSUED,
					List.of(new ForecastDay(D, 200), new ForecastDay(D.plusDays(2), 210))))
			.withMessage(
					"days[1].date: 2026-01-18 does not follow days[0].date 2026-01-16 (dates must be consecutive)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AqiForecast("包头市", ISSUED,
					List.of(new ForecastDay(D, 200), new ForecastDay(D.plusDays(1), 210),
							new ForecastDay(D.plusDays(1), 220))))
			.withMessage(
					"days[2].date: 2026-01-17 repeats days[1].date 2026-01-17 (dates must be unique and in order)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AqiForecast("包头市", ISSUED,
					List.of(new ForecastDay(D, 200), new ForecastDay(D.minusDays(1), 210))))
			.withMessage(
					"days[1].date: 2026-01-15 comes before days[0].date 2026-01-16 (dates must be unique and in order)");
	}

	@Test
	void theSeriesStartsToday() {
		AqiForecast forecast = new AqiForecast("包头市", ISSUED, days(D, 150, 210, 220));

		AqiSeries series = AqiSeries.of(forecast, D.plusDays(1));

		assertThat(series.days()).extracting(DayAqi::aqi).containsExactly(210, 220);
		assertThat(series.forecastIssued()).contains(ISSUED);
		assertThat(series.forecastCoverage().toHours()).isEqualTo(48);
		assertThatIllegalArgumentException().isThrownBy(() -> AqiSeries.of(forecast, D.plusDays(3)))
			.withMessage("forecast of 包头市 ends 2026-01-18, before 2026-01-19: nothing left to grade");
	}

	@Test
	void anObservedAqiAbove200CountsAsTheFirstDayOfTheEpisode() {
		// the forecast alone has one day > 200: no 2019 warning; observed today 230 makes
		// two
		AqiForecast forecast = new AqiForecast("包头市", ISSUED, days(D, 150, 240, 180));
		ObservedAqi observed = new ObservedAqi(D, Instant.parse("2026-01-16T06:00:00Z"), 230,
				Optional.of(EpisodeDriver.PM25));

		AqiSeries forecastOnly = AqiSeries.of(forecast, D);
		AqiSeries withObservation = AqiSeries.of(forecast, D, Optional.of(observed));

		assertThat(WarningScheme.threeLevel2019().grade("包头市", forecastOnly).level()).isEqualTo(WarningLevel.NONE);
		Grading grading = WarningScheme.threeLevel2019().grade("包头市", withObservation);
		assertThat(grading.level()).isEqualTo(WarningLevel.YELLOW);
		assertThat(grading.evidence()).extracting(DayAqi::source)
			.containsExactly(DayAqi.Source.OBSERVED, DayAqi.Source.FORECAST);
		// the observed day replaced the forecast 150 of its date and is not forecast
		// coverage
		assertThat(withObservation.days()).extracting(DayAqi::aqi).containsExactly(230, 240, 180);
		assertThat(withObservation.forecastCoverage().toHours()).isEqualTo(48);
	}

	@Test
	void anObservationBelowTheThresholdBreaksAForecastRun() {
		AqiForecast forecast = new AqiForecast("包头市", ISSUED, days(D, 230, 240));
		ObservedAqi observed = new ObservedAqi(D, Instant.parse("2026-01-16T06:00:00Z"), 160, Optional.empty());

		Grading grading = WarningScheme.threeLevel2019().grade("包头市", AqiSeries.of(forecast, D, Optional.of(observed)));

		assertThat(grading.level()).isEqualTo(WarningLevel.NONE);
	}

	@Test
	void theDriverIsThatOfTheWorstEvidenceDayAndPm25WhenNoneIsStated() {
		AqiSeries dust = new AqiSeries(
				List.of(new DayAqi(D, 260, DayAqi.Source.FORECAST, Optional.of(EpisodeDriver.PM25)),
						new DayAqi(D.plusDays(1), 420, DayAqi.Source.FORECAST, Optional.of(EpisodeDriver.SAND_DUST))),
				Optional.empty());

		assertThat(WarningScheme.mee2024().grade("乌海市", dust).driver()).isEqualTo(EpisodeDriver.SAND_DUST);
		assertThat(WarningScheme.mee2024().grade("乌海市", AqiSeries.daily(D, 260, 420)).driver())
			.isEqualTo(EpisodeDriver.PM25);
		assertThat(EpisodeDriver.SAND_DUST.demandsEmergencyReduction()).isFalse();
		assertThat(EpisodeDriver.O3.demandsEmergencyReduction()).isFalse();
		assertThat(EpisodeDriver.PM25.demandsEmergencyReduction()).isTrue();
		assertThat(EpisodeDriver.fromKey("sanddust")).isEqualTo(EpisodeDriver.SAND_DUST);
	}

	static List<ForecastDay> days(LocalDate start, int... aqi) {
		List<ForecastDay> days = new ArrayList<>();
		Arrays.stream(aqi).forEach((a) -> days.add(new ForecastDay(start.plusDays(days.size()), a)));
		return days;
	}

}
