package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * 基准氧含量折算 (STANDARDS §5.4; GB 13271-2014 式(1), HJ 212-2017 附录D 式(28), GB 37822-2019
 * 式(1)): ρ = ρ′ × (21 − φ(O₂)) / (21 − φ′(O₂)), with ρ′ and φ′ the measured dry
 * standard-state concentration and O₂ and φ the reference O₂.
 * <p>
 * None of the three standards rounds the result, so it is kept exact: the product is
 * formed first and divided last, to 34 significant digits
 * ({@link MathContext#DECIMAL128}), which is exact whenever the result is a finite
 * decimal of up to 34 digits. Display rounds per GB/T 8170 ({@code Gbt8170}).
 * <p>
 * The guard: as φ′ approaches 21 % (a stopped or purging source drawing ambient air) the
 * factor explodes — 12/0.1 = 120 for a coal boiler at 20.9 %. STANDARDS §5.4 prescribes
 * no guard and suggests "cap or refuse above about 19–20 %" [M/design]. This class
 * refuses: at or above {@link #DEFAULT_GUARD} (19 %) it returns {@link Refused}, never a
 * number, because a capped value is still invented and could be judged an exceedance or a
 * compliance. No combustion or sintering process the catalogue holds runs that lean in
 * operation (coal boilers ~6–12 %, sinter ~14–17 % O₂); the F and M data flags are the
 * primary stoppage signal, the guard the backstop.
 */
public final class OxygenCorrection {

	/** The O₂ content of dry air, % (the 21 of 式(1)). */
	public static final BigDecimal AIR_O2 = new BigDecimal("21");

	/**
	 * The measured O₂ (%) from which correction is refused, unless configured otherwise.
	 */
	public static final BigDecimal DEFAULT_GUARD = new BigDecimal("19");

	private static final OxygenCorrection STANDARD = new OxygenCorrection(DEFAULT_GUARD);

	private final BigDecimal guard;

	private OxygenCorrection(BigDecimal guard) {
		this.guard = guard;
	}

	/** The correction with the 19 % guard. */
	public static OxygenCorrection standard() {
		return STANDARD;
	}

	/**
	 * The correction refusing at or above {@code guard} % measured O₂.
	 * @throws IllegalArgumentException unless 0 < guard ≤ 21
	 */
	public static OxygenCorrection withGuard(BigDecimal guard) {
		if (guard.signum() <= 0 || guard.compareTo(AIR_O2) > 0) {
			throw new IllegalArgumentException("O2 guard must be in (0, 21] %: " + guard.toPlainString());
		}
		return new OxygenCorrection(guard);
	}

	public BigDecimal guard() {
		return this.guard;
	}

	/**
	 * The concentration at the reference O₂; {@link AsMeasured} where there is no
	 * reference O₂ (the site's standard judges the measured value, e.g. GB 16297 or an
	 * adsorber under GB 37822 §10.3.3), {@link Refused} at or above the guard.
	 * @param measured ρ′, dry standard state, ≥ 0
	 * @param measuredO2 φ′, %, dry, in [0, 25] (the plausible range of the O₂ measurand)
	 * @param referenceO2 φ, %, in [0, 21); {@code null} when the site has none
	 * @throws IllegalArgumentException for a negative concentration, an O₂ outside its
	 * range or a reference O₂ at or above the guard
	 */
	public Correction correct(BigDecimal measured, BigDecimal measuredO2, @Nullable BigDecimal referenceO2) {
		if (measured.signum() < 0) {
			throw new IllegalArgumentException("negative concentration: " + measured.toPlainString());
		}
		if (measuredO2.signum() < 0 || measuredO2.compareTo(new BigDecimal("25")) > 0) {
			throw new IllegalArgumentException("measured O2 out of [0, 25] %: " + measuredO2.toPlainString());
		}
		if (referenceO2 == null) {
			return new AsMeasured(measured);
		}
		if (referenceO2.signum() < 0 || referenceO2.compareTo(this.guard) >= 0) {
			throw new IllegalArgumentException("reference O2 must be in [0, " + this.guard.toPlainString() + ") %: "
					+ referenceO2.toPlainString());
		}
		if (measuredO2.compareTo(this.guard) >= 0) {
			return new Refused(measuredO2, this.guard,
					"measured O2 " + measuredO2.toPlainString() + " % at or above the guard "
							+ this.guard.toPlainString()
							+ " %: a stopped or purging source; not corrected (STANDARDS §5.4)");
		}
		BigDecimal corrected = measured.multiply(AIR_O2.subtract(referenceO2))
			.divide(AIR_O2.subtract(measuredO2), MathContext.DECIMAL128);
		return new Corrected(corrected, referenceO2);
	}

	/** The outcome of a correction (STYLE S-9). */
	public sealed interface Correction permits Corrected, AsMeasured, Refused {

		/** The value to judge against a limit, if there is one. */
		Optional<BigDecimal> judgedValue();

	}

	/**
	 * A value corrected to the reference O₂.
	 *
	 * @param value ρ, exact to 34 significant digits
	 * @param referenceO2 the φ it was corrected to
	 */
	public record Corrected(BigDecimal value, BigDecimal referenceO2) implements Correction {

		public Corrected {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(referenceO2, "referenceO2");
		}

		@Override
		public Optional<BigDecimal> judgedValue() {
			return Optional.of(this.value);
		}

	}

	/** No reference O₂ applies: the measured value is the one judged. */
	public record AsMeasured(BigDecimal value) implements Correction {

		public AsMeasured {
			Objects.requireNonNull(value, "value");
		}

		@Override
		public Optional<BigDecimal> judgedValue() {
			return Optional.of(this.value);
		}

	}

	/**
	 * Correction refused because the measured O₂ is at or above the guard.
	 *
	 * @param reason in words, for an alert or a data-quality report
	 */
	public record Refused(BigDecimal measuredO2, BigDecimal guard, String reason) implements Correction {

		public Refused {
			Objects.requireNonNull(measuredO2, "measuredO2");
			Objects.requireNonNull(guard, "guard");
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public Optional<BigDecimal> judgedValue() {
			return Optional.empty();
		}

	}

}
