package org.lantian.domain.emission;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Measurand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every cell of GB 13271-2014 表1/表2/表3 with 表6's reference O₂ (STANDARDS §5.1 [V]), the
 * coal-power and steel ultra-low limits (§5.2, §5.3), GB 16297-1996 and GB 37822-2019
 * NMHC (§6.2, §6.3), and the in-force dates one day either side.
 */
class EmissionLimitTableTests {

	private static final LocalDate IN_2026 = LocalDate.of(2026, 6, 1);

	@ParameterizedTest(name = "{0} {1} = {2} mg/m³ at {3} % O₂")
	@CsvSource(textBlock = """
			# 表1 在用锅炉 (coal 80/400/400, oil 60/300/400, gas 30/100/400), 表6 coal 9 %, oil and gas 3.5 %
			gb13271-2014-coal-boiler-existing,                 PM,  80,  9
			gb13271-2014-coal-boiler-existing,                 SO2, 400, 9
			gb13271-2014-coal-boiler-existing,                 NOX, 400, 9
			gb13271-2014-coal-boiler-existing-small,           PM,  80,  9
			gb13271-2014-coal-boiler-existing-small,           SO2, 400, 9
			gb13271-2014-coal-boiler-existing-small,           NOX, 400, 9
			# 表1 注(1): SO₂ 550 in 广西、重庆、四川、贵州
			gb13271-2014-coal-boiler-existing-gx-cq-sc-gz,       PM,  80,  9
			gb13271-2014-coal-boiler-existing-gx-cq-sc-gz,       SO2, 550, 9
			gb13271-2014-coal-boiler-existing-gx-cq-sc-gz,       NOX, 400, 9
			gb13271-2014-coal-boiler-existing-small-gx-cq-sc-gz, SO2, 550, 9
			gb13271-2014-oil-boiler-existing,                  PM,  60,  3.5
			gb13271-2014-oil-boiler-existing,                  SO2, 300, 3.5
			gb13271-2014-oil-boiler-existing,                  NOX, 400, 3.5
			gb13271-2014-oil-boiler-existing-small,            SO2, 300, 3.5
			gb13271-2014-gas-boiler-existing,                  PM,  30,  3.5
			gb13271-2014-gas-boiler-existing,                  SO2, 100, 3.5
			gb13271-2014-gas-boiler-existing,                  NOX, 400, 3.5
			gb13271-2014-gas-boiler-existing-small,            NOX, 400, 3.5
			# 表2 新建锅炉 (coal 50/300/300, oil 30/200/250, gas 20/50/200)
			gb13271-2014-coal-boiler-new,                      PM,  50,  9
			gb13271-2014-coal-boiler-new,                      SO2, 300, 9
			gb13271-2014-coal-boiler-new,                      NOX, 300, 9
			gb13271-2014-oil-boiler-new,                       PM,  30,  3.5
			gb13271-2014-oil-boiler-new,                       SO2, 200, 3.5
			gb13271-2014-oil-boiler-new,                       NOX, 250, 3.5
			gb13271-2014-gas-boiler-new,                       PM,  20,  3.5
			gb13271-2014-gas-boiler-new,                       SO2, 50,  3.5
			gb13271-2014-gas-boiler-new,                       NOX, 200, 3.5
			# 表3 特别排放限值 (coal 30/200/200, oil 30/100/200, gas 20/50/150)
			gb13271-2014-coal-boiler-special,                  PM,  30,  9
			gb13271-2014-coal-boiler-special,                  SO2, 200, 9
			gb13271-2014-coal-boiler-special,                  NOX, 200, 9
			gb13271-2014-oil-boiler-special,                   PM,  30,  3.5
			gb13271-2014-oil-boiler-special,                   SO2, 100, 3.5
			gb13271-2014-oil-boiler-special,                   NOX, 200, 3.5
			gb13271-2014-gas-boiler-special,                   PM,  20,  3.5
			gb13271-2014-gas-boiler-special,                   SO2, 50,  3.5
			gb13271-2014-gas-boiler-special,                   NOX, 150, 3.5
			gb13271-2014-coal-boiler-special-2026,             PM,  30,  9
			gb13271-2014-coal-boiler-special-2026,             SO2, 200, 9
			gb13271-2014-coal-boiler-special-2026,             NOX, 200, 9
			gb13271-2014-oil-boiler-special-2026,              SO2, 100, 3.5
			gb13271-2014-gas-boiler-special-2026,              NOX, 150, 3.5
			# §5.2 coal power ultra-low 10/35/50 at 6 %; NH₃ slip 8 (SEEDS-BRIEF §5, S004)
			ultra-low-coal-power,                              PM,  10,  6
			ultra-low-coal-power,                              SO2, 35,  6
			ultra-low-coal-power,                              NOX, 50,  6
			ultra-low-coal-power,                              NH3, 8,   6
			# §5.3 sinter machine head 10/35/50 at 16 %; coke oven stack 10/30/150 at 8 %
			ultra-low-steel-sintering,                         PM,  10,  16
			ultra-low-steel-sintering,                         SO2, 35,  16
			ultra-low-steel-sintering,                         NOX, 50,  16
			ultra-low-steel-sintering,                         NH3, 8,   16
			ultra-low-coke-oven,                               PM,  10,  8
			ultra-low-coke-oven,                               SO2, 30,  8
			ultra-low-coke-oven,                               NOX, 150, 8
			ultra-low-coke-oven,                               NH3, 8,   8
			""")
	void holdsTheTablesLimits(String profile, Measurand pollutant, BigDecimal expected, BigDecimal referenceO2) {
		EmissionLimit limit = EmissionLimitTable.limit(profile, pollutant, IN_2026).limit().orElseThrow();

		assertThat(limit.value()).isEqualByComparingTo(expected);
		assertThat(limit.referenceO2()).isEqualByComparingTo(referenceO2);
		assertThat(limit.averaging()).isEqualTo(EmissionAveraging.HOURLY_MEAN);
		assertThat(limit.profile()).isEqualTo(profile);
	}

