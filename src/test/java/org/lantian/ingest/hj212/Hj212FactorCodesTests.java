package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantian.domain.Measurand;

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
	@ValueSource(strings = { "a99054", "a21003", "a34001", "a01010", "PM25", "SO2", "A34004", "w01018", "011", "" })
	void leavesOutCodesWithoutAConfirmedMeasurand(String code) {
		// TVOC has no B.2 code (§3.9 gap 3); NO, TSP and 林格曼黑度 have no measurand;
		// 2005-style names (§3.11) and water codes (表B.1) are not air factors; codes are
		// case-sensitive
		assertThat(Hj212FactorCodes.lookup(code)).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(textBlock = """
			# 表B.2: a00000 废气 in m³/s; INTERFACES §3.1 flow in m³/h (× 3600, exact)
			a00000, 1, 3600
			a00000, 12.5, 45000.0
			a00000, 0.1, 360.0
			B02, 2.75, 9900.00
			# 表B.2: a21005 CO in mg/m³, as Lantian (no conversion)
			a21005, 1.2, 1.2
			04, 0.835, 0.835
			""")
	void convertsToTheLantianUnitExactly(String code, BigDecimal sent, BigDecimal expected) {
		assertThat(Hj212FactorCodes.lookup(code).orElseThrow().convert(sent)).isEqualTo(expected);
	}

	@Test
	void everyMeasurandButTvocHasACode() {
		for (Measurand measurand : Measurand.values()) {
			if (measurand != Measurand.TVOC) {
				assertThat(Stream
					.of("a34004", "a34002", "a21026", "a21004", "a21005", "a05024", "a21002", "a24088", "a21001",
							"a34013", "a19001", "a01012", "a01013", "a01014", "a01011", "a00000", "a01007", "a01008")
					.map((code) -> Hj212FactorCodes.lookup(code).orElseThrow().measurand())).as("%s", measurand)
					.contains(measurand);
			}
		}
	}

}
