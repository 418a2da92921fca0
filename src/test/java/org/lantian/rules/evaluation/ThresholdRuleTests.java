package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.rules.evaluation.RuleFixtures.STACK;
import static org.lantian.rules.evaluation.RuleFixtures.at;
import static org.lantian.rules.evaluation.RuleFixtures.minutes;

class ThresholdRuleTests {

	// NH₃ slip ≤ 8 mg/m³ (SEEDS-BRIEF §5, S004 (二十)): strictly above 8 raises
	@ParameterizedTest(name = "nh3 {0} → {1}")
	@CsvSource(textBlock = """
			7.99, 0
			8,    0
			8.01, 1
			""")
	void raisesOnlyAboveTheThreshold(String value, int events) {
		ThresholdRule rule = nh3Slip();
		assertThat(rule.onReading(STACK, at(STACK, minutes(0), Measurand.NH3, value), minutes(0))).hasSize(events);
	}

	@Test
	void raisesOnceClearsOnlyBelowTheMarginAndEscalates() {
		ThresholdRule rule = new ThresholdRule(RuleFixtures.basics(), Measurand.NH3, new BigDecimal("8"),
				new BigDecimal("16"), false, OxygenCorrection.standard());
		List<RuleConditionChanged> events = new ArrayList<>();
		String[] values = { "9", "10", "7.7", "7.6", "17", "3" };
		for (int i = 0; i < values.length; i++) {
			events.addAll(rule.onReading(STACK, at(STACK, minutes(i), Measurand.NH3, values[i]), minutes(i)));
		}
		// 9 raises; 10 holds (no event); 7.7 > 8 × 0.95 = 7.6 stays; 7.6 clears; 17 >
		// 16 raises critical; 3 clears
		assertThat(events).extracting(RuleConditionChanged::state, RuleConditionChanged::severity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(State.ACTIVE, Severity.HIGH),
					org.assertj.core.groups.Tuple.tuple(State.CLEARED, Severity.HIGH),
					org.assertj.core.groups.Tuple.tuple(State.ACTIVE, Severity.CRITICAL),
					org.assertj.core.groups.Tuple.tuple(State.CLEARED, Severity.CRITICAL));
		assertThat(events.get(0).at()).isEqualTo(minutes(0));
		assertThat(events.get(0).subject()).isEqualTo("BM-POWER-1");
		assertThat(events.get(0).key()).isEqualTo("nh3");
		assertThat(events.get(0).value()).isEqualByComparingTo("9");
		assertThat(events.get(0).threshold()).isEqualByComparingTo("8");
		assertThat(events.get(1).at()).isEqualTo(minutes(3));
	}

	@Test
	void ignoresValuesNotFlaggedN() {
		ThresholdRule rule = nh3Slip();
		assertThat(rule.onReading(STACK, at(STACK, minutes(0), Measurand.NH3, "50", DataFlag.D), minutes(0))).isEmpty();
	}

	@Test
	void judgesTheO2CorrectedValue() {
		// SO₂ 30 mg/m³ at 11 % O₂, reference 6 %: 30 × 15 / 10 = 45 > 35 (GB 13271-2014
		// 式(1))
		ThresholdRule rule = new ThresholdRule(RuleFixtures.basics(), Measurand.SO2, new BigDecimal("35"), null, true,
				OxygenCorrection.standard());
		List<RuleConditionChanged> events = rule.onReading(STACK,
				RuleFixtures.of(STACK, minutes(0), Map.of(Measurand.SO2, "30", Measurand.O2, "11")), minutes(0));
		assertThat(events).singleElement().satisfies((e) -> assertThat(e.value()).isEqualByComparingTo("45"));
		// 30 at 6 % O₂ is 30: within
		ThresholdRule fresh = new ThresholdRule(RuleFixtures.basics(), Measurand.SO2, new BigDecimal("35"), null, true,
				OxygenCorrection.standard());
		assertThat(fresh.onReading(STACK,
				RuleFixtures.of(STACK, minutes(0), Map.of(Measurand.SO2, "30", Measurand.O2, "6")), minutes(0)))
			.isEmpty();
	}

	private static ThresholdRule nh3Slip() {
		return new ThresholdRule(RuleFixtures.basics(), Measurand.NH3, new BigDecimal("8"), null, false,
				OxygenCorrection.standard());
	}

}