	@ParameterizedTest(name = "{0} {1} {2} = {3} mg/m³, as measured")
	@CsvSource(textBlock = """
			# GB 16297-1996 表2 (new) 120, 表1 (existing) 150
			gb16297-1996-nmhc-new,                      HOURLY_MEAN,      120
			gb16297-1996-nmhc-existing,                 HOURLY_MEAN,      150
			# GB 37822-2019 表A.1: 1 h mean 10 (special 6), any single value 30 (special 20)
			gb37822-2019-nmhc-plant-interior,           HOURLY_MEAN,      10
			gb37822-2019-nmhc-plant-interior,           ANY_SINGLE_VALUE, 30
			gb37822-2019-nmhc-plant-interior-special,   HOURLY_MEAN,      6
			gb37822-2019-nmhc-plant-interior-special,   ANY_SINGLE_VALUE, 20
			""")
	void holdsTheNmhcLimits(String profile, EmissionAveraging averaging, BigDecimal expected) {
		EmissionLimit limit = EmissionLimitTable.limit(profile, Measurand.NMHC, averaging, IN_2026)
			.limit()
			.orElseThrow();

		assertThat(limit.value()).isEqualByComparingTo(expected);
		assertThat(limit.referenceO2()).isNull();
	}

	@ParameterizedTest(name = "{0} on {1}: in force {2}")
	@CsvSource(textBlock = """
			# 表1: > 10 t/h or > 7 MW from 2015-10-01; ≤ 10 t/h or ≤ 7 MW from 2016-07-01
			gb13271-2014-coal-boiler-existing,       2015-09-30, false
			gb13271-2014-coal-boiler-existing,       2015-10-01, true
			gb13271-2014-gas-boiler-existing,        2015-09-30, false
			gb13271-2014-gas-boiler-existing,        2015-10-01, true
			gb13271-2014-coal-boiler-existing-small, 2016-06-30, false
			gb13271-2014-coal-boiler-existing-small, 2016-07-01, true
			gb13271-2014-oil-boiler-existing-small,  2016-06-30, false
			gb13271-2014-oil-boiler-existing-small,  2016-07-01, true
			# 表2 from 2014-07-01
			gb13271-2014-coal-boiler-new,            2014-06-30, false
			gb13271-2014-coal-boiler-new,            2014-07-01, true
			# 表3 in Inner Mongolia from 2020-01-01 (S002) and in the other key regions from 2026-01-01 (S004)
			gb13271-2014-coal-boiler-special,        2019-12-31, false
			gb13271-2014-coal-boiler-special,        2020-01-01, true
			gb13271-2014-gas-boiler-special,         2019-12-31, false
			gb13271-2014-gas-boiler-special,         2020-01-01, true
			gb13271-2014-coal-boiler-special-2026,   2025-12-31, false
			gb13271-2014-coal-boiler-special-2026,   2026-01-01, true
			gb13271-2014-gas-boiler-special-2026,    2025-12-31, false
			gb13271-2014-gas-boiler-special-2026,    2026-01-01, true
			# GB 16297-1996 from 1997-01-01
			gb16297-1996-nmhc-new,                   1996-12-31, false
			gb16297-1996-nmhc-new,                   1997-01-01, true
			# ultra-low: no in-force date in the sources (held from the unit's own retrofit)
			ultra-low-coal-power,                    2015-01-01, true
			ultra-low-coke-oven,                     2030-01-01, true
			""")
	void appliesFromItsInForceDate(String profile, LocalDate date, boolean inForce) {
		Measurand pollutant = profile.contains("nmhc") ? Measurand.NMHC : Measurand.NOX;
		LimitLookup lookup = EmissionLimitTable.limit(profile, pollutant, date);

		assertThat(lookup.limit().isPresent()).isEqualTo(inForce);
		if (!inForce) {
			assertThat(lookup).isInstanceOf(LimitLookup.Missing.class);
			assertThat(((LimitLookup.Missing) lookup).reason()).isEqualTo(LimitLookup.Reason.NOT_IN_FORCE);
			assertThat(((LimitLookup.Missing) lookup).detail()).contains(profile).contains(date.toString());
		}
	}

