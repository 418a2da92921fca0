package org.lantian.alerts.channel;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warnings module's non-compliance alerts (rule {@code emergency-reduction}, on the
 * enterprise's first listed stack, severity high) reach bureau and emergency routes of
 * the city through the ordinary route matching; a route from critical does not get them.
 */
class EmergencyReductionRoutingTests {

	private final Routing routing = new Routing(List.of(
			Route.from(RoutingTests.route("bureau-baotou", "bureau", null, List.of("包头市"), "medium", List.of(),
					"http://127.0.0.1:1/bt", "bt@bureau.example"), 0),
			Route.from(RoutingTests.route("emergency", "emergency", null, List.of(), "high", List.of(),
					"http://127.0.0.1:1/em", "duty@em.example"), 1),
			Route.from(RoutingTests.route("emergency-critical", "emergency", null, List.of(), "critical", List.of(),
					"http://127.0.0.1:1/crit", "crit@em.example"), 2),
			Route.from(RoutingTests.route("steel", "enterprise", "BT-STEEL", List.of(), "low", List.of(),
					"http://127.0.0.1:1/steel", "ops@steel.example"), 3)));

	@Test
	void reachesBureauAndEmergencyButNotAnotherEnterprise() {
		Alert alert = new Alert("A7", "emergency-reduction", "BT-GAS-B1", "包头市", "BT-DHGAS", "emission-cut",
				Severity.HIGH, AlertStatus.OPEN, RoutingTests.T0, RoutingTests.T0, new BigDecimal("0.0"),
				new BigDecimal("20"),
				"东河区燃气供热站 (BT-DHGAS) above the allowed rate: achieved 0.0 % of the required 20 % cut; "
						+ "NOX 0.36 kg/h > allowed 0.288 (achieved 0.0 %)",
				List.of(new AlertChange(1, ChangeType.RAISED, RoutingTests.T0, "rules", null, AlertStatus.OPEN,
						Severity.HIGH)));

		Routing.Recipients recipients = this.routing.recipients(alert, ChangeType.RAISED);

		assertThat(recipients.emails()).containsExactlyInAnyOrder("bt@bureau.example", "duty@em.example");
		assertThat(recipients.webhooks()).containsExactlyInAnyOrder("http://127.0.0.1:1/bt", "http://127.0.0.1:1/em");
		assertThat(this.routing.recipients(alert, ChangeType.RESOLVED).emails()).contains("duty@em.example");
	}

}
