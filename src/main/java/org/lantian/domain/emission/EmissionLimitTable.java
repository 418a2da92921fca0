package org.lantian.domain.emission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.Measurand;

/**
 * The emission limit profiles by name (STANDARDS §5–6; docs/emission-limits.md gives the
 * clause of every number and marks every interpretation). Dates are local dates in the
 * reporting zone; a profile's values never change within a period.
 */
public final class EmissionLimitTable {

	/** GB 13271-2014 表1 applies to boilers > 10 t/h or > 7 MW from this day. */
	public static final LocalDate GB13271_EXISTING_LARGE = LocalDate.of(2015, 10, 1);

	/** GB 13271-2014 表1 applies to boilers ≤ 10 t/h or ≤ 7 MW from this day. */
	public static final LocalDate GB13271_EXISTING_SMALL = LocalDate.of(2016, 7, 1);

	/** GB 13271-2014 表2 applies to new boilers from this day (the standard's own). */
	public static final LocalDate GB13271_NEW = LocalDate.of(2014, 7, 1);

	/**
	 * 表3 special limits in 呼和浩特、包头、乌海市及周边地区、准格尔旗、达拉特旗 for coal boilers of 65 t/h and
	 * above (SEEDS-BRIEF §5, S002 内政办发〔2020〕1号).
	 */
	public static final LocalDate INNER_MONGOLIA_SPECIAL_2020 = LocalDate.of(2020, 1, 1);

	/**
	 * Special limits for all industrial enterprises in the other key regions and for
	 * ferroalloy region-wide (SEEDS-BRIEF §5, S004).
	 */
	public static final LocalDate INNER_MONGOLIA_SPECIAL_2026 = LocalDate.of(2026, 1, 1);

	/** GB 16297-1996 in force (表2: sources set up from this day). */
	public static final LocalDate GB16297 = LocalDate.of(1997, 1, 1);

	private static final String GB13271_TABLE6 = "GB 13271-2014 表6 基准含氧量";

	private static final Map<String, LimitProfile> PROFILES = build();

	private EmissionLimitTable() {
	}

	/** Every profile, in a stable order. */
	public static List<LimitProfile> profiles() {
		return List.copyOf(PROFILES.values());
	}

	/** The profile of a name; empty for a name the table does not hold. */
	public static Optional<LimitProfile> profile(String name) {
		return Optional.ofNullable(PROFILES.get(name));
	}

	/** The hourly-mean limit of a pollutant under a profile on a local date. */
	public static LimitLookup limit(String profile, Measurand pollutant, LocalDate date) {
		return limit(profile, pollutant, EmissionAveraging.HOURLY_MEAN, date);
	}

	/** The limit of a pollutant for an averaging under a profile on a local date. */
	public static LimitLookup limit(String profile, Measurand pollutant, EmissionAveraging averaging, LocalDate date) {
		LimitProfile found = PROFILES.get(profile);
		if (found == null) {
			return new LimitLookup.Missing(LimitLookup.Reason.UNKNOWN_PROFILE, "no emission limit profile '" + profile
					+ "' (known: " + String.join(", ", PROFILES.keySet()) + ")");
		}
		if (!found.isKnown()) {
			return new LimitLookup.Missing(LimitLookup.Reason.VALUES_UNKNOWN,
					profile + ": values unknown: " + found.description());
		}
		Optional<LimitSet> set = found.on(date);
		if (set.isEmpty()) {
			return new LimitLookup.Missing(LimitLookup.Reason.NOT_IN_FORCE,
					profile + " is not in force on " + date + ": " + found.description());
		}
		return set.get()
			.limit(pollutant, averaging)
			.<LimitLookup>map(LimitLookup.Found::new)
			.orElseGet(() -> new LimitLookup.Missing(LimitLookup.Reason.NOT_LIMITED,
					profile + " sets no " + averaging + " limit for " + pollutant.key() + " on " + date));
	}

