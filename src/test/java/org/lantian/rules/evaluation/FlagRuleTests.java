package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lantian.rules.evaluation.RuleFixtures.STACK;
import static org.lantian.rules.evaluation.RuleFixtures.minutes;

/** "Stopped (F) while the flow shows production", by a share of the design flow. */
class FlagRuleTests {

	private static FlagRule stoppedWhileProducing(@Nullable String flowAbove, @Nullable String flowShare) {
		return new FlagRule(RuleFixtures.basics(), Set.of(DataFlag.F), Set.of(Measurand.SO2), Duration.ZERO,
				(flowAbove != null) ? new BigDecimal(flowAbove) : null,
				(flowShare != null) ? new BigDecimal(flowShare) : null);
	}

	/** SO₂ flagged F beside a normal flow in m³/h. */
	private static Reading stoppedWithFlow(Site site, long minute, String flow) {
		return new Reading(site.id(), minutes(minute), ReadingPeriod.SAMPLE, Map.of(Measurand.SO2,
				Measurement.of("0", DataFlag.F), Measurand.FLOW, Measurement.of(flow, DataFlag.N)));
	}

	// production is a flow strictly above share × design flow, as it is strictly above
	// flowAbove
	@ParameterizedTest(name = "design {0} m³/h × {1}, flow {2} → {3} events")
	@CsvSource(textBlock = """
			# designFlow, flowShare, flow, events
			180000,  0.1,  17999,   0
			180000,  0.1,  18000,   0
			180000,  0.1,  18001,   1
			30000,   0.25, 7499,    0
			30000,   0.25, 7500,    0
			30000,   0.25, 7501,    1
			1100000, 1,    1100000, 0
			1100000, 1,    1100001, 1
			""")
	void judgesProductionAgainstAShareOfTheDesignFlow(String designFlow, String flowShare, String flow, int events) {
		Site stack = STACK.withDesignFlow(new BigDecimal(designFlow));
		FlagRule rule = stoppedWhileProducing(null, flowShare);

		assertThat(rule.productionThreshold(stack)).hasValueSatisfying((threshold) -> assertThat(threshold)
			.isEqualByComparingTo(new BigDecimal(designFlow).multiply(new BigDecimal(flowShare))));
		assertThat(rule.onReading(stack, stoppedWithFlow(stack, 0, flow), minutes(0))).hasSize(events);
	}

	@Test
	void saysWhichThresholdItJudgedAgainst() {
		Site stack = STACK.withDesignFlow(new BigDecimal("180000"));

		assertThat(stoppedWhileProducing(null, "0.1").onReading(stack, stoppedWithFlow(stack, 0, "20000"), minutes(0)))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.key()).isEqualTo("so2");
				assertThat(event.threshold()).isEqualByComparingTo("18000");
				assertThat(event.message()).contains("so2 flagged F (stopped)",
						"while the flow 20000 m³/h shows production (> 18000 m³/h, 10 % of the design flow 180000)");
			});
	}

	// flowAbove wins over flowShare for every site: design 180,000 × 0.1 = 18,000 would
	// call 20,000 production, flowAbove 110,000 does not
	@ParameterizedTest(name = "flowAbove 110000 and flowShare 0.1, flow {0} → {1} events")
	@CsvSource(textBlock = """
			20000,  0
			110000, 0
			110001, 1
			""")
	void prefersFlowAboveToAShareOfTheDesignFlow(String flow, int events) {
		Site stack = STACK.withDesignFlow(new BigDecimal("180000"));
		FlagRule rule = stoppedWhileProducing("110000", "0.1");

		assertThat(rule.productionThreshold(stack))
			.hasValueSatisfying((threshold) -> assertThat(threshold).isEqualByComparingTo("110000"));
		assertThat(rule.onReading(stack, stoppedWithFlow(stack, 0, flow), minutes(0))).hasSize(events);
	}

	@Test
	void leavesAStackWithoutDesignFlowUnjudgedByAShare() {
		FlagRule byShare = stoppedWhileProducing(null, "0.1");
		FlagRule byFlow = stoppedWhileProducing("110000", null);

		assertThat(STACK.designFlow()).isNull();
		assertThat(byShare.productionThreshold(STACK)).isEmpty();
		assertThat(byShare.onReading(STACK, stoppedWithFlow(STACK, 0, "1000000"), minutes(0))).isEmpty();
		// flowAbove needs no design flow
		assertThat(byFlow.onReading(STACK, stoppedWithFlow(STACK, 0, "1000000"), minutes(0))).hasSize(1);
	}

	@Test
	void clearsWhenTheFlowFallsToOrBelowTheShare() {
		Site stack = STACK.withDesignFlow(new BigDecimal("30000"));
		FlagRule rule = stoppedWhileProducing(null, "0.1");

		assertThat(rule.onReading(stack, stoppedWithFlow(stack, 0, "3001"), minutes(0))).hasSize(1);
		List<RuleConditionChanged> changes = rule.onReading(stack, stoppedWithFlow(stack, 1, "3000"), minutes(1));
		assertThat(changes).singleElement().satisfies((event) -> assertThat(event.state()).isEqualTo(State.CLEARED));
	}

	@Test
	void watchesProductionOnlyWithAThreshold() {
		assertThat(stoppedWhileProducing(null, null).watchesProduction()).isFalse();
		assertThat(stoppedWhileProducing(null, null).productionThreshold(STACK.withDesignFlow(BigDecimal.TEN)))
			.isEmpty();
		assertThat(stoppedWhileProducing(null, "0.1").watchesProduction()).isTrue();
		assertThat(stoppedWhileProducing("0", null).watchesProduction()).isTrue();
	}

	@ParameterizedTest(name = "flowAbove {0}, flowShare {1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			   | 0    | flowShare must be a fraction in (0, 1] of the design flow, was 0
			   | -0.1 | flowShare must be a fraction in (0, 1] of the design flow, was -0.1
			   | 1.01 | flowShare must be a fraction in (0, 1] of the design flow, was 1.01
			-1 |      | negative flowAbove: -1 m³/h
			""")
	void refusesAShareOutsideZeroToOneAndANegativeFlow(@Nullable String flowAbove, @Nullable String flowShare,
			String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> stoppedWhileProducing(flowAbove, flowShare))
			.withMessage(message);
	}

}
