package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.lantian.domain.Gbt8170;

/**
 * The edition of HJ 633 (环境空气质量指数（AQI）技术规定) that applies to a period, with its breakpoint
 * table, indicators and special rules. HJ 633-2026 applies to periods that start on or
 * after 2026-03-01 (its 实施日期), HJ 633-2012 to everything earlier (STANDARDS §0.3).
 */
public enum AqiStandard {

	/** HJ 633-2012. */
	HJ_633_2012("HJ 633-2012", IaqiTable.HJ_633_2012),
	/** HJ 633-2026, in force 2026-03-01. */
	HJ_633_2026("HJ 633-2026", IaqiTable.HJ_633_2026);

	/** The first day HJ 633-2026 applies to (HJ 633-2026, 实施日期). */
	public static final LocalDate HJ_633_2026_IN_FORCE = LocalDate.of(2026, 3, 1);

	private final String label;

	private final IaqiTable table;

	AqiStandard(String label, IaqiTable table) {
		this.label = label;
		this.table = table;
	}

	/**
	 * The edition for a period, given the local (Beijing) date on which the period
	 * starts: the hour 2026-02-28 23:00–24:00 and the day 2026-02-28 are HJ 633-2012, the
	 * hour from 2026-03-01 00:00 and the day 2026-03-01 are HJ 633-2026.
	 */
	public static AqiStandard forPeriodStartingOn(LocalDate date) {
		return date.isBefore(HJ_633_2026_IN_FORCE) ? HJ_633_2012 : HJ_633_2026;
	}

	/** The edition as people write it, e.g. {@code HJ 633-2026}. */
	public String label() {
		return this.label;
	}

	public IaqiTable table() {
		return this.table;
	}

	/**
	 * The indicators that receive an IAQI in the report (HJ 633-2012 §5.1.2–5.1.3, 表3/表4;
	 * HJ 633-2026 §4.2.2–4.2.3). Under HJ 633-2012 the real-time SO₂ IAQI falls back to
	 * {@link AqiIndicator#SO2_24H} above 800 µg/m³, which is an input but not listed
	 * here.
	 */
	public Set<AqiIndicator> indexedIndicators(AqiReport report) {
		if (this == HJ_633_2012) {
			return (report == AqiReport.DAILY)
					? EnumSet.of(AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.PM10_24H, AqiIndicator.CO_24H,
							AqiIndicator.O3_1H, AqiIndicator.O3_8H, AqiIndicator.PM25_24H)
					: EnumSet.of(AqiIndicator.SO2_1H, AqiIndicator.NO2_1H, AqiIndicator.PM10_24H, AqiIndicator.CO_1H,
							AqiIndicator.O3_1H, AqiIndicator.O3_8H, AqiIndicator.PM25_24H);
		}
		return (report == AqiReport.DAILY)
				? EnumSet.of(AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.CO_24H, AqiIndicator.O3_8H,
						AqiIndicator.PM10_24H, AqiIndicator.PM25_24H)
				: EnumSet.of(AqiIndicator.SO2_1H, AqiIndicator.NO2_1H, AqiIndicator.CO_1H, AqiIndicator.O3_1H,
						AqiIndicator.PM10_1H, AqiIndicator.PM25_1H);
	}

	/**
	 * Every concentration the report takes: the indexed indicators plus, under HJ
	 * 633-2012 real-time, the PM 1-hour values it publishes without an IAQI and the SO₂
	 * 24-hour moving mean of the &gt; 800 rule (表1 note 2).
	 */
	public Set<AqiIndicator> inputs(AqiReport report) {
		Set<AqiIndicator> inputs = EnumSet.copyOf(indexedIndicators(report));
		if (this == HJ_633_2012 && report == AqiReport.REAL_TIME) {
			inputs.addAll(List.of(AqiIndicator.PM10_1H, AqiIndicator.PM25_1H, AqiIndicator.SO2_24H));
		}
		return inputs;
	}

	/**
	 * The IAQI of one concentration, exactly: the concentration rounded per GB/T 8170 to
	 * {@link AqiIndicator#scale()} (HJ 633-2026 §4.2.2; HJ 633-2012 has no rounding
	 * clause and is applied the same way), then HJ 633 式1 rounded up (2012 §6.2, 2026
	 * §4.2.6). Above the top row an IAQI is 500 (no row is defined beyond it). Above 800
	 * µg/m³, SO₂ 1-hour and O₃ 8-hour have no IAQI under HJ 633-2012 (表1 notes 2 and 3:
	 * report the SO₂ 24-hour or the O₃ 1-hour IAQI instead) and count as 200 and 300
	 * under HJ 633-2026 (表3 notes b and c). Empty when there is no IAQI.
	 * @throws IllegalArgumentException for a negative concentration
	 */
	public OptionalInt iaqi(AqiIndicator indicator, BigDecimal concentration) {
		if (concentration.signum() < 0) {
			throw new IllegalArgumentException("negative concentration: " + concentration.toPlainString() + " "
					+ indicator.unit().symbol() + " (" + indicator.key() + ")");
		}
		List<BigDecimal> breakpoints = this.table.breakpoints(indicator).orElse(null);
		if (breakpoints == null) {
			return OptionalInt.empty();
		}
		BigDecimal c = Gbt8170.round(concentration, indicator.scale());
		BigDecimal top = breakpoints.get(breakpoints.size() - 1);
		if (c.compareTo(top) > 0) {
			int topLevel = IaqiTable.LEVELS.get(breakpoints.size() - 1);
			if (topLevel == 500) {
				return OptionalInt.of(500);
			}
			return (this == HJ_633_2012) ? OptionalInt.empty() : OptionalInt.of(topLevel);
		}
		return OptionalInt.of(IaqiTable.interpolate(breakpoints, c));
	}

	/**
	 * Whether the edition defines 超标污染物 (IAQI &gt; 100): HJ 633-2012 §3.4 does, HJ
	 * 633-2026 deleted it (foreword).
	 */
	public boolean definesOverStandardPollutants() {
		return this == HJ_633_2012;
	}

}
