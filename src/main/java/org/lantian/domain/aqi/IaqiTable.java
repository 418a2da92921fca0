package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One edition's IAQI breakpoint table: for each indicator the concentrations at IAQI 0,
 * 50, 100, 150, 200, 300, 400 and 500 (HJ 633-2012 表1; HJ 633-2026 表3). The SO₂ 1-hour
 * column ends at IAQI 200 and the O₃ 8-hour column at IAQI 300; what lies above them is
 * the edition's special rule, applied by {@link AqiStandard#iaqi}.
 */
public final class IaqiTable {

	/** The IAQI of each breakpoint row (表1 / 表3 first column). */
	public static final List<Integer> LEVELS = List.of(0, 50, 100, 150, 200, 300, 400, 500);

	// HJ 633-2012 表1, in µg/m³ (CO in mg/m³). [V: STANDARDS §1.1]
	static final IaqiTable HJ_633_2012 = new IaqiTable(
			Map.ofEntries(column(AqiIndicator.SO2_24H, "0", "50", "150", "475", "800", "1600", "2100", "2620"),
					column(AqiIndicator.SO2_1H, "0", "150", "500", "650", "800"),
					column(AqiIndicator.NO2_24H, "0", "40", "80", "180", "280", "565", "750", "940"),
					column(AqiIndicator.NO2_1H, "0", "100", "200", "700", "1200", "2340", "3090", "3840"),
					column(AqiIndicator.PM10_24H, "0", "50", "150", "250", "350", "420", "500", "600"),
					column(AqiIndicator.CO_24H, "0", "2", "4", "14", "24", "36", "48", "60"),
					column(AqiIndicator.CO_1H, "0", "5", "10", "35", "60", "90", "120", "150"),
					column(AqiIndicator.O3_1H, "0", "160", "200", "300", "400", "800", "1000", "1200"),
					column(AqiIndicator.O3_8H, "0", "100", "160", "215", "265", "800"),
					column(AqiIndicator.PM25_24H, "0", "35", "75", "115", "150", "250", "350", "500")));

	// HJ 633-2026 表3: only PM10 and PM2.5 change; a PM 1-hour value is looked up in the
	// 日平均 column (HJ 633-2026 式1 note). [V: STANDARDS §1.2, §1.3]
	static final IaqiTable HJ_633_2026 = new IaqiTable(
			Map.ofEntries(column(AqiIndicator.SO2_24H, "0", "50", "150", "475", "800", "1600", "2100", "2620"),
					column(AqiIndicator.SO2_1H, "0", "150", "500", "650", "800"),
					column(AqiIndicator.NO2_24H, "0", "40", "80", "180", "280", "565", "750", "940"),
					column(AqiIndicator.NO2_1H, "0", "100", "200", "700", "1200", "2340", "3090", "3840"),
					column(AqiIndicator.CO_24H, "0", "2", "4", "14", "24", "36", "48", "60"),
					column(AqiIndicator.CO_1H, "0", "5", "10", "35", "60", "90", "120", "150"),
					column(AqiIndicator.O3_8H, "0", "100", "160", "215", "265", "800"),
					column(AqiIndicator.O3_1H, "0", "160", "200", "300", "400", "800", "1000", "1200"),
					column(AqiIndicator.PM10_24H, "0", "50", "120", "250", "350", "420", "500", "600"),
					column(AqiIndicator.PM10_1H, "0", "50", "120", "250", "350", "420", "500", "600"),
					column(AqiIndicator.PM25_24H, "0", "35", "60", "115", "150", "250", "350", "500"),
					column(AqiIndicator.PM25_1H, "0", "35", "60", "115", "150", "250", "350", "500")));

	private final Map<AqiIndicator, List<BigDecimal>> columns;

	private IaqiTable(Map<AqiIndicator, List<BigDecimal>> columns) {
		this.columns = new EnumMap<>(columns);
	}

	/**
	 * The breakpoints of an indicator's column, from IAQI 0 upward; empty when the
	 * edition gives the indicator no IAQI (PM 1-hour values under HJ 633-2012).
	 */
	public Optional<List<BigDecimal>> breakpoints(AqiIndicator indicator) {
		return Optional.ofNullable(this.columns.get(indicator));
	}

	/**
	 * HJ 633 式1 for a concentration within the column (rounded already, at most the top
	 * breakpoint), rounded up exactly (HJ 633-2012 §6.2, HJ 633-2026 §4.2.6).
	 */
	static int interpolate(List<BigDecimal> breakpoints, BigDecimal c) {
		// STANDARDS §1.8 step 5: the first BP_Hi with C ≤ BP_Hi; on a breakpoint both
		// neighbouring segments give the same IAQI.
		for (int hi = 1; hi < breakpoints.size(); hi++) {
			BigDecimal bpHigh = breakpoints.get(hi);
			if (c.compareTo(bpHigh) <= 0) {
				BigDecimal bpLow = breakpoints.get(hi - 1);
				int iaqiLow = LEVELS.get(hi - 1);
				int iaqiHigh = LEVELS.get(hi);
				BigDecimal rise = BigDecimal.valueOf(iaqiHigh - iaqiLow).multiply(c.subtract(bpLow));
				return iaqiLow + rise.divide(bpHigh.subtract(bpLow), 0, RoundingMode.CEILING).intValueExact();
			}
		}
		throw new IllegalArgumentException("concentration " + c.toPlainString() + " above the column");
	}

	private static Map.Entry<AqiIndicator, List<BigDecimal>> column(AqiIndicator indicator, String... breakpoints) {
		return Map.entry(indicator, Arrays.stream(breakpoints).map(BigDecimal::new).toList());
	}

}
