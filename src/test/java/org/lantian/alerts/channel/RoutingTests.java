package org.lantian.alerts.channel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertChange;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.ChangeType;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.PerformanceGrade;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.StackBaseline;
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
				List.of(webhook), List.of(email), true);
	}

	static ChannelProperties.RouteProperties warningRoute(String name, String role, String enterprise,
			List<String> cities, boolean warnings) {
		return new ChannelProperties.RouteProperties(name, role, enterprise, cities, "critical", List.of("raised"),
				List.of("http://127.0.0.1:1/" + name), List.of(name + "@example.test"), warnings);
	}

	static ReductionEntry listed(String enterprise, String city, String stack) {
		return new ReductionEntry(enterprise, enterprise, city, PerformanceGrade.B,
				List.of(new StackBaseline(SiteId.of(stack), Map.of(Measurand.SO2, new BigDecimal("45")))),
				CutPercents.none(), true);
	}

	/** BT-STEEL listed in 包头市 (as in warnings/reductions.yaml), WH-HEAT in 乌海市. */
	static final ReductionList REDUCTIONS = ReductionList.of(CutPercents.seedDefault(), List.of(),
			List.of(listed("BT-STEEL", "包头市", "BT-STEEL-S1"), listed("WH-HEAT", "乌海市", "WH-HEAT-B1")));

	static Routing warningRouting(ChannelProperties.RouteProperties... routes) {
		List<Route> built = new java.util.ArrayList<>();
		for (int i = 0; i < routes.length; i++) {
			built.add(Route.from(routes[i], i));
		}
		return new Routing(built, REDUCTIONS);
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
	void anEmergencyRouteWithoutCitiesGetsEveryCitysWarnings() {
		Routing routing = warningRouting(warningRoute("em", "emergency", null, List.of(), true));

		assertThat(routing.warningRecipients("包头市").webhooks()).containsExactly("http://127.0.0.1:1/em");
		assertThat(routing.warningRecipients("呼和浩特市").emails()).containsExactly("em@example.test");
	}

	@Test
	void anEmergencyRouteWithCitiesGetsOnlyTheirWarnings() {
		Routing routing = warningRouting(warningRoute("em-bt", "emergency", null, List.of("包头市"), true));

		assertThat(routing.warningRecipients("包头市").emails()).containsExactly("em-bt@example.test");
		assertThat(routing.warningRecipients("乌海市").emails()).isEmpty();
		assertThat(routing.warningRecipients("乌海市").webhooks()).isEmpty();
	}

	@Test
	void severityAndAlertChangesDoNotFilterWarnings() {
		// the route takes only critical alerts, only when raised: warnings still reach it
		Routing routing = warningRouting(warningRoute("bureau", "bureau", null, List.of(), true));

		assertThat(routing.recipients(alert("BT-KDL-01", "包头市", null, Severity.HIGH), ChangeType.RAISED).emails())
			.isEmpty();
		assertThat(routing.warningRecipients("包头市").emails()).containsExactly("bureau@example.test");
	}

	@Test
	void anEnterpriseRouteGetsTheWarningsOfTheCitiesWhereItIsListed() {
		Routing routing = warningRouting(warningRoute("steel", "enterprise", "BT-STEEL", List.of(), true),
				warningRoute("wuhai-heat", "enterprise", "WH-HEAT", List.of(), true),
				warningRoute("unlisted", "enterprise", "BT-JINMENG", List.of(), true));

		assertThat(routing.warningRecipients("包头市").emails()).containsExactly("steel@example.test");
		assertThat(routing.warningRecipients("乌海市").emails()).containsExactly("wuhai-heat@example.test");
		assertThat(routing.warningRecipients("呼和浩特市").emails()).isEmpty();
	}

	@Test
	void withoutAReductionListNoEnterpriseGetsWarnings() {
		Routing routing = new Routing(
				List.of(Route.from(warningRoute("steel", "enterprise", "BT-STEEL", List.of(), true), 0)));

		assertThat(routing.warningRecipients("包头市").emails()).isEmpty();
	}

	@Test
	void aRouteMayOptOutOfWarningsAndKeepItsAlerts() {
		Routing routing = warningRouting(warningRoute("em", "emergency", null, List.of(), false),
				warningRoute("steel", "enterprise", "BT-STEEL", List.of(), false));

		assertThat(routing.warningRecipients("包头市").webhooks()).isEmpty();
		assertThat(routing.warningRecipients("包头市").emails()).isEmpty();
		assertThat(routing.recipients(alert("BT-STEEL-S1", "包头市", "BT-STEEL", Severity.CRITICAL), ChangeType.RAISED)
			.emails()).containsExactly("em@example.test", "steel@example.test");
	}

	@Test
	void aWarningRecipientOnceEvenIfSeveralRoutesMatch() {
		Routing routing = warningRouting(warningRoute("a", "admin", null, List.of(), true),
				new ChannelProperties.RouteProperties("b", "bureau", null, List.of("包头市"), "low", List.of(),
						List.of("http://127.0.0.1:1/a"), List.of("a@example.test"), true));

		assertThat(routing.warningRecipients("包头市").webhooks()).containsExactly("http://127.0.0.1:1/a");
		assertThat(routing.warningRecipients("包头市").emails()).containsExactly("a@example.test");
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
