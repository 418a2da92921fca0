package org.lantian.simulator.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.SiteId;
import org.lantian.domain.Statistic;
import org.lantian.simulator.Plan;
import org.lantian.simulator.TestWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StackModelTests {

	private static final Duration STEP = Duration.ofSeconds(30);

	private static final Instant DAY = Instant.parse("2025-01-15T00:00:00+08:00");

	private static final Plan EVENTS = TestWorld.scenario("stack-events.yaml");

	@ParameterizedTest(name = "{0} mg/m³ at {1} % O₂, reference {2} % → {3}")
	@CsvSource(textBlock = """
			# STANDARDS §5.4 (GB 13271-2014 式(1)): C_ref = C × (21 − O₂ref) / (21 − O₂); STYLE S-21 rows
			180,  12,    9,   1, 240.0
			44.0, 9,     6,   1, 55.0
			# below the reference the correction lowers the value
			20.0, 5,     6,   1, 18.8
			# half-even at the last decimal: 12.5 × 5 / 4 = 15.625 → 15.62
			12.5, 17,    16,  2, 15.62
			""")
	void correctsToTheReferenceOxygen(BigDecimal measured, BigDecimal o2, BigDecimal reference, int scale,
			BigDecimal expected) {
		assertThat(StackModel.corrected(measured, o2, reference, scale)).isEqualTo(expected);
	}

	@Test
	void everyCorrectedValueIsTheFormulaAppliedToTheReportedValues() {
		StackModel sinter = new StackModel(TestWorld.site("BT-STEEL-S1"), 3, List.of());
		BigDecimal reference = new BigDecimal("16");
		int checked = 0;
		for (Reading reading : Series.sample(sinter, DAY, DAY.plus(Duration.ofDays(1)), Duration.ofMinutes(5))) {
			BigDecimal o2 = reading.values().get(Measurand.O2).value();
			for (Measurand pollutant : List.of(Measurand.SO2, Measurand.NOX, Measurand.PM, Measurand.NH3)) {
				Measurement value = reading.values().get(pollutant);
				// STANDARDS §5.4: C_折 = C_实测 × (21 − O₂,基准) / (21 − O₂,实测)
				BigDecimal expected = value.value()
					.multiply(BigDecimal.valueOf(21).subtract(reference))
					.divide(BigDecimal.valueOf(21).subtract(o2), value.value().scale(), RoundingMode.HALF_EVEN);
				assertThat(value.statistic(Statistic.CORRECTED)).contains(expected);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(288 * 4);
	}

	@Test
	void normalOperationStaysBelowTheLimits() {
		for (String id : List.of("BT-STEEL-S1", "BT-POWER-01", "WH-BOILER-01", "BYNE-QHCOKE-S1", "WH-CHEM-V1")) {
			StackModel stack = new StackModel(TestWorld.site(id), 9, List.of());
			for (Reading reading : Series.sample(stack, DAY, DAY.plus(Duration.ofDays(3)), Duration.ofMinutes(10))) {
				reading.values().forEach((measurand, value) -> {
					double limit = stack.limit(measurand);
					if (!Double.isNaN(limit)) {
						double judged = value.statistic(Statistic.CORRECTED).orElse(value.value()).doubleValue();
						assertThat(judged).as("%s %s", id, measurand).isLessThan(limit).isGreaterThan(0);
					}
				});
			}
		}
	}

	@Test
	void coalBoilerOxygenSwingsAroundTenPercent() {
		StackModel boiler = new StackModel(TestWorld.site("WH-BOILER-01"), 4, List.of());
		double[] o2 = Series.values(Series.sample(boiler, DAY, DAY.plus(Duration.ofDays(7)), Duration.ofMinutes(10)),
				Measurand.O2);
		assertThat(Series.mean(o2)).isBetween(8.0, 12.0);
		assertThat(Arrays.stream(o2).min().orElseThrow()).isGreaterThan(6.0);
		assertThat(Arrays.stream(o2).max().orElseThrow()).isLessThan(15.0);
	}

	@Test
	void scriptedFlagsAppearExactlyInTheirWindows() {
		assertFlagWindow("BT-POWER-01", DataFlag.F, "02:00", "05:00");
		assertFlagWindow("BT-STEEL-B1", DataFlag.M, "06:00", "07:00");
		assertFlagWindow("BT-STEEL-S1", DataFlag.C, "08:00", "08:30");
		assertFlagWindow("BYNE-QHCOKE-S1", DataFlag.D, "09:00", "11:00");
	}

	@Test
	void shutdownLowersTheFlowAndRaisesTheOxygen() {
		PointModel power = TestWorld.model(EVENTS, "BT-POWER-01");
		Reading stopped = power.sample(local("03:30")).orElseThrow();
		Reading running = power.sample(local("06:30")).orElseThrow();
		assertThat(stopped.values().get(Measurand.FLOW).value().doubleValue())
			.isLessThan(0.15 * running.values().get(Measurand.FLOW).value().doubleValue());
		assertThat(stopped.values().get(Measurand.O2).value().doubleValue()).isGreaterThan(19.5);
		// no corrected value near the O₂ of air (STANDARDS §5.4)
		assertThat(stopped.values().get(Measurand.SO2).statistic(Statistic.CORRECTED)).isEmpty();
	}

	@Test
	void communicationGapSendsNothingExactlyInItsWindow() {
		PointModel boiler = TestWorld.model(EVENTS, "WH-BOILER-01");
		for (Instant t = DAY; t.isBefore(DAY.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
			boolean inGap = !t.isBefore(local("10:00")) && t.isBefore(local("11:00"));
			assertThat(boiler.sample(t).isEmpty()).as("%s", t).isEqualTo(inGap);
		}
	}

	@Test
	void exceedancePutsTheCorrectedValueAboveTheLimitForItsHours() {
		PointModel sinter = TestWorld.model(EVENTS, "BT-STEEL-S1");
		for (Instant t = local("11:00"); t.isBefore(local("17:00")); t = t.plus(STEP)) {
			Measurement so2 = sinter.sample(t).orElseThrow().values().get(Measurand.SO2);
			double corrected = so2.statistic(Statistic.CORRECTED).orElseThrow().doubleValue();
			boolean inWindow = !t.isBefore(local("12:00")) && t.isBefore(local("16:00"));
			// ultra-low sinter head SO₂ limit 35 mg/m³ (STANDARDS §5.3); the event asks
			// 1.6 × the limit
			if (inWindow) {
				assertThat(corrected).as("%s", t).isGreaterThan(35 * 1.5);
				assertThat(so2.flag()).isEqualTo(DataFlag.N);
			}
			else {
				assertThat(corrected).as("%s", t).isLessThan(35);
			}
		}
	}

	@Test
	void flatLineRepeatsOneValueWhileItLasts() {
		PointModel power = TestWorld.model(EVENTS, "BT-STEEL-B1");
		Set<BigDecimal> during = new HashSet<>();
		Set<BigDecimal> before = new HashSet<>();
		for (Instant t = local("11:00"); t.isBefore(local("17:00")); t = t.plus(STEP)) {
			BigDecimal nox = power.sample(t).orElseThrow().values().get(Measurand.NOX).value();
			boolean inWindow = !t.isBefore(local("14:00"));
			(inWindow ? during : before).add(nox);
		}
		assertThat(during).hasSize(1);
		assertThat(before).hasSizeGreaterThan(20);
	}

	@Test
	void suddenDropCutsTheConcentrationWhileTheLoadStays() {
		PointModel boiler = TestWorld.model(EVENTS, "WH-BOILER-01");
		List<Reading> before = Series.sample(boiler, local("12:00"), local("16:00"), STEP);
		List<Reading> during = Series.sample(boiler, local("16:00"), local("20:00"), STEP);
		double ratio = Series.mean(Series.values(during, Measurand.SO2))
				/ Series.mean(Series.values(before, Measurand.SO2));
		assertThat(ratio).isBetween(0.12, 0.28);
		double flowRatio = Series.mean(Series.values(during, Measurand.FLOW))
				/ Series.mean(Series.values(before, Measurand.FLOW));
		assertThat(flowRatio).isBetween(0.85, 1.15);
	}

	@Test
	void anEmissionCutLowersTheFlowByItsFractionAfterAnHourAndLeavesConcentrationsAndFlags() {
		SimulatedEvent cut = new SimulatedEvent(EventKind.EMISSION_CUT, Set.of(SiteId.of("BT-STEEL-S1")),
				local("06:00"), local("18:00"), null, 0.3);
		StackModel normal = new StackModel(TestWorld.site("BT-STEEL-S1"), 11, List.of());
		StackModel cutting = new StackModel(TestWorld.site("BT-STEEL-S1"), 11, List.of(cut));
		for (Instant t = local("05:00"); t.isBefore(local("19:00")); t = t.plus(STEP)) {
			Reading before = normal.sample(t).orElseThrow();
			Reading after = cutting.sample(t).orElseThrow();
			double hoursIn = Duration.between(local("06:00"), t).toSeconds() / 3600.0;
			double expected = (hoursIn < 0 || !t.isBefore(local("18:00"))) ? 1 : 1 - 0.3 * Math.min(1, hoursIn);
			// the flow is reported to whole m³/h
			assertThat(Series.value(Optional.of(after), Measurand.FLOW)).as("%s", t)
				.isCloseTo(expected * Series.value(Optional.of(before), Measurand.FLOW), within(1.0));
			for (Measurand same : List.of(Measurand.SO2, Measurand.NOX, Measurand.PM, Measurand.O2)) {
				assertThat(after.values().get(same)).as("%s %s", same, t).isEqualTo(before.values().get(same));
			}
			assertThat(after.values().values()).allSatisfy((value) -> assertThat(value.flag()).isEqualTo(DataFlag.N));
		}
	}

	@Test
	void airThatRaisesTheOxygenRaisesTheFlowOfAStackCorrectedToAReference() {
		// dilution air lowers the measured concentration and raises the dry flow alike
		// (STANDARDS §5.4), so the mass emitted does not follow O₂
		StackModel sinter = new StackModel(TestWorld.site("BT-STEEL-S1"), 5, List.of());
		List<Reading> day = Series.sample(sinter, DAY, DAY.plus(Duration.ofDays(1)), Duration.ofMinutes(5));
		double[] o2 = Series.values(day, Measurand.O2);
		assertThat(Series.pearson(o2, Series.values(day, Measurand.FLOW))).isGreaterThan(0.8);
		assertThat(Series.pearson(o2, Series.values(day, Measurand.SO2))).isLessThan(-0.5);
	}

	@Test
	void heatingBoilerStandsOutOfTheHeatingSeason() {
		StackModel boiler = new StackModel(TestWorld.site("WH-BOILER-01"), 4, List.of());
		Reading july = boiler.sample(Instant.parse("2025-07-15T12:00:00+08:00")).orElseThrow();
		assertThat(july.values().values()).allSatisfy((value) -> assertThat(value.flag()).isEqualTo(DataFlag.F));
		Reading january = boiler.sample(Instant.parse("2025-01-15T12:00:00+08:00")).orElseThrow();
		assertThat(january.values().get(Measurand.SO2).flag()).isEqualTo(DataFlag.N);
	}

	@Test
	void sameSeedGivesIdenticalReadingsAndAnotherSeedOthers() {
		StackModel one = new StackModel(TestWorld.site("BYNE-POWER-U1"), 5, List.of());
		StackModel same = new StackModel(TestWorld.site("BYNE-POWER-U1"), 5, List.of());
		StackModel other = new StackModel(TestWorld.site("BYNE-POWER-U1"), 6, List.of());
		Instant t = Instant.parse("2025-02-01T07:00:30Z");
		Optional<Reading> reading = one.sample(t);
		assertThat(same.sample(t)).isEqualTo(reading);
		assertThat(other.sample(t)).isNotEqualTo(reading);
	}

	private static void assertFlagWindow(String siteId, DataFlag flag, String from, String to) {
		PointModel model = TestWorld.model(EVENTS, siteId);
		for (Instant t = DAY; t.isBefore(DAY.plus(Duration.ofDays(1))); t = t.plus(STEP)) {
			Reading reading = model.sample(t).orElseThrow();
			boolean inWindow = !t.isBefore(local(from)) && t.isBefore(local(to));
			DataFlag expected = inWindow ? flag : DataFlag.N;
			assertThat(reading.values().values()).as("%s at %s", siteId, t)
				.allSatisfy((value) -> assertThat(value.flag()).isEqualTo(expected));
		}
	}

	private static Instant local(String time) {
		return Instant.parse("2025-01-15T" + time + ":00+08:00");
	}

}
