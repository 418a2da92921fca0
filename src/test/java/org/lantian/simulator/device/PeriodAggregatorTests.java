package org.lantian.simulator.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodAggregatorTests {

	private static final SiteId STACK = SiteId.of("BT-STEEL-S1");

	private static final SiteId AMBIENT = SiteId.of("BT-KDL-01");

	private static final Instant T0 = Instant.parse("2026-01-15T00:00:00Z");

	@Test
	void closesTheMinuteWithItsMeanMinimumAndMaximum() {
		PeriodAggregator aggregator = new PeriodAggregator(AMBIENT, SiteKind.AMBIENT);
		assertThat(aggregator.add(pm25(T0, "30", DataFlag.N))).isEmpty();
		assertThat(aggregator.add(pm25(T0.plusSeconds(30), "41", DataFlag.N))).isEmpty();

		List<Reading> closed = aggregator.add(pm25(T0.plusSeconds(60), "50", DataFlag.N));

		assertThat(closed).hasSize(1);
		Reading minute = closed.get(0);
		assertThat(minute.period()).isEqualTo(ReadingPeriod.MINUTE);
		assertThat(minute.time()).isEqualTo(T0); // DataTime is the period's start,
													// STANDARDS §3.5
		Measurement pm25 = minute.values().get(Measurand.PM25);
		assertThat(pm25.value()).isEqualByComparingTo("35.5");
		assertThat(pm25.statistics()).containsEntry(Statistic.MIN, new BigDecimal("30"))
			.containsEntry(Statistic.MAX, new BigDecimal("41"));
		assertThat(pm25.flag()).isEqualTo(DataFlag.N);
	}

	@Test
	void closesTheHourFromAllItsSamplesAfterItsLastMinute() {
		PeriodAggregator aggregator = new PeriodAggregator(AMBIENT, SiteKind.AMBIENT);
		List<Reading> closed = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			closed.addAll(aggregator.add(pm25(T0.plusSeconds(30L * i), Integer.toString(i), DataFlag.N)));
		}
		assertThat(closed).hasSize(59).allMatch((r) -> r.period() == ReadingPeriod.MINUTE);

		closed.addAll(aggregator.closeUpTo(T0.plusSeconds(3600)));

		assertThat(closed).hasSize(61);
		Reading hour = closed.get(60);
		assertThat(hour.period()).isEqualTo(ReadingPeriod.HOUR);
		assertThat(hour.time()).isEqualTo(T0);
		// mean of 0..119 = 59.5
		assertThat(hour.values().get(Measurand.PM25).value()).isEqualByComparingTo("59.5");
		assertThat(hour.values().get(Measurand.PM25).statistics()).containsEntry(Statistic.MIN, new BigDecimal("0"))
			.containsEntry(Statistic.MAX, new BigDecimal("119"));
	}

	@Test
	void aPeriodStillRunningStaysOpen() {
		PeriodAggregator aggregator = new PeriodAggregator(AMBIENT, SiteKind.AMBIENT);
		aggregator.add(pm25(T0, "30", DataFlag.N));

		assertThat(aggregator.closeUpTo(T0.plusSeconds(59))).isEmpty();
		assertThat(aggregator.closeUpTo(T0.plusSeconds(60))).extracting(Reading::period)
			.containsExactly(ReadingPeriod.MINUTE);
	}

	@Test
	void averagesTheCorrectedValuesOfAStack() {
		Measurement one = new Measurement(new BigDecimal("20.0"), DataFlag.N,
				Map.of(Statistic.CORRECTED, new BigDecimal("30.0")));
		Measurement two = new Measurement(new BigDecimal("24.0"), DataFlag.N,
				Map.of(Statistic.CORRECTED, new BigDecimal("37.0")));

		Measurement hour = PeriodAggregator.aggregate(SiteKind.STACK, List.of(one, two));

		assertThat(hour.value()).isEqualByComparingTo("22.0");
		assertThat(hour.statistics()).containsEntry(Statistic.CORRECTED, new BigDecimal("33.50"))
			.containsEntry(Statistic.CORRECTED_MIN, new BigDecimal("30.0"))
			.containsEntry(Statistic.CORRECTED_MAX, new BigDecimal("37.0"));
	}

	@Test
	void aPeriodWithThreeQuartersNormalIsNormalAndAveragesTheNormalOnly() {
		// 表C.17/C.18 notes: N when at least 75 % of the values are normal
		List<Measurement> samples = List.of(Measurement.of("10", DataFlag.N), Measurement.of("20", DataFlag.N),
				Measurement.of("30", DataFlag.N), Measurement.of("900", DataFlag.C));

		Measurement value = PeriodAggregator.aggregate(SiteKind.STACK, samples);

		assertThat(value.flag()).isEqualTo(DataFlag.N);
		assertThat(value.value()).isEqualByComparingTo("20");
		assertThat(value.statistics()).containsEntry(Statistic.MAX, new BigDecimal("30"));
	}

	@Test
	void aStackPeriodWithLessThanThreeQuartersNormalIsAFault() {
		// 表C.17/C.18 notes: otherwise D (仪器故障) for flue gas
		List<Measurement> samples = List.of(Measurement.of("10", DataFlag.N), Measurement.of("20", DataFlag.N),
				Measurement.of("30", DataFlag.C), Measurement.of("40", DataFlag.C));

		Measurement value = PeriodAggregator.aggregate(SiteKind.STACK, samples);

		assertThat(value.flag()).isEqualTo(DataFlag.D);
		assertThat(value.value()).isEqualByComparingTo("25");
	}

	@Test
	void anAmbientPeriodMostlyAbnormalTakesTheMostFrequentAbnormalFlag() {
		List<Measurement> samples = List.of(Measurement.of("10", DataFlag.M), Measurement.of("20", DataFlag.C),
				Measurement.of("30", DataFlag.C), Measurement.of("40", DataFlag.N));

		assertThat(PeriodAggregator.aggregate(SiteKind.AMBIENT, samples).flag()).isEqualTo(DataFlag.C);
	}

	@Test
	void meansRoundHalfEvenToOneMoreDecimal() {
		// (0.1 + 0.2 + 0.2) / 3 = 0.1666… → 0.17 (one decimal more than the samples)
		assertThat(PeriodAggregator.mean(List.of(new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("0.2"))))
			.isEqualTo(new BigDecimal("0.17"));
		assertThat(PeriodAggregator.mean(List.of(new BigDecimal("1"), new BigDecimal("2"))))
			.isEqualTo(new BigDecimal("1.5"));
	}

	@Test
	void refusesSamplesOfAnotherSiteOrOlderThanThePeriod() {
		PeriodAggregator aggregator = new PeriodAggregator(AMBIENT, SiteKind.AMBIENT);
		aggregator.add(pm25(T0.plusSeconds(90), "1", DataFlag.N));

		assertThatIllegalArgumentException().isThrownBy(() -> aggregator.add(pm25(T0, "1", DataFlag.N)));
		assertThatIllegalArgumentException().isThrownBy(() -> aggregator.add(new Reading(STACK, T0.plusSeconds(120),
				ReadingPeriod.SAMPLE, Map.of(Measurand.SO2, Measurement.of("1", DataFlag.N)))));
	}

	private static Reading pm25(Instant time, String value, DataFlag flag) {
		return new Reading(AMBIENT, time, ReadingPeriod.SAMPLE, Map.of(Measurand.PM25, Measurement.of(value, flag)));
	}

}
