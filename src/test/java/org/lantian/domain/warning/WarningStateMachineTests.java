package org.lantian.domain.warning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Raise, upgrade, downgrade and release of one city's warning under MEE 2024, with the
 * Yangzhou release rule (STANDARDS §4.1: below yellow and forecast to stay so ≥ 36 h).
 */
class WarningStateMachineTests {

	private static final LocalDate D = LocalDate.of(2026, 1, 15);

	private static final Instant T0 = Instant.parse("2026-01-15T02:00:00Z");

	private final WarningStateMachine machine = WarningStateMachine.standard();

	private final WarningScheme scheme = WarningScheme.mee2024();

	@Test
	void anEpisodeIsRaisedUpgradedDowngradedAndReleased() {
		WarningState state = WarningState.none("包头市");

		WarningTransition raised = step(state, T0, 210, 180, 120);
		assertThat(raised.kind()).isEqualTo(WarningTransition.Kind.RAISED);
		assertThat(raised.to()).isEqualTo(WarningLevel.YELLOW);
		assertThat(raised.state().since()).contains(T0);
		assertThat(raised.state().episodeStart()).contains(T0);
		assertThat(raised.state().basis().orElseThrow().rule()).isEqualTo("日AQI>200持续≥24小时");
		assertThat(raised.state().basis().orElseThrow().evidence()).extracting(DayAqi::aqi).containsExactly(210);

		Instant t1 = T0.plus(Duration.ofHours(24));
		WarningTransition upgraded = step(raised.state(), t1, 230, 260, 150);
		assertThat(upgraded.kind()).isEqualTo(WarningTransition.Kind.UPGRADED);
		assertThat(upgraded.from()).isEqualTo(WarningLevel.YELLOW);
		assertThat(upgraded.to()).isEqualTo(WarningLevel.ORANGE);
		assertThat(upgraded.state().since()).contains(t1);
		assertThat(upgraded.state().episodeStart()).contains(T0);

		Instant t2 = t1.plus(Duration.ofHours(24));
		WarningTransition same = step(upgraded.state(), t2, 240, 250, 100);
		assertThat(same.kind()).isEqualTo(WarningTransition.Kind.UNCHANGED);
		assertThat(same.state().since()).as("since stays at the level's start").contains(t1);

		Instant t3 = t2.plus(Duration.ofHours(24));
		WarningTransition downgraded = step(same.state(), t3, 160, 170, 120);
		assertThat(downgraded.kind()).isEqualTo(WarningTransition.Kind.DOWNGRADED);
		assertThat(downgraded.to()).isEqualTo(WarningLevel.YELLOW);
		assertThat(downgraded.state().basis().orElseThrow().rule()).isEqualTo("日AQI>150持续≥48小时");

		Instant t4 = t3.plus(Duration.ofHours(24));
		WarningTransition released = step(downgraded.state(), t4, 120, 90);
		assertThat(released.kind()).isEqualTo(WarningTransition.Kind.RELEASED);
		assertThat(released.to()).isEqualTo(WarningLevel.NONE);
		assertThat(released.state().since()).contains(t4);
		assertThat(released.state().episodeStart()).isEmpty();
		assertThat(released.reason()).endsWith("forecast for 48 h (release needs ≥ 36 h)");
	}

	@Test
	void releaseWaitsUntilTheForecastCovers36Hours() {
		WarningState yellow = step(WarningState.none("包头市"), T0, 210).state();

		// one forecast day (24 h) below yellow: 12 h short of the 36 h
		WarningTransition pending = step(yellow, T0.plusSeconds(3600), 120);
		assertThat(pending.kind()).isEqualTo(WarningTransition.Kind.UNCHANGED);
		assertThat(pending.state().level()).isEqualTo(WarningLevel.YELLOW);
		assertThat(pending.reason()).startsWith("release pending: ")
			.endsWith("but the forecast covers 24 h of the 36 h a release needs");

		// an observed clean day plus one forecast day: still only 24 h forecast
		AqiSeries observedAndOne = AqiSeries.of(new AqiForecast("包头市", T0, AqiForecastTests.days(D, 100, 110)), D,
				Optional.of(new ObservedAqi(D, T0, 90, Optional.empty())));
		assertThat(this.machine.next(yellow, this.scheme.grade("包头市", observedAndOne), T0).kind())
			.isEqualTo(WarningTransition.Kind.UNCHANGED);

		// two forecast days (48 h ≥ 36 h): released
		assertThat(step(yellow, T0.plusSeconds(3600), 120, 130).kind()).isEqualTo(WarningTransition.Kind.RELEASED);
	}

	@Test
	void aShorterReleaseRuleReleasesOnOneForecastDay() {
		WarningStateMachine daily = new WarningStateMachine(Duration.ofHours(24));
		WarningState yellow = step(WarningState.none("包头市"), T0, 210).state();

		assertThat(daily.next(yellow, this.scheme.grade("包头市", AqiSeries.daily(D, 120)), T0).kind())
			.isEqualTo(WarningTransition.Kind.RELEASED);
	}

	@Test
	void aLaterForecastEpisodeHoldsTheWarning() {
		WarningState yellow = step(WarningState.none("包头市"), T0, 210).state();

		WarningTransition held = step(yellow, T0.plusSeconds(3600), 100, 100, 220);

		assertThat(held.kind()).isEqualTo(WarningTransition.Kind.UNCHANGED);
		assertThat(held.state().level()).isEqualTo(WarningLevel.YELLOW);
	}

	@Test
	void aCleanForecastLeavesNoWarningAlone() {
		WarningTransition none = step(WarningState.none("包头市"), T0, 150, 150);

		assertThat(none.kind()).isEqualTo(WarningTransition.Kind.UNCHANGED);
		assertThat(none.isChange()).isFalse();
		assertThat(none.state()).isEqualTo(WarningState.none("包头市"));
	}

	@Test
	void aRedRaisedStraightFromNone() {
		WarningTransition red = step(WarningState.none("包头市"), T0, 260, 280, 320);

		assertThat(red.kind()).isEqualTo(WarningTransition.Kind.RAISED);
		assertThat(red.to()).isEqualTo(WarningLevel.RED);
		assertThat(red.state().demandsEmergencyReduction()).isTrue();
	}

	@Test
	void refusesAGradingOfAnotherCity() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.machine.next(WarningState.none("包头市"),
					this.scheme.grade("乌海市", AqiSeries.daily(D, 210)), T0))
			.withMessage("grading of 乌海市 cannot move the warning of 包头市");
	}

	private WarningTransition step(WarningState state, Instant at, int... aqi) {
		return this.machine.next(state, this.scheme.grade(state.region(), AqiSeries.daily(D, aqi)), at);
	}

}
