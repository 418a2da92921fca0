package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * IAQI of single concentrations, straight from HJ 633-2012 表1 and HJ 633-2026 表3, 式1, the
 * ceiling (2012 §6.2, 2026 §4.2.6), the concentration rounding (2026 §4.2.2) and the
 * notes above 800 µg/m³.
 */
class IaqiTableTests {

	/**
	 * Every breakpoint of every column of both editions, and one concentration step (1
	 * µg/m³, 0.1 mg/m³ for CO) below and above it: {@code concentration:IAQI}, NONE where
	 * the edition gives no IAQI. The expected values were worked out with exact fractions
	 * from the tables (STANDARDS §1.1, §1.2), independently of the code under test.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(
			textBlock = """
					# HJ 633-2012 表1 (2012 §5.1, 式1, §6.2)
					HJ_633_2012, SO2_24H, 0:0 1:1 49:49 50:50 51:51 149:100 150:100 151:101 474:150 475:150 476:151 799:200 800:200 801:201 1599:300 1600:300 1601:301 2099:400 2100:400 2101:401 2619:500 2620:500 2621:500
					HJ_633_2012, SO2_1H, 0:0 1:1 149:50 150:50 151:51 499:100 500:100 501:101 649:150 650:150 651:151 799:200 800:200 801:NONE
					HJ_633_2012, NO2_24H, 0:0 1:2 39:49 40:50 41:52 79:99 80:100 81:101 179:150 180:150 181:151 279:200 280:200 281:201 564:300 565:300 566:301 749:400 750:400 751:401 939:500 940:500 941:500
					HJ_633_2012, NO2_1H, 0:0 1:1 99:50 100:50 101:51 199:100 200:100 201:101 699:150 700:150 701:151 1199:200 1200:200 1201:201 2339:300 2340:300 2341:301 3089:400 3090:400 3091:401 3839:500 3840:500 3841:500
					HJ_633_2012, PM10_24H, 0:0 1:1 49:49 50:50 51:51 149:100 150:100 151:101 249:150 250:150 251:151 349:200 350:200 351:202 419:299 420:300 421:302 499:399 500:400 501:401 599:499 600:500 601:500
					HJ_633_2012, CO_24H, 0.0:0 0.1:3 1.9:48 2.0:50 2.1:53 3.9:98 4.0:100 4.1:101 13.9:150 14.0:150 14.1:151 23.9:200 24.0:200 24.1:201 35.9:300 36.0:300 36.1:301 47.9:400 48.0:400 48.1:401 59.9:500 60.0:500 60.1:500
					HJ_633_2012, CO_1H, 0.0:0 0.1:1 4.9:49 5.0:50 5.1:51 9.9:99 10.0:100 10.1:101 34.9:150 35.0:150 35.1:151 59.9:200 60.0:200 60.1:201 89.9:300 90.0:300 90.1:301 119.9:400 120.0:400 120.1:401 149.9:500 150.0:500 150.1:500
					HJ_633_2012, O3_1H, 0:0 1:1 159:50 160:50 161:52 199:99 200:100 201:101 299:150 300:150 301:151 399:200 400:200 401:201 799:300 800:300 801:301 999:400 1000:400 1001:401 1199:500 1200:500 1201:500
					HJ_633_2012, O3_8H, 0:0 1:1 99:50 100:50 101:51 159:100 160:100 161:101 214:150 215:150 216:151 264:199 265:200 266:201 799:300 800:300 801:NONE
					HJ_633_2012, PM25_24H, 0:0 1:2 34:49 35:50 36:52 74:99 75:100 76:102 114:149 115:150 116:152 149:199 150:200 151:201 249:299 250:300 251:301 349:399 350:400 351:401 499:500 500:500 501:500
					# HJ 633-2026 表3 (§4.2.2–4.2.6; PM 1 h uses the 日平均 column, 式1 note; note b: SO2 1 h > 800 → 200; note c: O3 8 h > 800 → 300)
					HJ_633_2026, SO2_24H, 0:0 1:1 49:49 50:50 51:51 149:100 150:100 151:101 474:150 475:150 476:151 799:200 800:200 801:201 1599:300 1600:300 1601:301 2099:400 2100:400 2101:401 2619:500 2620:500 2621:500
					HJ_633_2026, SO2_1H, 0:0 1:1 149:50 150:50 151:51 499:100 500:100 501:101 649:150 650:150 651:151 799:200 800:200 801:200
					HJ_633_2026, NO2_24H, 0:0 1:2 39:49 40:50 41:52 79:99 80:100 81:101 179:150 180:150 181:151 279:200 280:200 281:201 564:300 565:300 566:301 749:400 750:400 751:401 939:500 940:500 941:500
					HJ_633_2026, NO2_1H, 0:0 1:1 99:50 100:50 101:51 199:100 200:100 201:101 699:150 700:150 701:151 1199:200 1200:200 1201:201 2339:300 2340:300 2341:301 3089:400 3090:400 3091:401 3839:500 3840:500 3841:500
					HJ_633_2026, PM10_24H, 0:0 1:1 49:49 50:50 51:51 119:100 120:100 121:101 249:150 250:150 251:151 349:200 350:200 351:202 419:299 420:300 421:302 499:399 500:400 501:401 599:499 600:500 601:500
					HJ_633_2026, CO_24H, 0.0:0 0.1:3 1.9:48 2.0:50 2.1:53 3.9:98 4.0:100 4.1:101 13.9:150 14.0:150 14.1:151 23.9:200 24.0:200 24.1:201 35.9:300 36.0:300 36.1:301 47.9:400 48.0:400 48.1:401 59.9:500 60.0:500 60.1:500
					HJ_633_2026, CO_1H, 0.0:0 0.1:1 4.9:49 5.0:50 5.1:51 9.9:99 10.0:100 10.1:101 34.9:150 35.0:150 35.1:151 59.9:200 60.0:200 60.1:201 89.9:300 90.0:300 90.1:301 119.9:400 120.0:400 120.1:401 149.9:500 150.0:500 150.1:500
					HJ_633_2026, O3_1H, 0:0 1:1 159:50 160:50 161:52 199:99 200:100 201:101 299:150 300:150 301:151 399:200 400:200 401:201 799:300 800:300 801:301 999:400 1000:400 1001:401 1199:500 1200:500 1201:500
					HJ_633_2026, O3_8H, 0:0 1:1 99:50 100:50 101:51 159:100 160:100 161:101 214:150 215:150 216:151 264:199 265:200 266:201 799:300 800:300 801:300
					HJ_633_2026, PM25_24H, 0:0 1:2 34:49 35:50 36:52 59:98 60:100 61:101 114:150 115:150 116:152 149:199 150:200 151:201 249:299 250:300 251:301 349:399 350:400 351:401 499:500 500:500 501:500
					HJ_633_2026, PM10_1H, 0:0 1:1 49:49 50:50 51:51 119:100 120:100 121:101 249:150 250:150 251:151 349:200 350:200 351:202 419:299 420:300 421:302 499:399 500:400 501:401 599:499 600:500 601:500
					HJ_633_2026, PM25_1H, 0:0 1:2 34:49 35:50 36:52 59:98 60:100 61:101 114:150 115:150 116:152 149:199 150:200 151:201 249:299 250:300 251:301 349:399 350:400 351:401 499:500 500:500 501:500
					""")
	void givesEveryBreakpointAndItsNeighboursTheTablesIaqi(AqiStandard standard, AqiIndicator indicator, String cases) {
		for (String pair : cases.split(" ")) {
			String[] parts = pair.split(":");
			OptionalInt iaqi = standard.iaqi(indicator, new BigDecimal(parts[0]));
			if (parts[1].equals("NONE")) {
				assertThat(iaqi).as("%s %s %s", standard, indicator, parts[0]).isEmpty();
			}
			else {
				assertThat(iaqi).as("%s %s %s", standard, indicator, parts[0]).hasValue(Integer.parseInt(parts[1]));
			}
		}
	}

	@ParameterizedTest(name = "{0} {1} {2} → IAQI {3}")
	@CsvSource(textBlock = """
			# STYLE S-21 rows; 2012 表1: 36 → 50 + 50·1/40 = 51.25 → 52
			HJ_633_2012, PM25_24H, 35,    50
			HJ_633_2012, PM25_24H, 36,    52
			# STANDARDS §0.2: double + Math.ceil gives 56 here
			HJ_633_2012, CO_24H,   2.2,   55
			# rounding before lookup, GB/T 8170 四舍六入五成双 (2026 §4.2.2): 35.4 → 35, 35.5 → 36, 34.5 → 34
			HJ_633_2026, PM25_24H, 35.4,  50
			HJ_633_2026, PM25_24H, 35.5,  52
			HJ_633_2026, PM25_24H, 34.5,  49
			HJ_633_2026, PM25_24H, 36.5,  52
			HJ_633_2026, PM25_24H, 60.49, 100
			HJ_633_2026, PM25_24H, 60.51, 101
			# CO to one decimal: 2.05 → 2.0, 2.15 → 2.2, 2.25 → 2.2
			HJ_633_2026, CO_24H,   2.05,  50
			HJ_633_2026, CO_24H,   2.15,  55
			HJ_633_2026, CO_24H,   2.25,  55
			# the > 800 rules act on the rounded value: 800.5 → 800 (even), 800.6 → 801
			HJ_633_2012, SO2_1H,   800.5, 200
			HJ_633_2026, SO2_1H,   800.6, 200
			HJ_633_2026, O3_8H,    800.5, 300
			HJ_633_2026, O3_8H,    5000,  300
			HJ_633_2026, SO2_1H,   5000,  200
			# above the top row (no row defined beyond IAQI 500): 500
			HJ_633_2012, PM10_24H, 9000,  500
			HJ_633_2026, PM10_1H,  9000,  500
			# 2026 changed PM: 2012 75 → 100; 2026 75 → 100 + 50·15/55 = 113.6 → 114
			HJ_633_2012, PM25_24H, 75,    100
			HJ_633_2026, PM25_24H, 75,    114
			HJ_633_2012, PM10_24H, 120,   85
			HJ_633_2026, PM10_24H, 120,   100
			""")
	void roundsTheConcentrationThenTheIndexUp(AqiStandard standard, AqiIndicator indicator, BigDecimal concentration,
			int expected) {
		assertThat(standard.iaqi(indicator, concentration)).hasValue(expected);
	}

	@ParameterizedTest(name = "{0} {1} 801 → no IAQI")
	@CsvSource(textBlock = """
			# HJ 633-2012 表1 notes 2 and 3: no 1 h SO2 IAQI and no 8 h O3 IAQI above 800
			HJ_633_2012, SO2_1H
			HJ_633_2012, O3_8H
			# HJ 633-2012 real-time report: a PM 1-hour value is published without an IAQI (表4)
			HJ_633_2012, PM25_1H
			HJ_633_2012, PM10_1H
			""")
	void hasNoIaqiWhereTheEditionDefinesNone(AqiStandard standard, AqiIndicator indicator) {
		assertThat(standard.iaqi(indicator, new BigDecimal("801"))).isEmpty();
	}

	@Test
	void rejectsANegativeConcentration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AqiStandard.HJ_633_2026.iaqi(AqiIndicator.PM25_24H, new BigDecimal("-1")))
			.withMessageContaining("-1");
	}

	/**
	 * Every concentration step of every column (1 µg/m³, 0.1 mg/m³ for CO) from 0 to the
	 * top breakpoint: the code agrees with integer arithmetic in tenths, and differs from
	 * {@code double} followed by {@code Math.ceil} in exactly the 46 cases STANDARDS §0.2
	 * counted.
	 */
	@Test
	void agreesWithExactIntegerArithmeticAtEveryStepWhereDoubleFails46Times() {
		int doubleWrong = 0;
		int checked = 0;
		for (AqiStandard standard : AqiStandard.values()) {
			for (AqiIndicator indicator : AqiIndicator.values()) {
				List<BigDecimal> breakpoints = standard.table().breakpoints(indicator).orElse(null);
				if (breakpoints == null) {
					continue;
				}
				long step = (indicator.scale() == 1) ? 1 : 10; // in tenths
				long[] tenths = breakpoints.stream().mapToLong((b) -> b.movePointRight(1).longValueExact()).toArray();
				boolean duplicateColumn = standard == AqiStandard.HJ_633_2026
						&& (indicator == AqiIndicator.PM10_1H || indicator == AqiIndicator.PM25_1H);
				for (long c = 0; c <= tenths[tenths.length - 1]; c += step) {
					int expected = exact(tenths, c);
					BigDecimal concentration = BigDecimal.valueOf(c, 1);
					assertThat(standard.iaqi(indicator, concentration))
						.as("%s %s %s", standard, indicator, concentration)
						.hasValue(expected);
					checked++;
					if (!duplicateColumn && viaDouble(tenths, c) != expected) {
						doubleWrong++;
					}
				}
			}
		}
		// 13,410 steps in 表1, 14,512 in 表3 (with its PM 1 h columns)
		assertThat(checked).isEqualTo(27_922);
		assertThat(doubleWrong).isEqualTo(46);
	}

