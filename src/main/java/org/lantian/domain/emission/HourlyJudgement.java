package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.lantian.domain.Measurand;

/**
 * The judgement of one stack's hour for one pollutant (STANDARDS §5.5): within the limit,
 * exceeding it, or not judged, with the reason (STYLE S-9).
 */
public sealed interface HourlyJudgement
		permits HourlyJudgement.Compliant, HourlyJudgement.Exceeding, HourlyJudgement.NotJudged {

	/** The start of the clock hour judged. */
	Instant hourStart();

	Measurand pollutant();

	default boolean isExceeding() {
		return this instanceof Exceeding;
	}

	/**
	 * Whether the hour had a valid value and a limit, so counts towards compliance
	 * shares.
	 */
	default boolean isJudged() {
		return !(this instanceof NotJudged);
	}

	/** A valid hourly mean at or below the limit. */
	record Compliant(Instant hourStart, EmissionLimit limit, BigDecimal value) implements HourlyJudgement {

		public Compliant {
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(limit, "limit");
			if (value.compareTo(limit.value()) > 0) {
				throw new IllegalArgumentException(
						"not compliant: " + value.toPlainString() + " mg/m³ against " + limit.value().toPlainString());
			}
		}

		@Override
		public Measurand pollutant() {
			return this.limit.pollutant();
		}

	}

	/** A valid hourly mean above the limit. */
	record Exceeding(StackExceedance exceedance) implements HourlyJudgement {

		public Exceeding {
			Objects.requireNonNull(exceedance, "exceedance");
		}

		@Override
		public Instant hourStart() {
			return this.exceedance.hourStart();
		}

		@Override
		public Measurand pollutant() {
			return this.exceedance.limit().pollutant();
		}

	}

	/**
	 * No judgement: no valid hourly mean, the O₂ correction refused, or no limit applies.
	 *
	 * @param reason in words
	 */
	record NotJudged(Instant hourStart, Measurand pollutant, String reason) implements HourlyJudgement {

		public NotJudged {
			Objects.requireNonNull(hourStart, "hourStart");
			Objects.requireNonNull(pollutant, "pollutant");
			Objects.requireNonNull(reason, "reason");
		}

	}

}
