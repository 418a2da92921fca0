package org.lantian.domain.emission;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * STANDARDS §5.4 (GB 13271-2014 式(1)): ρ = ρ′ × (21 − φ) / (21 − φ′), exact, with the
 * guard at 19 % measured O₂.
 */
class OxygenCorrectionTests {

	private final OxygenCorrection correction = OxygenCorrection.standard();

	@ParameterizedTest(name = "{0} mg/m³ at {1} % O₂, reference {2} % → {3}")
	@CsvSource(textBlock = """
			# coal boiler (表6: 9 %): 180 × (21 − 9)/(21 − 12) = 180 × 12/9 = 240
			180,   12,   9,   240
			# coal power ultra-low (6 %): 44.0 × 15/12 = 55.0, above the 50 that 44.0 seemed to meet
			44.0,  9,    6,   55.0
			# measured = reference: factor 1
			35,    6,    6,   35
			# below the reference the value falls: gas boiler 3.5 %, 100 × 17.5/20 = 87.5
			100,   1,    3.5, 87.5
			# sinter 16 %: 40 × 5/4 = 50
			40,    17,   16,  50
			# product first, division last: 11 × 12/11 is exactly 12, not 11.999…
			11,    10,   9,   12
			# coke oven 8 %: 24 × 13/10.5 = 312/10.5 = 29.714285… (34 significant digits)
			24,    10.5, 8,   29.71428571428571428571428571428571
			# just under the guard: 10 × 12/2.01 = 59.70149253731343283582089552238806
			10,    18.99, 9,  59.70149253731343283582089552238806
			# zero stays zero
			0,     15,   9,   0
			""")
	void correctsPerFormulaOne(BigDecimal measured, BigDecimal measuredO2, BigDecimal referenceO2,
			BigDecimal expected) {
		OxygenCorrection.Correction result = this.correction.correct(measured, measuredO2, referenceO2);

		assertThat(result).isInstanceOf(OxygenCorrection.Corrected.class);
		assertThat(result.judgedValue().orElseThrow()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest(name = "{0} % O₂ is refused")
	@CsvSource({ "19", "19.0", "19.5", "20.9", "21", "25" })
	void refusesAtOrAboveTheGuard(BigDecimal measuredO2) {
		// 10 mg/m³ at 20.9 % would be 10 × 12/0.1 = 1200: a stopped coal boiler's
		// "exceedance"
		OxygenCorrection.Correction result = this.correction.correct(new BigDecimal("10"), measuredO2,
				new BigDecimal("9"));

		assertThat(result).isInstanceOf(OxygenCorrection.Refused.class);
		assertThat(result.judgedValue()).isEmpty();
		assertThat(((OxygenCorrection.Refused) result).reason()).contains("guard 19 %");
	}

	@Test
	void aConfiguredGuardMovesTheRefusal() {
		OxygenCorrection at20 = OxygenCorrection.withGuard(new BigDecimal("20"));

		// 10 × 12/1.5 = 80
		assertThat(at20.correct(BigDecimal.TEN, new BigDecimal("19.5"), new BigDecimal("9")).judgedValue())
			.hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("80"));
		assertThat(at20.correct(BigDecimal.TEN, new BigDecimal("20"), new BigDecimal("9")))
			.isInstanceOf(OxygenCorrection.Refused.class);
		assertThatIllegalArgumentException().isThrownBy(() -> OxygenCorrection.withGuard(new BigDecimal("21.5")));
		assertThatIllegalArgumentException().isThrownBy(() -> OxygenCorrection.withGuard(BigDecimal.ZERO));
	}

	@Test
	void withoutAReferenceTheMeasuredValueIsJudgedWhateverTheO2() {
		// an adsorber at 20.5 % O₂ (GB 37822 §10.3.3: judged as measured): no guard
		// applies
		OxygenCorrection.Correction result = this.correction.correct(new BigDecimal("42.5"), new BigDecimal("20.5"),
				null);

		assertThat(result).isEqualTo(new OxygenCorrection.AsMeasured(new BigDecimal("42.5")));
	}

	@Test
	void rejectsImpossibleInput() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.correction.correct(new BigDecimal("-1"), BigDecimal.TEN, new BigDecimal("9")))
			.withMessageContaining("-1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.correction.correct(BigDecimal.TEN, new BigDecimal("-0.1"), new BigDecimal("9")))
			.withMessageContaining("-0.1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.correction.correct(BigDecimal.TEN, new BigDecimal("25.1"), null));
		// a reference at or above the guard could never be corrected to
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.correction.correct(BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("19")))
			.withMessageContaining("reference O2");
	}

}
