package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;

/**
 * A valid hourly mean of a stack above its limit (STANDARDS §5.5: "有效小时浓度均值…超过许可排放浓度限值的，
 * 即视为超标"), with its exceedance ratio 超标倍数 (C − C0)/C0.
 * <p>
 * The value compared is the hourly mean of the O₂-corrected concentration where the limit
 * has a reference O₂, otherwise the measured mean (§5.5, GB 13271-2014 §5.2). It is
 * compared unrounded and must be strictly above the limit: no standard of §5 prescribes a
 * rounding before the comparison, and GB/T 8170-2008 §4.3 then prescribes the 全数值比较法
 * (comparison of the unrounded value) [M: GB/T 8170 is quoted from memory in STANDARDS
 * §7].
 *
 * @param hourStart the start of the clock hour
 * @param value the hourly mean as compared, mg/m³
 * @param ratio 超标倍数 (value − limit)/limit, exact to 34 significant digits; 0.1 means 10 %
 * above
 */
public record StackExceedance(Instant hourStart, EmissionLimit limit, BigDecimal value, BigDecimal ratio) {

	public StackExceedance {
		Objects.requireNonNull(hourStart, "hourStart");
		Objects.requireNonNull(limit, "limit");
		if (value.compareTo(limit.value()) <= 0) {
			throw new IllegalArgumentException(
					"not an exceedance: " + value.toPlainString() + " mg/m³ against " + limit.value().toPlainString());
		}
		if (ratio.compareTo(ratio(value, limit)) != 0) {
			throw new IllegalArgumentException("ratio " + ratio.toPlainString() + " is not (C − C0)/C0 of "
					+ value.toPlainString() + " against " + limit.value().toPlainString());
		}
	}

	/** The exceedance of a value known to be above the limit. */
	public static StackExceedance of(Instant hourStart, EmissionLimit limit, BigDecimal value) {
		return new StackExceedance(hourStart, limit, value, ratio(value, limit));
	}

	/** 超标倍数 (C − C0)/C0 (STANDARDS §5.5 step 1). */
	static BigDecimal ratio(BigDecimal value, EmissionLimit limit) {
		return value.subtract(limit.value()).divide(limit.value(), MathContext.DECIMAL128);
	}

	/**
	 * A valid hourly mean, already on the limit's O₂ basis, against a limit: exceeding if
	 * strictly above, unrounded.
	 */
	public static HourlyJudgement judge(EmissionLimit limit, Instant hourStart, BigDecimal validHourlyMean) {
		if (validHourlyMean.compareTo(limit.value()) > 0) {
			return new HourlyJudgement.Exceeding(of(hourStart, limit, validHourlyMean));
		}
		return new HourlyJudgement.Compliant(hourStart, limit, validHourlyMean);
	}

	/**
	 * An hourly mean already on the profile's O₂ basis (the recomputed corrected mean, or
	 * the data logger's {@code -ZsAvg}) against the profile's limit on the local date the
	 * hour starts on in {@code zone}.
	 * @param hourlyMean valid only with ≥ 45 minutes of valid data and hourly flag N
	 * (§5.5)
	 */
	public static HourlyJudgement judge(String profile, Measurand pollutant, Instant hourStart, ZoneId zone,
			Average hourlyMean) {
		if (hourlyMean instanceof Average.Insufficient insufficient) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant,
					"no valid hourly mean: " + insufficient.reason());
		}
		BigDecimal value = hourlyMean.validValue().orElseThrow();
		LimitLookup lookup = EmissionLimitTable.limit(profile, pollutant, localDate(hourStart, zone));
		if (lookup instanceof LimitLookup.Missing missing) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant, missing.detail());
		}
		return judge(lookup.limit().orElseThrow(), hourStart, value);
	}

	/**
	 * Measured hourly means of a pollutant and of O₂ against the profile's limit,
	 * corrected to the site's reference O₂ (hourly means first, then 式(1): the order
	 * STANDARDS §5.4 leaves open [interpretation]). Not judged when either mean is
	 * invalid, when the correction is refused, or when the site's reference O₂ does not
	 * match a limit that states one (a site without one cannot be judged against a
	 * corrected limit).
	 * @param siteReferenceO2 the site's reference O₂, {@code null} when it has none
	 */
	public static HourlyJudgement judgeMeasured(String profile, Measurand pollutant, Instant hourStart, ZoneId zone,
			Average measuredMean, Average o2Mean, @Nullable BigDecimal siteReferenceO2, OxygenCorrection correction) {
		LimitLookup lookup = EmissionLimitTable.limit(profile, pollutant, localDate(hourStart, zone));
		if (lookup instanceof LimitLookup.Missing missing) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant, missing.detail());
		}
		EmissionLimit limit = lookup.limit().orElseThrow();
		BigDecimal limitO2 = limit.referenceO2();
		if (limitO2 != null && (siteReferenceO2 == null || limitO2.compareTo(siteReferenceO2) != 0)) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant,
					profile + " states its limit at " + limitO2.toPlainString()
							+ " % O2 but the site's reference O2 is "
							+ ((siteReferenceO2 != null) ? siteReferenceO2.toPlainString() + " %" : "not set"));
		}
		if (measuredMean instanceof Average.Insufficient insufficient) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant,
					"no valid hourly mean: " + insufficient.reason());
		}
		BigDecimal measured = measuredMean.validValue().orElseThrow();
		if (siteReferenceO2 == null) {
			return judge(limit, hourStart, measured);
		}
		if (o2Mean instanceof Average.Insufficient insufficient) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant,
					"no valid hourly O2 mean to correct with: " + insufficient.reason());
		}
		OxygenCorrection.Correction corrected = correction.correct(measured, o2Mean.validValue().orElseThrow(),
				siteReferenceO2);
		if (corrected instanceof OxygenCorrection.Refused refused) {
			return new HourlyJudgement.NotJudged(hourStart, pollutant, refused.reason());
		}
		return judge(limit, hourStart, corrected.judgedValue().orElseThrow());
	}

	/** The local date an hour starting at {@code hourStart} belongs to in the zone. */
	public static LocalDate localDate(Instant hourStart, ZoneId zone) {
		return hourStart.atZone(zone).toLocalDate();
	}

}
