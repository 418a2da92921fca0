package org.lantian.simulator.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoiseTests {

	@Test
	void isAPureFunctionOfItsInputs() {
		double value = Noise.smooth(5, 17, 1234.567);
		Noise.smooth(5, 17, 99);
		assertThat(Noise.smooth(5, 17, 1234.567)).isEqualTo(value);
		assertThat(Noise.smooth(6, 17, 1234.567)).isNotEqualTo(value);
		assertThat(Noise.smooth(5, 18, 1234.567)).isNotEqualTo(value);
	}

	@Test
	void staysWithinOneAndIsSmooth() {
		double previous = Noise.smooth(1, 2, 0);
		double min = 1;
		double max = -1;
		for (int i = 1; i <= 100_000; i++) {
			double value = Noise.smooth(1, 2, i / 100.0);
			assertThat(value).isBetween(-1.0, 1.0);
			// the smoothstep's slope is at most 1.5 × the step between grid values (≤ 2)
			assertThat(Math.abs(value - previous)).isLessThanOrEqualTo(3.0 / 100);
			previous = value;
			min = Math.min(min, value);
			max = Math.max(max, value);
		}
		assertThat(min).isLessThan(-0.9);
		assertThat(max).isGreaterThan(0.9);
	}

	@Test
	void uniformValuesAreSpreadEvenly() {
		int[] buckets = new int[10];
		for (int i = 0; i < 100_000; i++) {
			buckets[(int) (Noise.uniform(3, 4, i) * 10)]++;
		}
		for (int count : buckets) {
			assertThat(count).isBetween(9_500, 10_500);
		}
	}

	@Test
	void keysOfNamesDiffer() {
		assertThat(Noise.key("包头市")).isNotEqualTo(Noise.key("乌海市")).isEqualTo(Noise.key("包头市"));
	}

}
