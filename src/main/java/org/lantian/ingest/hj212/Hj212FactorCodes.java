package org.lantian.ingest.hj212;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Unit;

/**
 * The HJ 212 factor codes Lantian maps to its measurands (STANDARDS §3.9: HJ 212-2017 附录B
 * 表B.2, which cites HJ 524-2009, with the HJ/T 212-2005 "old" codes of the same table),
 * each with the unit its values arrive in when the site configures none, and the unit of
 * its total ({@code -Cou}).
 * <p>
 * Only codes whose meaning STANDARDS §3.9 confirms are listed, plus {@code a99054} for
 * TVOC, which B.2 lacks (§3.9 gap 3): public platform code uses it, and GB 37822 makes
 * TVOC one of the two VOC indicators. Deliberately absent:
 * <ul>
 * <li>the single VOC species a25xxx/a24xxx (苯, 甲苯, …) and a24087 碳氢化合物: neither is NMHC
 * nor TVOC;</li>
 * <li>a21003 一氧化氮 (NO), a34001 TSP, a01010 林格曼黑度: no Lantian measurand;</li>
 * <li>{@code a0502401}/{@code a0502408} (O₃ 1 h / 8 h, some platforms, [P]) and
 * 2005-style ambient names such as {@code PM25} or {@code SO2} (STANDARDS §3.11): not in
 * B.2.</li>
 * </ul>
 * Units: a00000 废气 is m³/s in B.2 and {@code flow} is m³/h, so it is multiplied by
 * exactly 3600; the 2005 code B02 is taken to share that unit. Every other factor is
 * taken to arrive in the measurand's own unit at the site (µg/m³ at ambient sites, mg/m³
 * at stacks, CO in mg/m³) unless the site's {@code hj212.units} says otherwise: B.2
 * prints ambient PM (a34002, a34004) in ng/m³ with type N3.3, which real devices do not
 * follow (§3.9 gap 2). Totals are in the measurand's {@link Measurand#totalUnit()} (kg,
 * m³) except where B.2 gives 克 (a21001, a34002, a34004).
 */
public final class Hj212FactorCodes {

	private static final Map<String, Factor> BY_CODE = Stream.of(
			// HJ 212-2017 表B.2 (2017 codes)
			new Factor("a34004", Measurand.PM25, null, Unit.GRAMS), // 细微颗粒物 PM2.5
			new Factor("a34002", Measurand.PM10, null, Unit.GRAMS), // 可吸入颗粒物 PM10
			new Factor("a21026", Measurand.SO2), // 二氧化硫
			new Factor("a21004", Measurand.NO2), // 二氧化氮
			new Factor("a21005", Measurand.CO), // 一氧化碳, mg/m³
			// 臭氧: HJ 524-2009, not in B.2 (§3.9 gap 1)
			new Factor("a05024", Measurand.O3), //
			new Factor("a21002", Measurand.NOX), // 氮氧化物
			new Factor("a24088", Measurand.NMHC), // 非甲烷总烃
			new Factor("a21001", Measurand.NH3, null, Unit.GRAMS), // 氨, total in 克
			new Factor("a34013", Measurand.PM), // 烟尘 (颗粒物)
			new Factor("a19001", Measurand.O2), // 氧气含量, %
			new Factor("a01011", Measurand.VELOCITY), // 烟气流速, m/s
			new Factor("a01012", Measurand.TEMP), // 烟气温度, ℃
			new Factor("a01013", Measurand.PRESSURE), // 烟气压力, kPa
			new Factor("a01014", Measurand.HUMIDITY), // 烟气湿度, %
			new Factor("a00000", Measurand.FLOW, Unit.CUBIC_METRES_PER_SECOND, null), // 废气
			new Factor("a01001", Measurand.TEMP), // 温度 (ambient), ℃
			new Factor("a01002", Measurand.HUMIDITY), // 湿度 (ambient), %
			new Factor("a01006", Measurand.PRESSURE), // 气压 (ambient), kPa
			new Factor("a01007", Measurand.WIND_SPEED), // 风速, m/s
			new Factor("a01008", Measurand.WIND_DIR), // 风向, °
			// TVOC: no B.2 code (§3.9 gap 3); a99054 as public platform code uses it [P]
			new Factor("a99054", Measurand.TVOC), //
			// HJ/T 212-2005 codes (表B.2 column "原编码")
			new Factor("01", Measurand.PM), // 烟尘 → a34013
			new Factor("02", Measurand.SO2), // → a21026
			new Factor("03", Measurand.NOX), // → a21002
			new Factor("04", Measurand.CO), // → a21005
			new Factor("10", Measurand.NH3, null, Unit.GRAMS), // → a21001
			new Factor("S01", Measurand.O2), // → a19001
			new Factor("S02", Measurand.VELOCITY), // → a01011
			new Factor("S03", Measurand.TEMP), // → a01012
			new Factor("S05", Measurand.HUMIDITY), // → a01014
			new Factor("S08", Measurand.PRESSURE), // → a01013
			new Factor("B02", Measurand.FLOW, Unit.CUBIC_METRES_PER_SECOND, null)) // →
																					// a00000
		.collect(Collectors.toUnmodifiableMap(Factor::code, Function.identity()));