	/** ceil((ΔI·(c − lo)) / (hi − lo)) + I_lo in longs; all quantities non-negative. */
	private static int exact(long[] tenths, long c) {
		for (int hi = 1; hi < tenths.length; hi++) {
			if (c <= tenths[hi]) {
				long rise = (IaqiTable.LEVELS.get(hi) - IaqiTable.LEVELS.get(hi - 1)) * (c - tenths[hi - 1]);
				long span = tenths[hi] - tenths[hi - 1];
				return IaqiTable.LEVELS.get(hi - 1) + (int) ((rise + span - 1) / span);
			}
		}
		throw new IllegalArgumentException("above the column: " + c);
	}

	private static int viaDouble(long[] tenths, long c) {
		double cd = c / 10.0;
		for (int hi = 1; hi < tenths.length; hi++) {
			double bpHigh = tenths[hi] / 10.0;
			if (cd <= bpHigh) {
				double bpLow = tenths[hi - 1] / 10.0;
				int lo = IaqiTable.LEVELS.get(hi - 1);
				int up = IaqiTable.LEVELS.get(hi);
				return (int) Math.ceil((up - lo) / (bpHigh - bpLow) * (cd - bpLow) + lo);
			}
		}
		throw new IllegalArgumentException("above the column: " + c);
	}

}
