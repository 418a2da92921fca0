package org.lantian.domain;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB/T 8170-2008 §3.2 进舍规则: 拟舍弃数字 below 5 is dropped, above 5 (or 5 followed by non-zero
 * digits) rounds up, exactly 5 rounds to the even digit; negative numbers round their
 * absolute value. Required for concentrations by HJ 633-2026 §4.2.2.
 */
class Gbt8170Tests {

	@ParameterizedTest(name = "{0} to {1} decimals → {2}")
	@CsvSource(textBlock = """
			# STYLE S-21 rows
			74.5,   0, 74
			75.5,   0, 76
			1.25,   1, 1.2
			# 四舍 and 六入
			74.4,   0, 74
			74.6,   0, 75
			# 5 followed by non-zero digits rounds up (GB/T 8170 §3.2.3)
			74.51,  0, 75
			74.5000001, 0, 75
			1.2501, 1, 1.3
			# exactly 5: to the even neighbour (§3.2.4)
			1.35,   1, 1.4
			0.5,    0, 0
			1.5,    0, 2
			2.5,    0, 2
			# negative: as the absolute value (§3.2.5)
			-2.5,   0, -2
			-3.5,   0, -4
			# more digits than asked for stay exact
			12,     1, 12.0
			""")
	void roundsHalfToEven(BigDecimal value, int scale, BigDecimal expected) {
		assertThat(Gbt8170.round(value, scale)).isEqualTo(expected);
	}

}