	private static Map<String, LimitProfile> build() {
		Map<String, LimitProfile> all = new LinkedHashMap<>();
		gb13271(all);
		ultraLow(all);
		put(all, new LimitProfile("gb28666-2012-ferroalloy-special",
				"铁合金 special limits, region-wide from 2026-01-01 (SEEDS-BRIEF §5, S004); STANDARDS.md does not give "
						+ "the GB 28666-2012 values, so none are held (the simulator's nominal values are not a "
						+ "standard's)",
				List.of()));
		vocs(all);
		return all;
	}

	// GB 13271-2014 表1/表2/表3 (STANDARDS §5.1 [V]); reference O₂ 表6: coal 9 %, oil and
	// gas 3.5 %. Columns: PM (颗粒物), SO₂, NOx.
	private static void gb13271(Map<String, LimitProfile> all) {
		String existing = "GB 13271-2014 表1 在用锅炉";
		String note1 = "GB 13271-2014 表1 注(1) 广西、重庆、四川、贵州";
		boiler(all, "gb13271-2014-coal-boiler-existing", GB13271_EXISTING_LARGE, "9", existing, "80", "400", "400",
				"existing coal boilers > 10 t/h or > 7 MW, from 2015-10-01");
		boiler(all, "gb13271-2014-coal-boiler-existing-small", GB13271_EXISTING_SMALL, "9", existing, "80", "400",
				"400", "existing coal boilers ≤ 10 t/h or ≤ 7 MW, from 2016-07-01");
		boiler(all, "gb13271-2014-coal-boiler-existing-gx-cq-sc-gz", GB13271_EXISTING_LARGE, "9", note1, "80", "550",
				"400", "existing coal boilers > 10 t/h or > 7 MW in 广西、重庆、四川、贵州, from 2015-10-01");
		boiler(all, "gb13271-2014-coal-boiler-existing-small-gx-cq-sc-gz", GB13271_EXISTING_SMALL, "9", note1, "80",
				"550", "400", "existing coal boilers ≤ 10 t/h or ≤ 7 MW in 广西、重庆、四川、贵州, from 2016-07-01");
		boiler(all, "gb13271-2014-oil-boiler-existing", GB13271_EXISTING_LARGE, "3.5", existing, "60", "300", "400",
				"existing oil boilers > 10 t/h or > 7 MW, from 2015-10-01");
		boiler(all, "gb13271-2014-oil-boiler-existing-small", GB13271_EXISTING_SMALL, "3.5", existing, "60", "300",
				"400", "existing oil boilers ≤ 10 t/h or ≤ 7 MW, from 2016-07-01");
		boiler(all, "gb13271-2014-gas-boiler-existing", GB13271_EXISTING_LARGE, "3.5", existing, "30", "100", "400",
				"existing gas boilers > 10 t/h or > 7 MW, from 2015-10-01");
		boiler(all, "gb13271-2014-gas-boiler-existing-small", GB13271_EXISTING_SMALL, "3.5", existing, "30", "100",
				"400", "existing gas boilers ≤ 10 t/h or ≤ 7 MW, from 2016-07-01");

		String fresh = "GB 13271-2014 表2 新建锅炉";
		boiler(all, "gb13271-2014-coal-boiler-new", GB13271_NEW, "9", fresh, "50", "300", "300",
				"new coal boilers, from 2014-07-01");
		boiler(all, "gb13271-2014-oil-boiler-new", GB13271_NEW, "3.5", fresh, "30", "200", "250",
				"new oil boilers, from 2014-07-01");
		boiler(all, "gb13271-2014-gas-boiler-new", GB13271_NEW, "3.5", fresh, "20", "50", "200",
				"new gas boilers, from 2014-07-01");

		String special = "GB 13271-2014 表3 大气污染物特别排放限值";
		String in2020 = ", in Inner Mongolia from 2020-01-01 (SEEDS-BRIEF §5, S002) [interpretation: S002 names coal "
				+ "boilers ≥ 65 t/h in 呼和浩特、包头、乌海及周边、准格尔旗、达拉特旗; GB 13271 §4.4 leaves area and date to "
				+ "the authorities]";
		String in2026 = ", in Inner Mongolia's other key regions from 2026-01-01 (SEEDS-BRIEF §5, S004)";
		boiler(all, "gb13271-2014-coal-boiler-special", INNER_MONGOLIA_SPECIAL_2020, "9", special, "30", "200", "200",
				"coal boilers on special limits" + in2020);
		boiler(all, "gb13271-2014-oil-boiler-special", INNER_MONGOLIA_SPECIAL_2020, "3.5", special, "30", "100", "200",
				"oil boilers on special limits" + in2020);
		boiler(all, "gb13271-2014-gas-boiler-special", INNER_MONGOLIA_SPECIAL_2020, "3.5", special, "20", "50", "150",
				"gas boilers on special limits" + in2020);
		boiler(all, "gb13271-2014-coal-boiler-special-2026", INNER_MONGOLIA_SPECIAL_2026, "9", special, "30", "200",
				"200", "coal boilers on special limits" + in2026);
		boiler(all, "gb13271-2014-oil-boiler-special-2026", INNER_MONGOLIA_SPECIAL_2026, "3.5", special, "30", "100",
				"200", "oil boilers on special limits" + in2026);
		boiler(all, "gb13271-2014-gas-boiler-special-2026", INNER_MONGOLIA_SPECIAL_2026, "3.5", special, "20", "50",
				"150", "gas boilers on special limits" + in2026);
	}

