package org.lantian.alerts.channel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingTests {

	static final Instant T0 = Instant.parse("2026-01-15T08:00:00+08:00");

	static Alert alert(String site, String city, String enterprise, Severity severity) {
		return new Alert("A1", "stack-so2-hourly", site, city, enterprise, "so2", severity, AlertStatus.OPEN, T0, T0,
				BigDecimal.TEN, BigDecimal.ONE, "m",
				List.of(new AlertChange(1, ChangeType.RAISED, T0, "rules", null, AlertStatus.OPEN, severity)));
	}

	static ChannelProperties.RouteProperties route(String name, String role, String enterprise, List<String> cities,
			String minSeverity, List<String> changes, String webhook, String email) {
		return new ChannelProperties.RouteProperties(name, role, enterprise, cities, minSeverity, changes,
				List.of(webhook), List.of(email));
	}

	final Routing routing = new Routing(List.of(
			Route.from(route("bureau-baotou", "bureau", null, List.of("包头市"), "medium", List.of(),
					"http://127.0.0.1:1/bt", "bt@bureau.example"), 0),
			Route.from(route("steel", "enterprise", "BT-STEEL", List.of(), "low", List.of(), "http://127.0.0.1:1/steel",
					"ops@steel.example"), 1),
			Route.from(route("emergency", "emergency", null, List.of(), "critical", List.of("raised"),
					"http://127.0.0.1:1/em", "duty@em.example"), 2)));

	@Test
	void anEnterprisesContactsGetOnlyTheirOwnSitesAlerts() {
		Routing.Recipients own = this.routing.recipients(alert("BT-STEEL-S1", "包头市", "BT-STEEL", Severity.LOW),
				ChangeType.RAISED);
		Routing.Recipients other = this.routing.recipients(alert("WH-POWER-S1", "乌海市", "WH-POWER", Severity.LOW),
				ChangeType.RAISED);

		assertThat(own.emails()).containsExactly("ops@steel.example");
		assertThat(other.emails()).isEmpty();
		assertThat(other.webhooks()).isEmpty();
	}

	@Test
	void aBureauRouteFiltersByCityAndMinimumSeverity() {
		assertThat(
				this.routing.recipients(alert("BT-KDL-01", "包头市", null, Severity.MEDIUM), ChangeType.RAISED).webhooks())
			.containsExactly("http://127.0.0.1:1/bt");
		assertThat(this.routing.recipients(alert("BT-KDL-01", "包头市", null, Severity.LOW), ChangeType.RAISED).webhooks())
			.isEmpty();
		assertThat(this.routing.recipients(alert("HH-01", "呼和浩特市", null, Severity.HIGH), ChangeType.RAISED).webhooks())
			.isEmpty();
	}

	@Test
	void aRouteMayTakeOnlySomeChanges() {
		Alert critical = alert("HH-01", "呼和浩特市", null, Severity.CRITICAL);

		assertThat(this.routing.recipients(critical, ChangeType.RAISED).emails()).containsExactly("duty@em.example");
		assertThat(this.routing.recipients(critical, ChangeType.ACKNOWLEDGED).emails()).isEmpty();
	}

	@Test
	void everyRecipientOnceEvenIfSeveralRoutesMatch() {
		Routing twice = new Routing(List.of(
				Route.from(route(null, "admin", null, List.of(), "low", List.of(), "http://h/x", "a@b.c"), 0),
				Route.from(route(null, "bureau", null, List.of(), "low", List.of(), "http://h/x", "a@b.c"), 1)));

		Routing.Recipients recipients = twice.recipients(alert("S", "包头市", null, Severity.LOW), ChangeType.RAISED);

		assertThat(recipients.webhooks()).containsExactly("http://h/x");
		assertThat(recipients.emails()).containsExactly("a@b.c");
	}

	@Test
	void badRoutesAreRefusedWithTheirName() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Route.from(route("x", "enterprise", null, List.of(), "low", List.of(), "http://h", "a@b"), 0))
			.withMessageContaining("route 'x'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Route.from(route("y", "boss", null, List.of(), "low", List.of(), "http://h", "a@b"), 0))
			.withMessageContaining("unknown role 'boss'");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Route.from(route("z", "bureau", null, List.of(), "urgent", List.of(), "http://h", "a@b"), 0))
			.withMessageContaining("unknown severity 'urgent'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Route.from(route("w", "bureau", null, List.of(), "low", List.of(), "ftp://h", "a@b"), 0))
			.withMessageContaining("not an http(s) URL");
	}

}