	@Test
	void anUnknownProfileIsNamedWithTheKnownOnes() {
		LimitLookup lookup = EmissionLimitTable.limit("gb13271-2014-coal-boiler-extra", Measurand.SO2, IN_2026);

		assertThat(EmissionLimitTable.profile("gb13271-2014-coal-boiler-extra")).isEmpty();
		assertThat(lookup).isInstanceOfSatisfying(LimitLookup.Missing.class, (missing) -> {
			assertThat(missing.reason()).isEqualTo(LimitLookup.Reason.UNKNOWN_PROFILE);
			assertThat(missing.detail()).contains("gb13271-2014-coal-boiler-extra", "ultra-low-coal-power");
		});
	}

	@Test
	void theFerroalloyProfileExistsWithoutValues() {
		// STANDARDS.md gives no GB 28666-2012 numbers: none are invented
		LimitProfile ferroalloy = EmissionLimitTable.profile("gb28666-2012-ferroalloy-special").orElseThrow();
		LimitLookup lookup = EmissionLimitTable.limit("gb28666-2012-ferroalloy-special", Measurand.PM, IN_2026);

		assertThat(ferroalloy.isKnown()).isFalse();
		assertThat(lookup).isInstanceOfSatisfying(LimitLookup.Missing.class, (missing) -> {
			assertThat(missing.reason()).isEqualTo(LimitLookup.Reason.VALUES_UNKNOWN);
			assertThat(missing.detail()).contains("GB 28666-2012");
		});
	}

	@Test
	void aPollutantWithoutALimitIsNotLimited() {
		// GB 13271 sets no NH₃ limit; the plant-interior profile has no stack SO₂
		assertThat(EmissionLimitTable.limit("gb13271-2014-coal-boiler-special", Measurand.NH3, IN_2026))
			.isInstanceOfSatisfying(LimitLookup.Missing.class,
					(m) -> assertThat(m.reason()).isEqualTo(LimitLookup.Reason.NOT_LIMITED));
		assertThat(EmissionLimitTable.limit("ultra-low-coal-power", Measurand.PM, EmissionAveraging.ANY_SINGLE_VALUE,
				IN_2026))
			.isInstanceOfSatisfying(LimitLookup.Missing.class,
					(m) -> assertThat(m.reason()).isEqualTo(LimitLookup.Reason.NOT_LIMITED));
	}

	@Test
	void everyCellHasAClause() {
		List<EmissionLimit> all = EmissionLimitTable.profiles()
			.stream()
			.flatMap((p) -> p.sets().stream())
			.flatMap((s) -> s.limits().stream())
			.toList();

		// 8 existing-boiler profiles, 3 new, 6 special, × 3 pollutants; 3 ultra-low × 4;
		// 2 + 4 NMHC
		assertThat(all).hasSize(17 * 3 + 3 * 4 + 2 + 4);
		assertThat(all).allSatisfy((l) -> assertThat(l.clause()).containsPattern("GB|环大气|行动计划|方案"));
		assertThat(all).filteredOn((l) -> l.pollutant() == Measurand.NH3)
			.allSatisfy((l) -> assertThat(l.clause()).contains("SEEDS-BRIEF §5"));
	}