	private static void ultraLow(Map<String, LimitProfile> all) {
		String undated = "; no in-force date in the sources: a unit is held to it from its own retrofit or permit, "
				+ "which the catalogue's assignment expresses [interpretation]";
		stack(all, "ultra-low-coal-power", "6",
				"coal power ultra-low (煤电超低排放), STANDARDS §5.2; Inner Mongolia: in-use coal boilers > 65 t/h "
						+ "(power included) by end-2025 (S004)" + undated,
				"煤电节能减排升级与改造行动计划（2014—2020年） [P], STANDARDS §5.2", "10", "35", "50");
		stack(all, "ultra-low-steel-sintering", "16",
				"steel ultra-low, sinter machine head and pellet roasting (环大气〔2019〕35号), STANDARDS §5.3; Inner "
						+ "Mongolia: 80 % of capacity by end-2025, all by end-2027 (S004)" + undated,
				"环大气〔2019〕35号 烧结机机头、球团焙烧 [P; reference O₂ 16 % M], STANDARDS §5.3", "10", "35", "50");
		stack(all, "ultra-low-coke-oven", "8",
				"steel ultra-low, coke oven stack (环大气〔2019〕35号), STANDARDS §5.3; Inner Mongolia: coking fully by "
						+ "end-2025 (S004)" + undated,
				"环大气〔2019〕35号 焦炉烟囱 [M], STANDARDS §5.3", "10", "30", "150");
	}

	private static void vocs(Map<String, LimitProfile> all) {
		List<BigDecimal> rto = List.of(new BigDecimal("3"));
		String measured = "; judged as measured, or at 3 % O₂ for an incinerator needing supplementary air "
				+ "(GB 37822-2019 §10.3.3, STANDARDS §5.4)";
		single(all, "gb16297-1996-nmhc-new", GB16297, rto, EmissionAveraging.HOURLY_MEAN, "120",
				"GB 16297-1996 表2 非甲烷总烃 最高允许排放浓度 (new sources) [V], STANDARDS §6.3",
				"NMHC stacks of sources set up from 1997-01-01" + measured);
		single(all, "gb16297-1996-nmhc-existing", GB16297, rto, EmissionAveraging.HOURLY_MEAN, "150",
				"GB 16297-1996 表1 非甲烷总烃 最高允许排放浓度 (existing sources, 使用溶剂汽油或其他混合烃类物质) [V], STANDARDS §6.3",
				"NMHC stacks of sources set up before 1997-01-01" + measured);
		plantInterior(all, "gb37822-2019-nmhc-plant-interior", "10", "30", "GB 37822-2019 表A.1 厂区内 NMHC 限值 [V]",
				"fugitive NMHC outside the workshop (厂区内), informative 附录A applied where a local authority "
						+ "adopts it (§11.2), STANDARDS §6.2; undated here (the in-force date is not in STANDARDS.md)");
		plantInterior(all, "gb37822-2019-nmhc-plant-interior-special", "6", "20",
				"GB 37822-2019 表A.1 厂区内 NMHC 特别排放限值 [V]",
				"fugitive NMHC outside the workshop, special limits, STANDARDS §6.2");
	}

