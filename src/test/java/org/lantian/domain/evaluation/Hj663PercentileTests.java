package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * HJ 663-2013 附录A percentiles (STANDARDS §2.4): k = 1 + (n − 1)·p/100, s = ⌊k⌋, m = X(s)
 * + (X(s+1) − X(s))·(k − s), computed by hand below.
 */
class Hj663PercentileTests {

	@ParameterizedTest(name = "P{1} of [{0}] = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# n = 5, p = 95: k = 1 + 4·0.95 = 4.8, s = 4: 40 + (50 − 40)·0.8 = 48
			50 10 40 20 30 | 95  | 48
			# p = 50 of 4 values: k = 2.5: 2 + (3 − 2)·0.5 = 2.5
			3 1 4 2        | 50  | 2.5
			# p = 98 of 3: k = 1 + 2·0.98 = 2.96: 20 + (100 − 20)·0.96 = 96.8
			20 100 5       | 98  | 96.8
			# p = 90 of 11: k = 1 + 10·0.9 = 10, an exact rank: X(10) = 100
			1 2 3 4 5 6 7 8 9 100 200 | 90 | 100
			# the ends: p = 100 is the largest, p = 0 the smallest; one value is itself
			7 3 9          | 100 | 9
			7 3 9          | 0   | 3
			42.5           | 95  | 42.5
			""")
	void followsAppendixA(String values, int p, String expected) {
		List<BigDecimal> list = Arrays.stream(values.trim().split("\\s+")).map(BigDecimal::new).toList();

		assertThat(Hj663Percentile.of(list, p)).isEqualByComparingTo(expected);
	}

	@Test
	void takesThe95thOfTwentyDailyMeansBetweenTheTopTwo() {
		// 1 … 20: k = 1 + 19·0.95 = 19.05: 19 + (20 − 19)·0.05 = 19.05
		List<BigDecimal> values = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(BigDecimal::valueOf).toList();

		assertThat(Hj663Percentile.of(values, 95)).isEqualByComparingTo("19.05");
	}

	@Test
	void refusesNoValuesAndPercentilesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Hj663Percentile.of(List.of(), 95))
			.withMessageContaining("no values");
		assertThatIllegalArgumentException().isThrownBy(() -> Hj663Percentile.of(List.of(BigDecimal.ONE), 101))
			.withMessageContaining("101");
	}

}
