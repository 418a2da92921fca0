package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.PerformanceGrade;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.StackBaseline;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.rules.RuleConditionChanged;
import org.lantian.rules.RuleConditionChanged.State;
import org.lantian.rules.Severity;
import org.lantian.warnings.WarningEpisode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One non-compliance condition per warning, enterprise and pollutant: opened by a judged
 * hour above the allowed rate, not repeated while it holds, cleared by the next judged
 * compliant hour or the release.
 */
class ReductionAlertsTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final SiteId GAS = SiteId.of("BT-GAS-B1");

	// orange (20 %) from 08:00 local; baseline 0.36 kg/h NOx → allowed 0.288 kg/h
	private final WarningEpisode episode = TestEpisodes.raised("包头市", "2025-01-15T00:00:00Z", WarningLevel.ORANGE)
		.episode();

	private final ReductionEntry gas = new ReductionEntry("BT-DHGAS", "东河区燃气供热站", "包头市", PerformanceGrade.B,
			List.of(new StackBaseline(GAS, Map.of(Measurand.NOX, new BigDecimal("0.36")))), CutPercents.none(), true);

	private final ReductionList list = ReductionList.of(CutPercents.seedDefault(), List.of(), List.of(this.gas));

	private final ReductionAlerts alerts = new ReductionAlerts(ZONE);

	private final Set<String> active = Set.of(this.episode.id());

	@Test
	void opensOnceClearsOnTheNextCompliantHourAndOpensAgain() {
		// 30 mg/m³ × 12000 m³/h × 10⁻⁶ = 0.36 kg/h, no cut at all
		ReductionAlerts.Round first = this.alerts.next(List.of(verified("30")), this.active, at(1));

		assertThat(first.changes()).hasSize(1);
		RuleConditionChanged opened = first.changes().get(0);
		assertThat(opened.rule()).isEqualTo("emergency-reduction");
		assertThat(opened.subject()).isEqualTo("BT-GAS-B1");
		assertThat(opened.key()).isEqualTo("nox");
		assertThat(opened.state()).isEqualTo(State.ACTIVE);
		assertThat(opened.severity()).isEqualTo(Severity.HIGH);
		assertThat(opened.value()).isEqualByComparingTo("0.36");
		assertThat(opened.threshold()).isEqualByComparingTo("0.288");
		assertThat(opened.at()).isEqualTo(at(1));
		assertThat(opened.message()).isEqualTo("东河区燃气供热站 (BT-DHGAS) NOX 0.36 kg/h above the allowed 0.288 kg/h in "
				+ "2025-01-15 08:00–09:00: 橙色预警 (orange, warning " + this.episode.id()
				+ ") requires a 20 % cut of the 0.36 kg/h baseline, achieved 0.0 %");
		assertThat(first.nonCompliantHours()).isEqualTo(1);

		// the same hour again, then a second non-compliant hour: no new condition
		assertThat(this.alerts.next(List.of(verified("30")), this.active, at(1)).changes()).isEmpty();
		ReductionAlerts.Round third = this.alerts.next(List.of(verified("30", "30")), this.active, at(2));
		assertThat(third.changes()).isEmpty();
		assertThat(third.nonCompliantHours()).isEqualTo(1);

		// 20 mg/m³ → 0.24 kg/h ≤ 0.288: cleared
		ReductionAlerts.Round cleared = this.alerts.next(List.of(verified("30", "30", "20")), this.active, at(3));
		assertThat(cleared.changes()).extracting(RuleConditionChanged::state).containsExactly(State.CLEARED);
		assertThat(cleared.changes().get(0).message()).contains("0.24 kg/h within the allowed 0.288 kg/h");
		assertThat(cleared.nonCompliantHours()).isZero();

		// an hour without data changes nothing; the next non-compliant one opens again
		assertThat(this.alerts.next(List.of(verified("30", "30", "20", null)), this.active, at(4)).changes()).isEmpty();
		assertThat(this.alerts.next(List.of(verified("30", "30", "20", null, "30")), this.active, at(5)).changes())
			.extracting(RuleConditionChanged::state)
			.containsExactly(State.ACTIVE);
	}

	@Test
	void theReleaseClearsAnOpenConditionOnce() {
		this.alerts.next(List.of(verified("30")), this.active, at(1));

		ReductionAlerts.Round released = this.alerts.next(List.of(), Set.of(), at(2));

		assertThat(released.changes()).hasSize(1);
		assertThat(released.changes().get(0).state()).isEqualTo(State.CLEARED);
		assertThat(released.changes().get(0).subject()).isEqualTo("BT-GAS-B1");
		assertThat(released.changes().get(0).message())
			.isEqualTo("BT-DHGAS NOX: warning " + this.episode.id() + " released or no longer demands cuts");
		assertThat(this.alerts.next(List.of(), Set.of(), at(3)).changes()).isEmpty();
	}

	@Test
	void aWarningWhoseDataCouldNotBeReadKeepsItsCondition() {
		this.alerts.next(List.of(verified("30")), this.active, at(1));

		assertThat(this.alerts.next(List.of(), this.active, at(2)).changes()).isEmpty();
	}

	@Test
	void aConditionSeenFirstAsCompliantIsClearedInCaseAnEarlierRunLeftItOpen() {
		ReductionAlerts.Round first = this.alerts.next(List.of(verified("20")), this.active, at(1));

		assertThat(first.changes()).extracting(RuleConditionChanged::state).containsExactly(State.CLEARED);
		assertThat(this.alerts.next(List.of(verified("20", "20")), this.active, at(2)).changes()).isEmpty();
	}

	/**
	 * The episode verified over consecutive hours from 08:00 with these NOx mg/m³ (null:
	 * no data).
	 */
	private EpisodeVerification verified(String... concentrations) {
		List<Instant> hours = new ArrayList<>();
		List<StackHour> data = new ArrayList<>();
		for (int i = 0; i < concentrations.length; i++) {
			Instant hour = this.episode.start().plusSeconds(3600L * i);
			hours.add(hour);
			if (concentrations[i] != null) {
				data.add(new StackHour.Measured(GAS, hour, Measurand.NOX, new BigDecimal(concentrations[i]),
						new BigDecimal("12000")));
			}
		}
		return new EpisodeVerification(this.episode, hours, at(concentrations.length),
				List.of(EpisodeVerification.enterprise(this.list, this.gas, this.episode, hours, data)));
	}

	private Instant at(int hours) {
		return this.episode.start().plusSeconds(3600L * hours);
	}

}
