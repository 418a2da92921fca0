package org.lantian.domain;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnitTests {

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# how configurations write the units of STANDARDS §3.9 gap 2 and §3.15 item 6
			ug/m3     | MICROGRAMS_PER_CUBIC_METRE
			µg/m³     | MICROGRAMS_PER_CUBIC_METRE
			μg/m3     | MICROGRAMS_PER_CUBIC_METRE
			UG/M3     | MICROGRAMS_PER_CUBIC_METRE
			' ug/m3 ' | MICROGRAMS_PER_CUBIC_METRE
			mg/m3     | MILLIGRAMS_PER_CUBIC_METRE
			mg/m³     | MILLIGRAMS_PER_CUBIC_METRE
			ng/m3     | NANOGRAMS_PER_CUBIC_METRE
			ng/m³     | NANOGRAMS_PER_CUBIC_METRE
			m3/s      | CUBIC_METRES_PER_SECOND
			m3/h      | CUBIC_METRES_PER_HOUR
			%         | PERCENT
			℃         | DEGREES_CELSIUS
			°C        | DEGREES_CELSIUS
			kPa       | KILOPASCALS
			kg        | KILOGRAMS
			""")
	void parsesTheWaysAUnitIsWritten(String text, Unit unit) {
		assertThat(Unit.parse(text)).isEqualTo(unit);
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "", "ppm", "ug", "mg/L", "ug/m2", "µg/Nm3", "mg/m3 dry" })
	void refusesUnknownUnitsNamingThem(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Unit.parse(text))
			.withMessageStartingWith("unknown unit: '" + text + "' (known: µg/m³, mg/m³,");
	}

	@ParameterizedTest(name = "{0} {1} = {3} {2}")
	@CsvSource(textBlock = """
			# exact: no double on the way (STYLE S-8)
			NANOGRAMS_PER_CUBIC_METRE,  MICROGRAMS_PER_CUBIC_METRE, 35200.000, 35.2
			NANOGRAMS_PER_CUBIC_METRE,  MICROGRAMS_PER_CUBIC_METRE, 1,         0.001
			MILLIGRAMS_PER_CUBIC_METRE, MICROGRAMS_PER_CUBIC_METRE, 0.0352,    35.2
			MICROGRAMS_PER_CUBIC_METRE, MILLIGRAMS_PER_CUBIC_METRE, 4200,      4.2
			NANOGRAMS_PER_CUBIC_METRE,  MILLIGRAMS_PER_CUBIC_METRE, 1,         0.000001
			# 表B.2 a00000 m³/s to INTERFACES §3.1 flow m³/h
			CUBIC_METRES_PER_SECOND,    CUBIC_METRES_PER_HOUR,      150.5,     541800
			CUBIC_METRES_PER_SECOND,    CUBIC_METRES_PER_HOUR,      0.1,       360
			GRAMS,                      KILOGRAMS,                  1250,      1.25
			PERCENT,                    PERCENT,                    9.8,       9.8
			""")
	void convertsExactly(Unit from, Unit to, BigDecimal value, BigDecimal expected) {
		assertThat(from.convert(value, to)).isEqualByComparingTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			# other quantities
			MICROGRAMS_PER_CUBIC_METRE, PERCENT
			CUBIC_METRES_PER_HOUR,      CUBIC_METRES
			KILOGRAMS,                  MILLIGRAMS_PER_CUBIC_METRE
			# 1/3600 has no finite decimal expansion
			CUBIC_METRES_PER_HOUR,      CUBIC_METRES_PER_SECOND
			""")
	void convertsNothingThatIsNotExact(Unit from, Unit to) {
		assertThat(from.factorTo(to)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> from.convert(BigDecimal.ONE, to))
			.withMessage("cannot convert " + from.symbol() + " to " + to.symbol() + " exactly");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "35.20", "0.835", "1E+3" })
	void keepsTheVerySameValueInItsOwnUnit(BigDecimal value) {
		assertThat(Unit.MILLIGRAMS_PER_CUBIC_METRE.convert(value, Unit.MILLIGRAMS_PER_CUBIC_METRE)).isSameAs(value);
	}

}
