package org.lantian.ingest.hj212;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteKind;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212FactorCodesTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			# HJ 212-2017 附录B 表B.2 (STANDARDS §3.9): code, Lantian key
			a34004, pm25
			a34002, pm10
			a21026, so2
			a21004, no2
			a21005, co
			a21002, nox
			a24088, nmhc
			a21001, nh3
			a34013, pm
			a19001, o2
			a01011, velocity
			a01012, temp
			a01013, pressure
			a01014, humidity
			a00000, flow
			a01001, temp
			a01002, humidity
			a01006, pressure
			a01007, windSpeed
			a01008, windDir
			# HJ 524-2009, not in B.2 (STANDARDS §3.9 gap 1)
			a05024, o3
			# TVOC has no B.2 code (STANDARDS §3.9 gap 3); a99054 as public platform code uses it
			a99054, tvoc
			# 表B.2 column 原编码 (HJ/T 212-2005)
			01, pm
			02, so2
			03, nox
			04, co
			10, nh3
			S01, o2
			S02, velocity
			S03, temp
			S05, humidity
			S08, pressure
			B02, flow
			""")
	void mapsTheCodesOfTableB2(String code, String key) {
		assertThat(Hj212FactorCodes.lookup(code)).hasValueSatisfying(
				(factor) -> assertThat(factor.measurand()).isEqualTo(Measurand.fromKey(key).orElseThrow()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a21003", "a34001", "a01010", "a24087", "a25002", "a25003", "a25005", "a0502401",
			"a0502408", "PM25", "SO2", "A34004", "A99054", "w01018", "011", "" })
	void leavesOutCodesWithoutAConfirmedMeasurand(String code) {
		// 表B.2: NO, TSP and 林格曼黑度 have no measurand; a24087 碳氢化合物 and the single
		// VOC species a25002 苯, a25003 甲苯, a25005 二甲苯 are neither NMHC nor TVOC;
		// a0502401/08 (O₃ 1 h/8 h, STANDARDS §3.9 gap 1) are one platform's [P];
		// 2005-style
		// names (§3.11) and water codes (表B.1) are not air factors; codes are
		// case-sensitive
		assertThat(Hj212FactorCodes.lookup(code)).isEmpty();
	}

	@ParameterizedTest(name = "{0} at {1} arrives in {2}")
	@CsvSource(textBlock = """
			# 表B.2: a00000 废气 and its 2005 code B02 in m³/s
			a00000, STACK,   m³/s
			B02,    STACK,   m³/s
			# 表B.2: a21005 CO in mg/m³, as Lantian
			a21005, AMBIENT, mg/m³
			# as sent, until the site configures a unit (STANDARDS §3.9 gap 2): Lantian's unit at the site
			a34004, AMBIENT, µg/m³
			a34004, STACK,   mg/m³
			a21026, AMBIENT, µg/m³
			a21026, STACK,   mg/m³
			a19001, STACK,   %
			""")
	void knowsTheUnitAFactorArrivesIn(String code, SiteKind kind, String unit) {
		assertThat(Hj212FactorCodes.lookup(code).orElseThrow().defaultUnit(kind).symbol()).isEqualTo(unit);
	}

	@ParameterizedTest(name = "{0}-Cou in {1}")
	@CsvSource(textBlock = """
			# 表B.2 column "unit (amount)" (STANDARDS §3.9): 立方米, 千克, 克
			a00000, m³
			B02,    m³
			a21026, kg
			a21002, kg
			a34013, kg
			a21005, kg
			a24088, kg
			a21001, g
			10,     g
			a34002, g
			a34004, g
			""")
	void knowsTheUnitOfATotal(String code, String unit) {
		assertThat(Hj212FactorCodes.lookup(code).orElseThrow().totalUnitSent())
			.hasValueSatisfying((total) -> assertThat(total.symbol()).isEqualTo(unit));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a19001", "a01012", "a01011", "a01007", "a01008" })
	void knowsNoTotalOfQuantitiesThatHaveNone(String code) {
		// 表B.2 gives O₂, temperatures, velocity and wind no amount unit
		assertThat(Hj212FactorCodes.lookup(code).orElseThrow().totalUnitSent()).isEmpty();
	}

	@Test
	void everyMeasurandHasACode() {
		for (Measurand measurand : Measurand.values()) {
			assertThat(Stream
				.of("a34004", "a34002", "a21026", "a21004", "a21005", "a05024", "a21002", "a24088", "a99054", "a21001",
						"a34013", "a19001", "a01012", "a01013", "a01014", "a01011", "a00000", "a01007", "a01008")
				.map((code) -> Hj212FactorCodes.lookup(code).orElseThrow().measurand())).as("%s", measurand)
				.contains(measurand);
		}
	}

}
