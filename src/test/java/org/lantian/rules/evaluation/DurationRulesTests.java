package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.rules.evaluation.RuleFixtures.AMBIENT;
import static org.lantian.rules.evaluation.RuleFixtures.STACK;
import static org.lantian.rules.evaluation.RuleFixtures.at;
import static org.lantian.rules.evaluation.RuleFixtures.minutes;

/** Sustained, rolling-mean, rate-of-change, flat-line, flag and no-data rules. */
class DurationRulesTests {

	// above 100 for 10 minutes, one value a minute: not met, pending, met
	@ParameterizedTest(name = "{0} minutes above → {1} events")
	@CsvSource(textBlock = """
			9,  0
			10, 0
			11, 1
			""")
	void sustainedNeedsTheWholeDuration(int minutesAbove, int events) {
		SustainedRule rule = new SustainedRule(RuleFixtures.basics(), Measurand.SO2, new BigDecimal("100"),
				Duration.ofMinutes(10), false, OxygenCorrection.standard());
		List<RuleConditionChanged> all = new ArrayList<>();
		for (int i = 0; i < minutesAbove; i++) {
			all.addAll(rule.onReading(STACK, at(STACK, minutes(i), Measurand.SO2, "101"), minutes(i)));
		}
		// 10 values span 9 minutes, 11 values span exactly 10
		assertThat(all).hasSize(events);
	}

