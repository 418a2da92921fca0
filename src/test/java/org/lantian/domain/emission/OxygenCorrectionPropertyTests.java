package org.lantian.domain.emission;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of 式(1) below the guard: the corrected value never falls as the measured O₂
 * rises, equals the measured value when φ′ = φ, is above it exactly when φ′ > φ, and
 * scales with the concentration.
 */
class OxygenCorrectionPropertyTests {

	private final OxygenCorrection correction = OxygenCorrection.standard();

	@Property
	void neverFallsAsTheMeasuredO2Rises(@ForAll("concentrations") BigDecimal value, @ForAll("oxygen") BigDecimal a,
			@ForAll("oxygen") BigDecimal b, @ForAll("references") BigDecimal reference) {
		BigDecimal low = corrected(value, a.min(b), reference);
		BigDecimal high = corrected(value, a.max(b), reference);

		assertThat(high).isGreaterThanOrEqualTo(low);
	}

	@Property
	void isTheIdentityAtTheReference(@ForAll("concentrations") BigDecimal value,
			@ForAll("references") BigDecimal reference) {
		assertThat(corrected(value, reference, reference)).isEqualByComparingTo(value);
	}

	@Property
	void raisesExactlyWhenTheMeasuredO2IsAboveTheReference(@ForAll("concentrations") BigDecimal value,
			@ForAll("oxygen") BigDecimal measured, @ForAll("references") BigDecimal reference) {
		int expected = (value.signum() == 0) ? 0 : measured.compareTo(reference);

		assertThat(corrected(value, measured, reference).compareTo(value)).isEqualTo(expected);
	}

	@Property
	void scalesWithTheConcentration(@ForAll("concentrations") BigDecimal value, @ForAll("oxygen") BigDecimal measured,
			@ForAll("references") BigDecimal reference) {
		BigDecimal twice = corrected(value.add(value), measured, reference);

		assertThat(twice.subtract(corrected(value, measured, reference).multiply(BigDecimal.valueOf(2))).abs())
			.isLessThanOrEqualTo(new BigDecimal("1E-28"));
	}

	private BigDecimal corrected(BigDecimal value, BigDecimal measured, BigDecimal reference) {
		return this.correction.correct(value, measured, reference).judgedValue().orElseThrow();
	}

	@Provide
	Arbitrary<BigDecimal> concentrations() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000")).ofScale(3);
	}

	@Provide
	Arbitrary<BigDecimal> oxygen() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("18.99")).ofScale(2);
	}

	@Provide
	Arbitrary<BigDecimal> references() {
		return Arbitraries.of("3", "3.5", "6", "8", "9", "15", "16").map(BigDecimal::new);
	}

}
