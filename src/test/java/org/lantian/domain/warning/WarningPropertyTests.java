package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of every national scheme: the level never falls when a day's AQI rises, a
 * longer forecast (more days appended) never lowers the level, and no day at or below 150
 * can set any level.
 */
class WarningPropertyTests {

	private static final LocalDate DAY = LocalDate.of(2026, 1, 15);

	private static final List<WarningScheme> SCHEMES = List.of(WarningScheme.mee2024(), WarningScheme.threeLevel2019(),
			WarningScheme.fourLevel2017());

	@Property
	void levelIsMonotoneInEachDaysAqi(@ForAll("series") List<Integer> aqi, @ForAll("index") int index,
			@ForAll("rise") int rise) {
		int i = index % aqi.size();
		int[] higher = aqi.stream().mapToInt(Integer::intValue).toArray();
		higher[i] = Math.min(500, higher[i] + rise);
		for (WarningScheme scheme : SCHEMES) {
			WarningLevel before = scheme.grade("c", series(aqi)).level();
			WarningLevel after = scheme.grade("c", AqiSeries.daily(DAY, higher)).level();
			assertThat(after).as(scheme.id() + " " + aqi + " → " + List.of(higher)).isGreaterThanOrEqualTo(before);
		}
	}

	@Property
	void moreForecastDaysNeverLowerTheLevel(@ForAll("series") List<Integer> aqi, @ForAll("series") List<Integer> more) {
		List<Integer> longer = new java.util.ArrayList<>(aqi);
		longer.addAll(more);
		for (WarningScheme scheme : SCHEMES) {
			assertThat(scheme.grade("c", series(longer)).level()).as(scheme.id())
				.isGreaterThanOrEqualTo(scheme.grade("c", series(aqi)).level());
		}
	}

	@Property
	void noDayAbove150MeansNoWarning(@ForAll("clean") List<Integer> aqi) {
		for (WarningScheme scheme : SCHEMES) {
			assertThat(scheme.grade("c", series(aqi)).level()).as(scheme.id()).isEqualTo(WarningLevel.NONE);
		}
	}

	@Property
	void evidenceDaysAllMeetTheLowestThresholdOfTheirRule(@ForAll("series") List<Integer> aqi) {
		for (WarningScheme scheme : SCHEMES) {
			Grading grading = scheme.grade("c", series(aqi));
			assertThat(grading.evidence()).allSatisfy((d) -> assertThat(d.aqi()).isGreaterThan(150));
			assertThat(grading.evidence().isEmpty()).isEqualTo(!grading.level().isWarning());
		}
	}

	private static AqiSeries series(List<Integer> aqi) {
		return AqiSeries.daily(DAY, aqi.stream().mapToInt(Integer::intValue).toArray());
	}

	@Provide
	Arbitrary<List<Integer>> series() {
		return Arbitraries.integers().between(0, 500).list().ofMinSize(1).ofMaxSize(10);
	}

	@Provide
	Arbitrary<List<Integer>> clean() {
		return Arbitraries.integers().between(0, 150).list().ofMinSize(1).ofMaxSize(10);
	}

	@Provide
	Arbitrary<Integer> index() {
		return Arbitraries.integers().between(0, 100);
	}

	@Provide
	Arbitrary<Integer> rise() {
		return Arbitraries.integers().between(1, 500);
	}

}
