package org.lantian.domain;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurandTests {

	@ParameterizedTest(name = "{0} at {1} site is in {2}")
	@CsvSource(textBlock = """
			# INTERFACES §3.1: ambient µg/m³ except CO in mg/m³; stack mg/m³
			pm25,      AMBIENT, µg/m³
			co,        AMBIENT, mg/m³
			so2,       AMBIENT, µg/m³
			so2,       STACK,   mg/m³
			pm,        STACK,   mg/m³
			o2,        STACK,   %
			temp,      STACK,   °C
			pressure,  STACK,   kPa
			velocity,  STACK,   m/s
			flow,      STACK,   m³/h
			windDir,   AMBIENT, °
			""")
	void carriesTheUnitsOfTheInterface(String key, SiteKind kind, String unit) {
		assertThat(Measurand.fromKey(key))
			.hasValueSatisfying((m) -> assertThat(m.unitAt(kind).symbol()).isEqualTo(unit));
	}

	@ParameterizedTest(name = "{0} = {1} plausible: {2}")
	@CsvSource(textBlock = """
			pm25, 0,       true
			pm25, -0.1,    false
			pm25, 5000,    true
			pm25, 5000.01, false
			o2,   25,      true
			o2,   25.1,    false
			temp, -60,     true
			temp, -60.5,   false
			windDir, 360,  true
			windDir, 361,  false
			""")
	void judgesPlausibilityOnBothSidesOfTheRange(String key, BigDecimal value, boolean plausible) {
		assertThat(Measurand.fromKey(key).orElseThrow().isPlausible(value)).isEqualTo(plausible);
	}

}
