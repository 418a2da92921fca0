package org.lantian.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MeasurementTests {

	@Test
	void aValueWithoutStatisticsSharesTheOneEmptyMap() {
		// the JSON ingest path builds 20 000 of these a second: no map of their own
		assertThat(Measurement.of("35.2", DataFlag.N).statistics()).isSameAs(Map.of());
		assertThat(new Measurement(BigDecimal.ONE, DataFlag.N, new EnumMap<>(Statistic.class)).statistics())
			.isSameAs(Map.of());
		assertThat(new Measurement(BigDecimal.ONE, DataFlag.N, Map.of())).isEqualTo(Measurement.of("1", DataFlag.N));
	}

	@Test
	void keepsStatisticsInTheirOrderAndUnmodifiable() {
		Measurement measurement = new Measurement(new BigDecimal("20.5"), DataFlag.M,
				Map.of(Statistic.TOTAL, new BigDecimal("1.25"), Statistic.CORRECTED, new BigDecimal("35.1")));

		assertThat(measurement.statistics().keySet()).containsExactly(Statistic.CORRECTED, Statistic.TOTAL);
		assertThat(measurement.statistic(Statistic.CORRECTED)).contains(new BigDecimal("35.1"));
		assertThat(measurement.statistic(Statistic.MIN)).isEmpty();
		assertThat(measurement.statistics()).isUnmodifiable();
	}

	@ParameterizedTest(name = "{0}={1}, {2}={3}")
	@CsvSource(textBlock = """
			MIN,           21,    MAX,           19,   min 21 exceeds max 19
			CORRECTED_MIN, 30,    CORRECTED_MAX, 29.9, zsmin 30 exceeds zsmax 29.9
			TOTAL,         -0.01, CORRECTED,     1,    negative total: -0.01
			""")
	void refusesStatisticsThatContradictThemselves(Statistic first, BigDecimal one, Statistic second, BigDecimal other,
			String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Measurement(BigDecimal.TEN, DataFlag.N, Map.of(first, one, second, other)))
			.withMessage(message);
	}

	@ParameterizedTest(name = "{0} of {1} = {2}: {3}")
	@CsvSource(textBlock = """
			# the value's plausible range (Measurand); totals: ≥ 0 and below 10¹⁴ (N14.2, HJ 212-2017 §6.3.3)
			CORRECTED,     so2,  50000,             true
			CORRECTED,     so2,  50000.01,          false
			MIN,           pm25, -0.1,              false
			MAX,           o2,   25,                true
			TOTAL,         so2,  0,                 true
			TOTAL,         so2,  -0.01,             false
			TOTAL,         flow, 99999999999999.99, true
			TOTAL,         flow, 100000000000000,   false
			""")
	void judgesStatisticsByTheirMeasurand(Statistic statistic, String key, BigDecimal value, boolean plausible) {
		assertThat(statistic.isPlausible(Measurand.fromKey(key).orElseThrow(), value)).isEqualTo(plausible);
	}

	@ParameterizedTest(name = "{0} of {1} at {2}: {3}")
	@CsvSource(textBlock = """
			# STANDARDS §3.5 -Cou: kg for pollutants, m³ for flue gas (a00000); the others share the value's unit
			TOTAL,     so2,  STACK,   kg
			TOTAL,     pm,   STACK,   kg
			TOTAL,     flow, STACK,   m³
			CORRECTED, so2,  STACK,   mg/m³
			MAX,       pm25, AMBIENT, µg/m³
			MIN,       flow, STACK,   m³/h
			""")
	void statesTheUnitOfEachStatistic(Statistic statistic, String key, SiteKind kind, String unit) {
		assertThat(statistic.unitOf(Measurand.fromKey(key).orElseThrow(), kind))
			.hasValueSatisfying((u) -> assertThat(u.symbol()).isEqualTo(unit));
	}

	@Test
	void knowsNoTotalOfQuantitiesThatHaveNone() {
		assertThat(Statistic.TOTAL.unitOf(Measurand.O2, SiteKind.STACK)).isEmpty();
		assertThat(Statistic.TOTAL.unitOf(Measurand.TEMP, SiteKind.STACK)).isEmpty();
	}

}
