package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;

/**
 * One listed stack's clock hour for one pollutant, as the verification sees it: measured
 * (a valid hourly mean and flow), stopped (no emission), or invalid (no valid data).
 */
public sealed interface StackHour permits StackHour.Measured, StackHour.Stopped, StackHour.Invalid {

	SiteId site();

	Instant hourStart();

	Measurand pollutant();

	/** The emission in kg/h, if the hour has one. */
	Optional<BigDecimal> kgPerHour();

	/**
	 * A valid hourly mean (HJ 212 flag N, ≥ 45 valid minutes; STANDARDS §5.5).
	 *
	 * @param concentration C_Qh, mg/m³, dry standard state (measured, not 折算)
	 * @param flow Q_snh, m³/h, dry standard state
	 */
	record Measured(SiteId site, Instant hourStart, Measurand pollutant, BigDecimal concentration,
			BigDecimal flow) implements StackHour {

		public Measured {
			Objects.requireNonNull(site, "site");
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(pollutant, "pollutant");
			EmissionRate.kgPerHour(concentration, flow);
		}

		@Override
		public Optional<BigDecimal> kgPerHour() {
			return Optional.of(EmissionRate.kgPerHour(this.concentration, this.flow));
		}

	}

	/**
	 * The stack was stopped the whole hour (HJ 212 flag F, 停运): it emitted nothing, which
	 * is the deepest cut.
	 */
	record Stopped(SiteId site, Instant hourStart, Measurand pollutant) implements StackHour {

		public Stopped {
			Objects.requireNonNull(site, "site");
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(pollutant, "pollutant");
		}

		@Override
		public Optional<BigDecimal> kgPerHour() {
			return Optional.of(BigDecimal.ZERO);
		}

	}

	/**
	 * No valid hourly mean or flow (flags D, M, C, B; fewer than 45 valid minutes); the
	 * hour cannot be judged.
	 */
	record Invalid(SiteId site, Instant hourStart, Measurand pollutant, String reason) implements StackHour {

		public Invalid {
			Objects.requireNonNull(site, "site");
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(pollutant, "pollutant");
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public Optional<BigDecimal> kgPerHour() {
			return Optional.empty();
		}

	}

}