	private static void boiler(Map<String, LimitProfile> all, String name, LocalDate from, String referenceO2,
			String table, String pm, String so2, String nox, String description) {
		BigDecimal o2 = new BigDecimal(referenceO2);
		String clause = table + "; " + GB13271_TABLE6 + " " + referenceO2 + " % [V], STANDARDS §5.1";
		List<EmissionLimit> limits = List.of(hourly(name, Measurand.PM, pm, o2, clause),
				hourly(name, Measurand.SO2, so2, o2, clause), hourly(name, Measurand.NOX, nox, o2, clause));
		put(all, new LimitProfile(name, description, List.of(new LimitSet(from, null, o2, List.of(), limits))));
	}

	private static void stack(Map<String, LimitProfile> all, String name, String referenceO2, String description,
			String clause, String pm, String so2, String nox) {
		BigDecimal o2 = new BigDecimal(referenceO2);
		List<EmissionLimit> limits = new ArrayList<>();
		limits.add(hourly(name, Measurand.PM, pm, o2, clause));
		limits.add(hourly(name, Measurand.SO2, so2, o2, clause));
		limits.add(hourly(name, Measurand.NOX, nox, o2, clause));
		// NH₃ slip at the outlets of desulphurisation and denitrification,
		// "原则上控制在8毫克/立方米以下"
		// (S004 (二十)); on the profile's O₂ basis [interpretation]
		limits.add(hourly(name, Measurand.NH3, "8", o2,
				"内蒙古自治区空气质量持续改善行动实施方案 (二十) 氨逃逸 ≤ 8 mg/m³, SEEDS-BRIEF §5 [interpretation: on the "
						+ "profile's O₂ basis]"));
		put(all, new LimitProfile(name, description, List.of(new LimitSet(null, null, o2, List.of(), limits))));
	}

	private static void single(Map<String, LimitProfile> all, String name, LocalDate from,
			List<BigDecimal> alternatives, EmissionAveraging averaging, String value, String clause,
			String description) {
		EmissionLimit limit = new EmissionLimit(name, Measurand.NMHC, averaging, new BigDecimal(value), null, clause);
		put(all, new LimitProfile(name, description,
				List.of(new LimitSet(from, null, null, alternatives, List.of(limit)))));
	}

	private static void plantInterior(Map<String, LimitProfile> all, String name, String hourly, String single,
			String clause, String description) {
		List<EmissionLimit> limits = List.of(
				new EmissionLimit(name, Measurand.NMHC, EmissionAveraging.HOURLY_MEAN, new BigDecimal(hourly), null,
						clause + " 监控点处1h平均浓度值"),
				new EmissionLimit(name, Measurand.NMHC, EmissionAveraging.ANY_SINGLE_VALUE, new BigDecimal(single),
						null, clause + " 监控点处任意一次浓度值"));
		put(all, new LimitProfile(name, description, List.of(new LimitSet(null, null, null, List.of(), limits))));
	}

	private static EmissionLimit hourly(String profile, Measurand pollutant, String value, BigDecimal referenceO2,
			String clause) {
		return new EmissionLimit(profile, pollutant, EmissionAveraging.HOURLY_MEAN, new BigDecimal(value), referenceO2,
				clause);
	}

	private static void put(Map<String, LimitProfile> all, LimitProfile profile) {
		if (all.put(profile.name(), profile) != null) {
			throw new IllegalStateException("duplicate emission limit profile " + profile.name());
		}
	}

}
