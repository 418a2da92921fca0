package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lantian.domain.Measurand;

/**
 * The HJ 212 factor codes Lantian maps to its measurands (STANDARDS §3.9: HJ 212-2017 附录B
 * 表B.2, which cites HJ 524-2009, with the HJ/T 212-2005 "old" codes of the same table),
 * each with the exact factor that turns the standard's default unit into the unit of
 * INTERFACES §3.1.
 * <p>
 * Only codes whose meaning STANDARDS §3.9 confirms are listed. Deliberately absent:
 * <ul>
 * <li>TVOC: B.2 has no code; {@code a99054} is one project's choice [P, unverified].</li>
 * <li>a21003 一氧化氮 (NO): no Lantian measurand.</li>
 * <li>2005-style ambient names such as {@code PM25} or {@code SO2} (STANDARDS §3.11): not
 * in B.2.</li>
 * </ul>
 * Unit notes: a00000 废气 is m³/s in B.2 and {@code flow} is m³/h, so it is multiplied by
 * exactly 3600; the 2005 code B02 is taken to share that unit. Ambient PM (a34002,
 * a34004) is printed as ng/m³ with type N3.3, which real devices do not follow (STANDARDS
 * §3.9 gap 2); the values are taken as µg/m³ at ambient sites and mg/m³ at stacks, as
 * sent, until per-MN units are applied. CO a21005 is mg/m³ in B.2 and in Lantian.
 */
final class Hj212FactorCodes {

	/** m³/s (B.2 a00000) to m³/h (INTERFACES §3.1 {@code flow}). */
	static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private static final Map<String, Factor> BY_CODE = Stream.of(
			// HJ 212-2017 表B.2 (2017 codes)
			new Factor("a34004", Measurand.PM25), // 细微颗粒物 PM2.5
			new Factor("a34002", Measurand.PM10), // 可吸入颗粒物 PM10
			new Factor("a21026", Measurand.SO2), // 二氧化硫
			new Factor("a21004", Measurand.NO2), // 二氧化氮
			new Factor("a21005", Measurand.CO), // 一氧化碳, mg/m³
			new Factor("a05024", Measurand.O3), // 臭氧: HJ 524-2009, not in B.2 (§3.9 gap
												// 1)
			new Factor("a21002", Measurand.NOX), // 氮氧化物
			new Factor("a24088", Measurand.NMHC), // 非甲烷总烃
			new Factor("a21001", Measurand.NH3), // 氨
			new Factor("a34013", Measurand.PM), // 烟尘 (颗粒物)
			new Factor("a19001", Measurand.O2), // 氧气含量, %
			new Factor("a01011", Measurand.VELOCITY), // 烟气流速, m/s
			new Factor("a01012", Measurand.TEMP), // 烟气温度, ℃
			new Factor("a01013", Measurand.PRESSURE), // 烟气压力, kPa
			new Factor("a01014", Measurand.HUMIDITY), // 烟气湿度, %
			new Factor("a00000", Measurand.FLOW, SECONDS_PER_HOUR), // 废气, m³/s
			new Factor("a01001", Measurand.TEMP), // 温度 (ambient), ℃
			new Factor("a01002", Measurand.HUMIDITY), // 湿度 (ambient), %
			new Factor("a01006", Measurand.PRESSURE), // 气压 (ambient), kPa
			new Factor("a01007", Measurand.WIND_SPEED), // 风速, m/s
			new Factor("a01008", Measurand.WIND_DIR), // 风向, °
			// HJ/T 212-2005 codes (表B.2 column "原编码")
			new Factor("01", Measurand.PM), // 烟尘 → a34013
			new Factor("02", Measurand.SO2), // → a21026
			new Factor("03", Measurand.NOX), // → a21002
			new Factor("04", Measurand.CO), // → a21005
			new Factor("10", Measurand.NH3), // → a21001
			new Factor("S01", Measurand.O2), // → a19001
			new Factor("S02", Measurand.VELOCITY), // → a01011
			new Factor("S03", Measurand.TEMP), // → a01012
			new Factor("S05", Measurand.HUMIDITY), // → a01014
			new Factor("S08", Measurand.PRESSURE), // → a01013
			new Factor("B02", Measurand.FLOW, SECONDS_PER_HOUR)) // → a00000, m³/s
		.collect(Collectors.toUnmodifiableMap(Factor::code, Function.identity()));

	private Hj212FactorCodes() {
	}

	/** The factor for a code exactly as sent (codes are case-sensitive), if mapped. */
	static Optional<Factor> lookup(String code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

	/**
	 * One mapped factor code.
	 *
	 * @param toLantianUnit what a value in the standard's unit is multiplied by to give
	 * the measurand's unit (exactly)
	 */
	record Factor(String code, Measurand measurand, BigDecimal toLantianUnit) {

		Factor(String code, Measurand measurand) {
			this(code, measurand, BigDecimal.ONE);
		}

		/** The value in the measurand's unit, exact. */
		BigDecimal convert(BigDecimal value) {
			return (this.toLantianUnit.compareTo(BigDecimal.ONE) == 0) ? value : value.multiply(this.toLantianUnit);
		}

	}

}
