package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantian.rules.evaluation.RuleFixtures.T0;

/** An event-driven condition restored from the alert journal after a restart. */
class EventRuleRestoreTests {

	static final String CITY = "包头市";

	final EventRule rule = new EventRule(RuleFixtures.basics(), Set.of(), Duration.ofHours(48), null);

	@Test
	void aRestoredDailyConditionClearsADayAndTwoHoursAfterTheRestart() {
		this.rule.restore(CITY, Map.of("pm25-daily", Severity.HIGH), T0);

		assertThat(this.rule.activeCount()).isEqualTo(1);
		assertThat(this.rule.onTick(T0.plus(Duration.ofHours(26)).minusSeconds(1), (s) -> true)).isEmpty();
		assertThat(this.rule.onTick(T0.plus(Duration.ofHours(26)), (s) -> true)).singleElement().satisfies((c) -> {
			assertThat(c.state()).isEqualTo(State.CLEARED);
			assertThat(c.key()).isEqualTo("pm25-daily");
			assertThat(c.severity()).isEqualTo(Severity.HIGH);
		});
		assertThat(this.rule.activeCount()).isZero();
	}

	@Test
	void aRestoredHourlyConditionClearsAnHourAndTwoHoursAfterTheRestart() {
		this.rule.restore(CITY, Map.of("so2-hourly", Severity.HIGH), T0);

		assertThat(this.rule.onTick(T0.plus(Duration.ofHours(3)).minusSeconds(1), (s) -> true)).isEmpty();
		assertThat(this.rule.onTick(T0.plus(Duration.ofHours(3)), (s) -> true)).extracting(RuleConditionChanged::state)
			.containsExactly(State.CLEARED);
	}

	@Test
	void theNextAnnouncementIsNotRaisedAgainAndReplacesTheGuessedClearing() {
		this.rule.restore(CITY, Map.of("pm25-daily", Severity.HIGH), T0);

		// the day 2026-01-15 (UTC here) announced again at 00:10 the day after
		Instant start = T0;
		Instant end = T0.plus(Duration.ofDays(1));
		assertThat(this.rule.announced(CITY, "pm25-daily", start, end, new BigDecimal("80"), new BigDecimal("75"),
				"PM2.5 daily 80 > 75", end.plusSeconds(600)))
			.isEmpty();
		// cleared one period (1 d) + 2 h after the announced day's end, not after the
		// guess
		assertThat(this.rule.onTick(end.plus(Duration.ofHours(26)).minusSeconds(1), (s) -> true)).isEmpty();
		assertThat(this.rule.onTick(end.plus(Duration.ofHours(26)), (s) -> true)).hasSize(1);
	}

	@Test
	void restoringNothingForgetsWhatWasActive() {
		this.rule.announced(CITY, "aqi", T0, T0.plus(Duration.ofDays(1)), null, null, "heavy day",
				T0.plus(Duration.ofDays(1)));

		this.rule.restore(CITY, Map.of(), T0.plus(Duration.ofDays(1)));

		assertThat(this.rule.activeCount()).isZero();
		assertThat(this.rule.onTick(T0.plus(Duration.ofDays(3)), (s) -> true)).isEmpty();
	}

}