	@Test
	void recordsRejectNonsense() {
		EmissionLimit at9 = new EmissionLimit("p", Measurand.SO2, EmissionAveraging.HOURLY_MEAN, BigDecimal.TEN,
				new BigDecimal("9"), "test");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmissionLimit("p", Measurand.SO2, EmissionAveraging.HOURLY_MEAN, BigDecimal.ZERO,
					null, "test"))
			.withMessageContaining("limit not positive: 0");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new EmissionLimit("p", Measurand.O2, EmissionAveraging.HOURLY_MEAN, BigDecimal.TEN, null, "test"))
			.withMessageContaining("not a concentration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LimitSet(null, null, new BigDecimal("6"), List.of(), List.of(at9)))
			.withMessageContaining("reference O2 differs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LimitSet(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1), new BigDecimal("9"),
					List.of(), List.of(at9)))
			.withMessageContaining("ends before it starts");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LimitProfile("q", "",
					List.of(new LimitSet(null, null, new BigDecimal("9.0"), List.of(), List.of(at9)))))
			.withMessageContaining("limit of p in profile q");
	}

	@Test
	void siteReferenceO2IsCheckedAgainstTheProfile() {
		LimitSet coal = EmissionLimitTable.profile("gb13271-2014-coal-boiler-special").orElseThrow().sets().get(0);
		LimitSet nmhc = EmissionLimitTable.profile("gb16297-1996-nmhc-new").orElseThrow().sets().get(0);

		assertThat(coal.admitsSiteReferenceO2(new BigDecimal("9.0"))).isTrue();
		assertThat(coal.admitsSiteReferenceO2(new BigDecimal("6"))).isFalse();
		assertThat(coal.admitsSiteReferenceO2(null)).isFalse();
		// GB 37822 §10.3.3: as measured, or 3 % for an incinerator needing supplementary
		// air
		assertThat(nmhc.admitsSiteReferenceO2(null)).isTrue();
		assertThat(nmhc.admitsSiteReferenceO2(new BigDecimal("3"))).isTrue();
		assertThat(nmhc.admitsSiteReferenceO2(new BigDecimal("9"))).isFalse();
	}

	@Test
	void everyStackOfTheBundledCatalogueHasItsProfileAndMatchingReferenceO2() throws IOException {
		List<String[]> stacks = stacksOfTheBundledCatalogue();

		assertThat(stacks).hasSizeGreaterThan(20);
		for (String[] stack : stacks) {
			LimitProfile profile = EmissionLimitTable.profile(stack[1])
				.orElseThrow(() -> new AssertionError(stack[0] + ": unknown profile " + stack[1]));
			BigDecimal referenceO2 = (stack[2] != null) ? new BigDecimal(stack[2]) : null;
			if (profile.isKnown()) {
				assertThat(profile.on(IN_2026).orElseThrow().admitsSiteReferenceO2(referenceO2))
					.as("%s: reference O2 %s on %s", stack[0], stack[2], stack[1])
					.isTrue();
			}
		}
	}

	/**
	 * id, limitProfile, referenceO2 (or null) of each site of sites/inner-mongolia.yaml
	 * that has a profile.
	 */
	private static List<String[]> stacksOfTheBundledCatalogue() throws IOException {
		String yaml;
		try (InputStream in = EmissionLimitTableTests.class.getResourceAsStream("/sites/inner-mongolia.yaml")) {
			yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String[]> stacks = new ArrayList<>();
		for (String block : yaml.split("\n  - id: ")) {
			String profile = field(block, "limitProfile");
			if (profile != null && !block.startsWith("#")) {
				stacks.add(new String[] { block.lines().findFirst().orElseThrow().strip(), profile,
						field(block, "referenceO2") });
			}
		}
		return stacks;
	}

	private static String field(String block, String name) {
		return block.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith(name + ":"))
			.map((line) -> line.substring(name.length() + 1).strip())
			.findFirst()
			.orElse(null);
	}

}
