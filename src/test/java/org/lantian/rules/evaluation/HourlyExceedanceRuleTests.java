package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Measurand;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.rules.evaluation.RuleFixtures.STACK;

class HourlyExceedanceRuleTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	// ultra-low-coal-power SO₂ 35 mg/m³ at 6 % O₂ (STANDARDS §5.2); O₂ measured 6 % so
	// the corrected mean equals the measured one; 45 valid minutes make an hour (§5.5)
	@ParameterizedTest(name = "{0} minutes of SO₂ {1} → {2}")
	@CsvSource(textBlock = """
			60, 34.99, 0
			60, 35,    0
			60, 35.01, 1
			45, 70,    1
			44, 70,    0
			""")
	void judgesTheValidHourlyMeanWhenTheNextHourBegins(int minutes, String so2, int events) {
		HourlyExceedanceRule rule = rule();
		Instant hour = Instant.parse("2026-01-15T08:00:00+08:00");
		List<RuleConditionChanged> all = new ArrayList<>();
		for (int m = 0; m < minutes; m++) {
			Instant t = hour.plus(Duration.ofMinutes(m));
			all.addAll(
					rule.onReading(STACK, RuleFixtures.of(STACK, t, Map.of(Measurand.SO2, so2, Measurand.O2, "6")), t));
		}
		assertThat(all).isEmpty();
		Instant next = hour.plus(Duration.ofHours(1));
		all.addAll(rule.onReading(STACK, RuleFixtures.of(STACK, next, Map.of(Measurand.SO2, "1", Measurand.O2, "6")),
				next));
		assertThat(all).hasSize(events);
		if (events > 0) {
			RuleConditionChanged event = all.get(0);
			assertThat(event.state()).isEqualTo(State.ACTIVE);
			assertThat(event.key()).isEqualTo("so2");
			assertThat(event.at()).isEqualTo(hour);
			assertThat(event.threshold()).isEqualByComparingTo("35");
			assertThat(event.message()).contains("above the limit 35 mg/m³ (ultra-low-coal-power)")
				.contains("exceedance ratio");
		}
	}

	// 70 at 11 % O₂ → 70 × 15 / 10 = 105 mg/m³ at 6 %: ratio (105 − 35)/35 = 2 ≥ 1 →
	// critical; a silent site's hour closes by the timer 15 min after its end; then a
	// compliant hour (20 ≤ 35 × 0.95) clears it
	@ParameterizedTest(name = "critical ratio and timer")
	@CsvSource("70, 11")
	void criticalByRatioClosedByTimerAndCleared(String so2, String o2) {
		HourlyExceedanceRule rule = rule();
		Instant hour = Instant.parse("2026-01-15T08:00:00+08:00");
		for (int m = 0; m < 60; m++) {
			Instant t = hour.plus(Duration.ofMinutes(m));
			rule.onReading(STACK, RuleFixtures.of(STACK, t, Map.of(Measurand.SO2, so2, Measurand.O2, o2)), t);
		}
		assertThat(rule.onTick(hour.plus(Duration.ofMinutes(74)), (s) -> true)).isEmpty();
		List<RuleConditionChanged> closed = rule.onTick(hour.plus(Duration.ofMinutes(75)), (s) -> true);
		assertThat(closed).singleElement().satisfies((e) -> {
			assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(e.value()).isEqualByComparingTo("105");
		});
		Instant later = hour.plus(Duration.ofHours(2));
		for (int m = 0; m < 60; m++) {
			Instant t = later.plus(Duration.ofMinutes(m));
			rule.onReading(STACK, RuleFixtures.of(STACK, t, Map.of(Measurand.SO2, "20", Measurand.O2, "6")), t);
		}
		assertThat(rule.onTick(later.plus(Duration.ofMinutes(80)), (s) -> true)).singleElement()
			.satisfies((e) -> assertThat(e.state()).isEqualTo(State.CLEARED));
	}

	// a logger re-sending an old hour (补传) hours later: the timer does not cut the hour
	// off after its first minutes; it closes 15 min after the last of them arrived, with
	// all 60 minutes: 30 at 9 % O₂ → 30 × 15 / 12 = 37.5 > 35 (STANDARDS §5.4)
	@Test
	void aBackFilledHourIsJudgedWholeAfterItsLastReadingArrived() {
		HourlyExceedanceRule rule = rule();
		Instant hour = Instant.parse("2026-01-15T08:00:00+08:00");
		Instant arrival = hour.plus(Duration.ofHours(4));
		for (int m = 0; m < 60; m++) {
			Instant t = hour.plus(Duration.ofMinutes(m));
			Instant received = arrival.plusSeconds(m);
			rule.onReading(STACK, RuleFixtures.of(STACK, t, Map.of(Measurand.SO2, "30", Measurand.O2, "9")), received);
			assertThat(rule.onTick(received.plusMillis(500), (s) -> true)).isEmpty();
		}
		Instant last = arrival.plusSeconds(59);
		assertThat(rule.onTick(last.plus(Duration.ofMinutes(15)).minusSeconds(1), (s) -> true)).isEmpty();
		assertThat(rule.onTick(last.plus(Duration.ofMinutes(15)), (s) -> true)).singleElement().satisfies((e) -> {
			assertThat(e.state()).isEqualTo(State.ACTIVE);
			assertThat(e.value()).isEqualByComparingTo("37.5");
		});
	}

	private static HourlyExceedanceRule rule() {
		return new HourlyExceedanceRule(RuleFixtures.basics(), Set.of(Measurand.SO2), BigDecimal.ONE,
				Duration.ofMinutes(15), ZONE, OxygenCorrection.standard());
	}

}
