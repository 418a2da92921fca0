package org.lantian.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.api.WarningsController.DayRequest;
import org.lantian.api.WarningsController.ForecastRequest;
import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.EpisodeDriver;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forecast body of INTERFACES §5.3 {@code POST /api/v1/forecasts}: read into the
 * domain's forecast, or refused with the field named.
 */
class WarningsControllerTests {

	private static final String ISSUED = "2026-01-15T08:00:00+08:00";

	@Test
	void aValidBodyIsTheDomainsForecast() {
		AqiForecast forecast = new ForecastRequest(" 包头市 ", ISSUED,
				List.of(new DayRequest("2026-01-15", 230, "pm25"), new DayRequest("2026-01-16", 240, null)))
			.toForecast();

		assertThat(forecast.city()).isEqualTo("包头市");
		assertThat(forecast.issued()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
		assertThat(forecast.days()).extracting((d) -> d.aqi()).containsExactly(230, 240);
		assertThat(forecast.first().date()).isEqualTo(LocalDate.of(2026, 1, 15));
		assertThat(forecast.first().driver()).contains(EpisodeDriver.PM25);
		assertThat(forecast.last().driver()).isEmpty();
	}

	@Test
	void eachProblemNamesItsField() {
		refused(new ForecastRequest(null, ISSUED, List.of(new DayRequest("2026-01-15", 230, null))),
				"city: required, e.g. 包头市");
		refused(new ForecastRequest("包头市", null, List.of(new DayRequest("2026-01-15", 230, null))),
				"issued: required, an ISO-8601 instant with offset");
		refused(new ForecastRequest("包头市", ISSUED, List.of()), "days: empty, a forecast needs at least one day");
		refused(new ForecastRequest("包头市", ISSUED,
				List.of(new DayRequest("2026-01-15", 230, null), new DayRequest("2026-01-16", 501, null))),
				"days[1].aqi: 501 is outside the AQI range 0..500");
		refused(new ForecastRequest("包头市", ISSUED, List.of(new DayRequest("2026-01-15", -1, null))),
				"days[0].aqi: -1 is outside the AQI range 0..500");
		refused(new ForecastRequest("包头市", ISSUED, List.of(new DayRequest("2026-01-15", null, null))),
				"days[0].aqi: required");
		refused(new ForecastRequest("包头市", ISSUED, List.of(new DayRequest("15.1.2026", 230, null))),
				"days[0].date: '15.1.2026' is not a date (yyyy-MM-dd)");
		refused(new ForecastRequest("包头市", ISSUED, List.of(new DayRequest("2026-01-15", 230, "smog"))),
				"days[0].driver: unknown episode driver 'smog' (expected pm25, o3 or sandDust)");
		refused(new ForecastRequest("包头市", ISSUED, Arrays.asList(new DayRequest("2026-01-15", 230, null), null)),
				"days[1]: missing");
		refused(new ForecastRequest("包头市", ISSUED,
				List.of(new DayRequest("2026-01-15", 230, null), new DayRequest("2026-01-17", 240, null))),
				"days[1].date: 2026-01-17 does not follow days[0].date 2026-01-15 (dates must be consecutive)");
	}

	private static void refused(ForecastRequest request, String detail) {
		assertThatThrownBy(request::toForecast).isInstanceOfSatisfying(ApiProblemException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(ex.getMessage()).isEqualTo(detail);
		});
	}

}
