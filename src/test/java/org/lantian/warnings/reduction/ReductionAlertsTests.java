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
import org.lantian.storage.AlertRecord;
import org.lantian.warnings.WarningEpisode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One non-compliance condition per warning and enterprise, whichever of its pollutants
 * fail: opened by a latest judged hour with a pollutant above its allowed rate, not
 * repeated while that holds, cleared by a later judged hour with every judged pollutant
 * within or by the release.
 */
class ReductionAlertsTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final SiteId GAS = SiteId.of("BT-GAS-B1");

	private static final List<Measurand> POLLUTANTS = List.of(Measurand.SO2, Measurand.NOX, Measurand.PM);

	// orange (20 %) from 08:00 local; at 12000 m³/h the baselines are 50, 30 and 10
	// mg/m³ → allowed SO2 0.48, NOx 0.288, PM 0.096 kg/h (40, 24, 8 mg/m³)
	private final WarningEpisode episode = TestEpisodes.raised("包头市", "2025-01-15T00:00:00Z", WarningLevel.ORANGE)
		.episode();

	private final ReductionEntry gas = new ReductionEntry("BT-DHGAS", "东河区燃气供热站", "包头市", PerformanceGrade.B,
			List.of(new StackBaseline(GAS, Map.of(Measurand.SO2, new BigDecimal("0.6"), Measurand.NOX,
					new BigDecimal("0.36"), Measurand.PM, new BigDecimal("0.12")))),
			CutPercents.none(), true);

	private final ReductionList list = ReductionList.of(CutPercents.seedDefault(), List.of(), List.of(this.gas));

	private final ReductionAlerts alerts = new ReductionAlerts(ZONE);

	private final Set<String> active = Set.of(this.episode.id());

	@Test
	void oneConditionForThreeFailingPollutantsClearedOnlyWhenAllAreWithin() {
		// HJ 212-2017 附录D 式(33): SO2 45 mg/m³ × 12000 m³/h × 10⁻⁶ = 0.54 kg/h, (0.6 −
		// 0.54) / 0.6 = 10.0 %; NOx and PM at their baselines, 0.0 %
		ReductionAlerts.Round first = this.alerts.next(List.of(verified(hour("45", "30", "10"))), this.active, at(1));

		assertThat(first.changes()).hasSize(1);
		RuleConditionChanged opened = first.changes().get(0);
		assertThat(opened.rule()).isEqualTo("emergency-reduction");
		assertThat(opened.subject()).isEqualTo("BT-GAS-B1");
		assertThat(opened.key()).isEqualTo("emission-cut");
		assertThat(opened.state()).isEqualTo(State.ACTIVE);
		assertThat(opened.severity()).isEqualTo(Severity.HIGH);
		// the worst pollutant's achieved cut against the 20 % owed at orange
		assertThat(opened.value()).isEqualByComparingTo("0.0");
		assertThat(opened.threshold()).isEqualByComparingTo("20");
		assertThat(opened.at()).isEqualTo(at(1));
		assertThat(opened.message()).isEqualTo("东河区燃气供热站 (BT-DHGAS) above the allowed rate in 2025-01-15 08:00–09:00, "
				+ "橙色预警 (orange, warning " + this.episode.id() + "): achieved 0.0 % of the required 20 % cut; "
				+ "SO2 0.54 kg/h > allowed 0.48 (achieved 10.0 %); NOX 0.36 kg/h > allowed 0.288 (achieved 0.0 %); "
				+ "PM 0.12 kg/h > allowed 0.096 (achieved 0.0 %)");
		// one enterprise-hour, not three pollutant-hours
		assertThat(first.nonCompliantHours()).isEqualTo(1);

		// the same hour again: nothing new
		ReductionAlerts.Round again = this.alerts.next(List.of(verified(hour("45", "30", "10"))), this.active, at(1));
		assertThat(again.changes()).isEmpty();
		assertThat(again.nonCompliantHours()).isZero();

		// SO2 within (40 mg/m³ → 0.48 kg/h, exactly allowed), then NOx too: PM still
		// fails
		ReductionAlerts.Round second = this.alerts.next(
				List.of(verified(hour("45", "30", "10"), hour("40", "30", "10"), hour("40", "20", "10"))), this.active,
				at(3));
		assertThat(second.changes()).isEmpty();
		assertThat(second.nonCompliantHours()).isEqualTo(2);

		// every pollutant within: cleared, with the worst achieved cut (SO2, 20.0 %)
		ReductionAlerts.Round cleared = this.alerts.next(List.of(verified(hour("45", "30", "10"),
				hour("40", "30", "10"), hour("40", "20", "10"), hour("40", "20", "5"))), this.active, at(4));
		assertThat(cleared.changes()).hasSize(1);
		RuleConditionChanged within = cleared.changes().get(0);
		assertThat(within.state()).isEqualTo(State.CLEARED);
		assertThat(within.key()).isEqualTo("emission-cut");
		assertThat(within.value()).isEqualByComparingTo("20.0");
		assertThat(within.threshold()).isEqualByComparingTo("20");
		assertThat(within.at()).isEqualTo(at(4));
		assertThat(within.message()).isEqualTo("东河区燃气供热站 (BT-DHGAS) within the allowed rate in 2025-01-15 11:00–12:00, "
				+ "橙色预警 (orange, warning " + this.episode.id() + "): achieved 20.0 % of the required 20 % cut; "
				+ "SO2 0.48 kg/h ≤ allowed 0.48 (achieved 20.0 %); NOX 0.24 kg/h ≤ allowed 0.288 (achieved 33.3 %); "
				+ "PM 0.06 kg/h ≤ allowed 0.096 (achieved 50.0 %)");
		assertThat(cleared.nonCompliantHours()).isZero();
	}

	@Test
	void aPollutantNotJudgedInTheLatestHourNeitherRaisesNorClearsByItself() {
		// 08:00 only NOx judged, above: open, naming NOx only
		ReductionAlerts.Round first = this.alerts.next(List.of(verified(hour(null, "30", null))), this.active, at(1));
		assertThat(first.changes()).extracting(RuleConditionChanged::state).containsExactly(State.ACTIVE);
		assertThat(first.changes().get(0).message()).endsWith("cut; NOX 0.36 kg/h > allowed 0.288 (achieved 0.0 %)")
			.doesNotContain("SO2", "PM");

		// 09:00 NOx not judged, SO2 and PM within: NOx's earlier hour does not keep it
		// open
		List<String[]> hours = new ArrayList<>(List.of(hour(null, "30", null), hour("40", null, "8")));
		ReductionAlerts.Round second = this.alerts.next(List.of(verified(hours)), this.active, at(2));
		assertThat(second.changes()).extracting(RuleConditionChanged::state).containsExactly(State.CLEARED);
		assertThat(second.changes().get(0).message()).endsWith(
				"cut; SO2 0.48 kg/h ≤ allowed 0.48 (achieved 20.0 %); PM 0.096 kg/h ≤ allowed 0.096 (achieved 20.0 %)");

		// 10:00 without any data changes nothing; 11:00 SO2 above with the others
		// not judged opens it again
		hours.add(hour(null, null, null));
		assertThat(this.alerts.next(List.of(verified(hours)), this.active, at(3)).changes()).isEmpty();
		hours.add(hour("50", null, null));
		ReductionAlerts.Round fourth = this.alerts.next(List.of(verified(hours)), this.active, at(4));
		assertThat(fourth.changes()).extracting(RuleConditionChanged::state).containsExactly(State.ACTIVE);
		assertThat(fourth.changes().get(0).value()).isEqualByComparingTo("0.0");

		// NOx of 11:00 judged late, within: SO2 still above, nothing changes; PM's
		// 11:00 arriving late and above is a new pollutant but the same enterprise-hour
		hours.set(3, hour("50", "20", "10"));
		ReductionAlerts.Round late = this.alerts.next(List.of(verified(hours)), this.active, at(5));
		assertThat(late.changes()).isEmpty();
		assertThat(late.nonCompliantHours()).isZero();
	}

	@Test
	void aFailingHourJudgedLateIsCountedOnce() {
		List<String[]> hours = new ArrayList<>(List.of(hour("40", "20", "8"), hour("40", null, "8")));
		assertThat(this.alerts.next(List.of(verified(hours)), this.active, at(2)).nonCompliantHours()).isZero();

		// NOx of 09:00 arrives late and above: one more enterprise-hour, and the alert
		hours.set(1, hour("40", "30", "8"));
		ReductionAlerts.Round late = this.alerts.next(List.of(verified(hours)), this.active, at(3));
		assertThat(late.nonCompliantHours()).isEqualTo(1);
		assertThat(late.changes()).extracting(RuleConditionChanged::state).containsExactly(State.ACTIVE);
		assertThat(this.alerts.next(List.of(verified(hours)), this.active, at(3)).nonCompliantHours()).isZero();
	}

	@Test
	void theReleaseClearsAnOpenConditionOnce() {
		this.alerts.next(List.of(verified(hour("50", "30", "10"))), this.active, at(1));

		ReductionAlerts.Round released = this.alerts.next(List.of(), Set.of(), at(2));

		assertThat(released.changes()).hasSize(1);
		RuleConditionChanged cleared = released.changes().get(0);
		assertThat(cleared.state()).isEqualTo(State.CLEARED);
		assertThat(cleared.subject()).isEqualTo("BT-GAS-B1");
		assertThat(cleared.key()).isEqualTo("emission-cut");
		assertThat(cleared.at()).isEqualTo(at(2));
		assertThat(cleared.message())
			.isEqualTo("BT-DHGAS: warning " + this.episode.id() + " released or no longer demands cuts");
		assertThat(this.alerts.next(List.of(), Set.of(), at(3)).changes()).isEmpty();
	}

	@Test
	void aWarningWhoseDataCouldNotBeReadKeepsItsCondition() {
		this.alerts.next(List.of(verified(hour("50", "30", "10"))), this.active, at(1));

		assertThat(this.alerts.next(List.of(), this.active, at(2)).changes()).isEmpty();
	}

	@Test
	void aConditionSeenFirstAsCompliantIsClearedInCaseAnEarlierRunLeftItOpen() {
		ReductionAlerts.Round first = this.alerts.next(List.of(verified(hour("40", "20", "8"))), this.active, at(1));

		assertThat(first.changes()).extracting(RuleConditionChanged::state).containsExactly(State.CLEARED);
		assertThat(this.alerts.next(List.of(verified(hour("40", "20", "8"), hour("40", "20", "8"))), this.active, at(2))
			.changes()).isEmpty();
	}

	/** One hour's SO2, NOx and PM in mg/m³ (null: no data). */
	private static String[] hour(String so2, String nox, String pm) {
		return new String[] { so2, nox, pm };
	}

	private EpisodeVerification verified(String[]... hours) {
		return verified(List.of(hours));
	}

	/** The episode verified over consecutive hours from 08:00 at 12000 m³/h. */
	private EpisodeVerification verified(List<String[]> concentrations) {
		List<Instant> hours = new ArrayList<>();
		List<StackHour> data = new ArrayList<>();
		for (int i = 0; i < concentrations.size(); i++) {
			Instant hour = this.episode.start().plusSeconds(3600L * i);
			hours.add(hour);
			for (int p = 0; p < POLLUTANTS.size(); p++) {
				String value = concentrations.get(i)[p];
				if (value != null) {
					data.add(new StackHour.Measured(GAS, hour, POLLUTANTS.get(p), new BigDecimal(value),
							new BigDecimal("12000")));
				}
			}
		}
		return new EpisodeVerification(this.episode, hours, at(concentrations.size()),
				List.of(EpisodeVerification.enterprise(this.list, this.gas, this.episode, hours, data)));
	}

	private Instant at(int hours) {
		return this.episode.start().plusSeconds(3600L * hours);
	}

	@Test
	void anAlertLeftOpenByAnEarlierRunIsClearedWhenNoWarningDemandingCutsCoversItsEnterprise() {
		Instant raised = at(0);
		List<AlertRecord> unresolved = List.of(
				new AlertRecord("a1", 1, "raised", raised, "rules", null, "emergency-reduction", "BT-GAS-B1", "包头市",
						"BT-DHGAS", "emission-cut", "open", "high", raised, null, null, "raised"),
				new AlertRecord("a1", 2, "escalated", raised, "escalation", null, "emergency-reduction", "BT-GAS-B1",
						"包头市", "BT-DHGAS", "emission-cut", "open", "critical", raised, null, null, "raised"),
				new AlertRecord("a2", 1, "raised", raised, "rules", null, "emergency-reduction", "BT-HEAT-B1", "包头市",
						"BT-QSHEAT", "emission-cut", "open", "high", raised, null, null, "raised"),
				new AlertRecord("a3", 1, "raised", raised, "rules", null, "stack-so2-hourly", "WH-BOILER-01", "乌海市",
						"WH-HEAT", "so2", "open", "high", raised, null, null, "raised"));

		// 包头市's warning was released while Lantian was down; the gas boiler's city is
		// still covered in the second case
		assertThat(this.alerts.orphans(unresolved, Set.of(), at(2))).extracting(RuleConditionChanged::subject)
			.containsExactly("BT-GAS-B1", "BT-HEAT-B1");
		List<RuleConditionChanged> cleared = this.alerts.orphans(unresolved, Set.of("BT-GAS-B1"), at(2));
		assertThat(cleared).singleElement().satisfies((change) -> {
			assertThat(change.subject()).isEqualTo("BT-HEAT-B1");
			assertThat(change.key()).isEqualTo("emission-cut");
			assertThat(change.state()).isEqualTo(State.CLEARED);
			assertThat(change.at()).isEqualTo(at(2));
		});
	}

}