	private Hj212FactorCodes() {
	}

	/**
	 * The HJ 212-2017 code a logger sends a measurand under at a site of the given kind
	 * (表B.2; O₃ a05024 and TVOC a99054 as above), for senders such as the simulator: flue
	 * gas temperature, pressure and humidity (a01012, a01013, a01014) at stacks, the
	 * ambient ones (a01001, a01006, a01002) at ambient stations. Never a 2005 code.
	 */
	public static Optional<String> codeOf(Measurand measurand, SiteKind kind) {
		switch (measurand) {
			case TEMP:
				return Optional.of((kind == SiteKind.STACK) ? "a01012" : "a01001");
			case PRESSURE:
				return Optional.of((kind == SiteKind.STACK) ? "a01013" : "a01006");
			case HUMIDITY:
				return Optional.of((kind == SiteKind.STACK) ? "a01014" : "a01002");
			default:
				return BY_CODE.values()
					.stream()
					.filter((factor) -> factor.measurand() == measurand && factor.code().startsWith("a"))
					.map(Factor::code)
					.findFirst();
		}
	}

	/**
	 * The unit a mapped code's values are taken to arrive in at a site of the given kind
	 * when the site configures none (see above), if the code is mapped.
	 */
	public static Optional<Unit> defaultUnitOf(String code, SiteKind kind) {
		return lookup(code).map((factor) -> factor.defaultUnit(kind));
	}

	/** The factor for a code exactly as sent (codes are case-sensitive), if mapped. */
	static Optional<Factor> lookup(String code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

	/**
	 * One mapped factor code.
	 *
	 * @param sentUnit the unit of its values when the site configures none; {@code null}
	 * for the measurand's own unit at the site
	 * @param totalUnit the unit of its {@code -Cou}; {@code null} for the measurand's
	 * {@link Measurand#totalUnit()}
	 */
	record Factor(String code, Measurand measurand, @Nullable Unit sentUnit, @Nullable Unit totalUnit) {

		Factor(String code, Measurand measurand) {
			this(code, measurand, null, null);
		}

		/** The unit values of this factor arrive in, unless the site configures one. */
		Unit defaultUnit(SiteKind kind) {
			return (this.sentUnit != null) ? this.sentUnit : this.measurand.unitAt(kind);
		}

		/** The unit its totals arrive in; empty where the measurand has no total. */
		Optional<Unit> totalUnitSent() {
			return (this.totalUnit != null) ? Optional.of(this.totalUnit) : this.measurand.totalUnit();
		}

	}

}