	@Test
	void sustainedRunIsBrokenByAValueAtTheThreshold() {
		SustainedRule rule = new SustainedRule(RuleFixtures.basics(), Measurand.SO2, new BigDecimal("100"),
				Duration.ofMinutes(2), false, OxygenCorrection.standard());
		List<RuleConditionChanged> all = new ArrayList<>();
		String[] values = { "101", "100", "101", "101", "101", "94" };
		for (int i = 0; i < values.length; i++) {
			all.addAll(rule.onReading(STACK, at(STACK, minutes(i), Measurand.SO2, values[i]), minutes(i)));
		}
		assertThat(all).extracting(RuleConditionChanged::state, RuleConditionChanged::at)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(State.ACTIVE, minutes(4)),
					org.assertj.core.groups.Tuple.tuple(State.CLEARED, minutes(5)));
	}

	// 30-minute mean above 50: values 40, 60 → 50 (at: no), 40, 62 → 51 (above)
	@Test
	void rollingMeanJudgesTheWindowMean() {
		RollingMeanRule rule = new RollingMeanRule(RuleFixtures.basics(), Measurand.NOX, new BigDecimal("50"),
				Duration.ofMinutes(30), 2, false, OxygenCorrection.standard());
		assertThat(rule.onReading(STACK, at(STACK, minutes(0), Measurand.NOX, "60"), minutes(0))).isEmpty();
		assertThat(rule.onReading(STACK, at(STACK, minutes(1), Measurand.NOX, "40"), minutes(1))).isEmpty();
		// window (minute 2 − 30, minute 2]: 60, 40, 53 → 51 > 50
		assertThat(rule.onReading(STACK, at(STACK, minutes(2), Measurand.NOX, "53"), minutes(2))).singleElement()
			.satisfies((e) -> assertThat(e.value()).isEqualByComparingTo("51"));
		// 40 minutes on, only the new value 20 is in the window; minSamples 2 not reached
		assertThat(rule.onReading(STACK, at(STACK, minutes(40), Measurand.NOX, "20"), minutes(40))).isEmpty();
		// 20, 26 → 23 ≤ 47.5: cleared
		assertThat(rule.onReading(STACK, at(STACK, minutes(41), Measurand.NOX, "26"), minutes(41))).singleElement()
			.satisfies((e) -> assertThat(e.state()).isEqualTo(State.CLEARED));
	}

	// drop by 60 % within 10 min from ≥ 75: from 100, 40 is exactly 60 % down
	@ParameterizedTest(name = "100 → {0}: {1} events")
	@CsvSource(textBlock = """
			41, 0
			40, 1
			39, 1
			""")
	void suddenDropAtAndBelowTheFraction(String after, int events) {
		RateOfChangeRule rule = suddenDrop();
		rule.onReading(AMBIENT, at(AMBIENT, minutes(0), Measurand.PM25, "100"), minutes(0));
		assertThat(rule.onReading(AMBIENT, at(AMBIENT, minutes(5), Measurand.PM25, after), minutes(5))).hasSize(events);
	}

	@Test
	void suddenDropNeedsTheMinimumLevelAndTheWindow() {
		RateOfChangeRule rule = suddenDrop();
		rule.onReading(AMBIENT, at(AMBIENT, minutes(0), Measurand.PM25, "74"), minutes(0));
		assertThat(rule.onReading(AMBIENT, at(AMBIENT, minutes(1), Measurand.PM25, "10"), minutes(1))).isEmpty();
		RateOfChangeRule slow = suddenDrop();
		slow.onReading(AMBIENT, at(AMBIENT, minutes(0), Measurand.PM25, "100"), minutes(0));
		assertThat(slow.onReading(AMBIENT, at(AMBIENT, minutes(11), Measurand.PM25, "10"), minutes(11))).isEmpty();
	}

	// flat line over 5 samples
	@ParameterizedTest(name = "{0} equal values → {1} events")
	@CsvSource(textBlock = """
			4, 0
			5, 1
			6, 1
			""")
	void flatLineAfterNEqualValues(int equal, int events) {
		FlatLineRule rule = new FlatLineRule(RuleFixtures.basics(), Measurand.SO2, 5, BigDecimal.ZERO);
		rule.onReading(STACK, at(STACK, minutes(0), Measurand.SO2, "20"), minutes(0));
		List<RuleConditionChanged> all = new ArrayList<>();
		for (int i = 1; i <= equal; i++) {
			all.addAll(rule.onReading(STACK, at(STACK, minutes(i), Measurand.SO2, "23.5"), minutes(i)));
		}
		assertThat(all).hasSize(events);
		if (events > 0) {
			assertThat(rule.onReading(STACK, at(STACK, minutes(99), Measurand.SO2, "23.6"), minutes(99)))
				.singleElement()
				.satisfies((e) -> assertThat(e.state()).isEqualTo(State.CLEARED));
		}
	}

	// maintenance longer than 2 h: 119, 120, 121 minutes of M values
	@ParameterizedTest(name = "M for {0} min → {1} events")
	@CsvSource(textBlock = """
			119, 0
			120, 1
			121, 1
			""")
	void maintenanceBeyondADuration(int minutesFlagged, int events) {
		FlagRule rule = new FlagRule(RuleFixtures.basics(), java.util.Set.of(DataFlag.M), java.util.Set.of(),
				Duration.ofHours(2), null);
		List<RuleConditionChanged> all = new ArrayList<>();
		for (int i = 0; i <= minutesFlagged; i++) {
			all.addAll(rule.onReading(STACK, at(STACK, minutes(i), Measurand.SO2, "10", DataFlag.M), minutes(i)));
		}
		assertThat(all).hasSize(events);
		if (events > 0) {
			assertThat(rule.onReading(STACK, at(STACK, minutes(200), Measurand.SO2, "10"), minutes(200)))
				.singleElement()
				.satisfies((e) -> assertThat(e.state()).isEqualTo(State.CLEARED));
		}
	}

	// stopped (F) while the flow shows production: flow 110,000 m³/h is not above 110,000
	@ParameterizedTest(name = "F with flow {0} → {1} events")
	@CsvSource(textBlock = """
			109999, 0
			110000, 0
			110001, 1
			""")
	void stoppedWhileProducing(String flow, int events) {
		FlagRule rule = new FlagRule(RuleFixtures.basics(), java.util.Set.of(DataFlag.F),
				java.util.Set.of(Measurand.SO2), Duration.ZERO, new BigDecimal("110000"));
		java.util.Map<Measurand, org.lantian.domain.Measurement> values = java.util.Map.of(Measurand.SO2,
				org.lantian.domain.Measurement.of("0", DataFlag.F), Measurand.FLOW,
				org.lantian.domain.Measurement.of(flow, DataFlag.N));
		assertThat(rule.onReading(STACK,
				new org.lantian.domain.Reading(STACK.id(), minutes(0), org.lantian.domain.ReadingPeriod.SAMPLE, values),
				minutes(0)))
			.hasSize(events);
	}

	@Test
	void faultFlagRaisesAtOnce() {
		FlagRule rule = new FlagRule(RuleFixtures.basics(), java.util.Set.of(DataFlag.D), java.util.Set.of(),
				Duration.ZERO, null);
		assertThat(rule.onReading(STACK, at(STACK, minutes(0), Measurand.NOX, "0", DataFlag.D), minutes(0)))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.key()).isEqualTo("nox");
				assertThat(e.message()).contains("fault");
			});
	}

	// no data for more than 15 min: 15 min is not more
	@ParameterizedTest(name = "silent {0} s → {1} events")
	@CsvSource(textBlock = """
			899, 0
			900, 0
			901, 1
			""")
	void noDataAfterTheDeadline(long silentSeconds, int events) {
		NoDataRule rule = new NoDataRule(RuleFixtures.basics(), java.util.Set.of(), Duration.ofMinutes(15));
		assertThat(rule.onTick(minutes(30), (s) -> true)).isEmpty();
		rule.onReading(AMBIENT, at(AMBIENT, minutes(0), Measurand.PM25, "30"), minutes(0));
		List<RuleConditionChanged> ticked = rule.onTick(minutes(0).plusSeconds(silentSeconds), (s) -> true);
		assertThat(ticked).hasSize(events);
		if (events > 0) {
			assertThat(ticked.get(0).key()).isEqualTo("data");
			assertThat(rule.onReading(AMBIENT, at(AMBIENT, minutes(20), Measurand.PM25, "30"), minutes(20)))
				.singleElement()
				.satisfies((e) -> assertThat(e.state()).isEqualTo(State.CLEARED));
		}
	}

	@Test
	void clearDurationDelaysClearing() {
		ThresholdRule rule = new ThresholdRule(RuleFixtures.basics(Duration.ofMinutes(10)), Measurand.NH3,
				new BigDecimal("8"), null, false, OxygenCorrection.standard());
		assertThat(rule.onReading(STACK, at(STACK, minutes(0), Measurand.NH3, "9"), minutes(0))).hasSize(1);
		assertThat(rule.onReading(STACK, at(STACK, minutes(1), Measurand.NH3, "5"), minutes(1))).isEmpty();
		assertThat(rule.onReading(STACK, at(STACK, minutes(10), Measurand.NH3, "5"), minutes(10))).isEmpty();
		assertThat(rule.onReading(STACK, at(STACK, minutes(11), Measurand.NH3, "5"), minutes(11))).hasSize(1);
	}

	// rise by 100 % within 10 min to at least 75: from 40, 80 is exactly double
	@ParameterizedTest(name = "40 → {0}: {1} events")
	@CsvSource(textBlock = """
			79.99, 0
			80,    1
			80.01, 1
			""")
	void suddenRiseAtAndAboveTheFraction(String after, int events) {
		RateOfChangeRule rule = new RateOfChangeRule(RuleFixtures.basics(), Measurand.PM25, Duration.ofMinutes(10),
				null, BigDecimal.ONE, new BigDecimal("75"), false, OxygenCorrection.standard());
		rule.onReading(AMBIENT, at(AMBIENT, minutes(0), Measurand.PM25, "40"), minutes(0));
		rule.onReading(AMBIENT, at(AMBIENT, minutes(3), Measurand.PM25, "60"), minutes(3));
		assertThat(rule.onReading(AMBIENT, at(AMBIENT, minutes(6), Measurand.PM25, after), minutes(6))).hasSize(events);
	}

	// the window's start is included: a maximum exactly 10 minutes old still counts, one
	// a minute older not
	@ParameterizedTest(name = "maximum {0} min before → {1} events")
	@CsvSource(textBlock = """
			10, 1
			11, 0
			""")
	void suddenDropWindowIncludesItsStart(int minutesBefore, int events) {
		RateOfChangeRule rule = suddenDrop();
		rule.onReading(AMBIENT, at(AMBIENT, minutes(0), Measurand.PM25, "100"), minutes(0));
		rule.onReading(AMBIENT, at(AMBIENT, minutes(1), Measurand.PM25, "70"), minutes(1));
		assertThat(rule.onReading(AMBIENT, at(AMBIENT, minutes(minutesBefore), Measurand.PM25, "40"),
				minutes(minutesBefore)))
			.hasSize(events);
	}

	// a late value takes its place in the window: 60 and 40 arrive, then 53 dated between
	// them
	@Test
	void rollingMeanCountsALateValueInsideItsWindow() {
		RollingMeanRule rule = new RollingMeanRule(RuleFixtures.basics(), Measurand.NOX, new BigDecimal("50"),
				Duration.ofMinutes(30), 3, false, OxygenCorrection.standard());
		assertThat(rule.onReading(STACK, at(STACK, minutes(0), Measurand.NOX, "60"), minutes(0))).isEmpty();
		assertThat(rule.onReading(STACK, at(STACK, minutes(20), Measurand.NOX, "40"), minutes(20))).isEmpty();
		// mean of 60, 53, 40 = 51 > 50
		assertThat(rule.onReading(STACK, at(STACK, minutes(10), Measurand.NOX, "53"), minutes(21))).singleElement()
			.satisfies((e) -> assertThat(e.value()).isEqualByComparingTo("51"));
		// a value older than the newest minus the window is gone at once: 60 (minute 0)
		// leaves at minute 30,
		// then 53, 40, 47 → 46.67 ≤ 47.5: cleared
		assertThat(rule.onReading(STACK, at(STACK, minutes(30), Measurand.NOX, "47"), minutes(30))).singleElement()
			.satisfies((e) -> assertThat(e.state()).isEqualTo(State.CLEARED));
	}

	private static RateOfChangeRule suddenDrop() {
		return new RateOfChangeRule(RuleFixtures.basics(), Measurand.PM25, Duration.ofMinutes(10),
				new BigDecimal("0.6"), null, new BigDecimal("75"), false, OxygenCorrection.standard());
	}

}
