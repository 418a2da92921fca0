package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.lantian.domain.aqi.AqiIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sand-dust suggestion: PM10 primary and PM2.5/PM10 below 0.35 [inference]. A
 * suggestion only; never counted (SEEDS-BRIEF §8: the seeds give no deduction rule).
 */
class SandDustTests {

	@ParameterizedTest(name = "primary {0}, PM2.5 {1}, PM10 {2} → suspected {3}")
	@CsvSource(textBlock = """
			pm10_24h,          80,  400, true
			# exactly 0.35 is not below the threshold
			pm10_24h,          140, 400, false
			pm10_24h,          139, 400, true
			# a PM10 tie with PM2.5 still leads
			pm10_24h pm25_24h, 60,  400, true
			# PM2.5-led or no primary pollutant: not dust
			pm25_24h,          80,  400, false
			,                  80,  400, false
			# a missing or zero PM mean says nothing
			pm10_24h,            ,  400, false
			pm10_24h,          0,   0,   false
			""")
	void suggestsPm10LedDaysWithALowFineShare(String primary, String pm25, String pm10, boolean suspected) {
		List<AqiIndicator> pollutants = (primary == null) ? List.of()
				: Arrays.stream(primary.split(" ")).map((key) -> AqiIndicator.fromKey(key).orElseThrow()).toList();
		DailyResult day = DailyResult.valid(LocalDate.of(2025, 4, 3), 230, pollutants, decimal(pm25), decimal(pm10));

		assertThat(SandDust.isSuspected(day)).isEqualTo(suspected);
		assertThat(day.sandDust()).isFalse();
	}

	private static Optional<BigDecimal> decimal(String value) {
		return (value == null) ? Optional.empty() : Optional.of(new BigDecimal(value));
	}

}
