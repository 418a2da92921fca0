package org.lantian.api;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.ReductionList;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets the {@code warning} events of the alert stream, and the stream's part in
 * stopping the application: its open streams end in the first phase of the stop, before
 * the web server's graceful shutdown waits for active requests (which open streams are).
 */
class AlertStreamTests {

	/**
	 * Two of the enterprises on 包头市's emergency reduction list
	 * (warnings/reductions.yaml).
	 */
	static final Set<String> LISTED_IN_BAOTOU = Set.of("BT-STEEL", "BT-JINMENG");

	final AlertStream stream = new AlertStream(
			new AlertStreamProperties(Duration.ofSeconds(15), 16, Duration.ofHours(1), 2), ZoneId.of("Asia/Shanghai"),
			new SimpleMeterRegistry(), ReductionList.of(CutPercents.seedDefault(), List.of(), List.of()));

	@Test
	void bureauEmergencyAndAdminKeysGetEveryWarning() {
		assertThat(AlertStream.receivesWarning(new ApiCaller("b", Role.BUREAU, null), Set.of())).isTrue();
		assertThat(AlertStream.receivesWarning(new ApiCaller("e", Role.EMERGENCY, null), Set.of())).isTrue();
		assertThat(AlertStream.receivesWarning(new ApiCaller("a", Role.ADMIN, null), Set.of())).isTrue();
	}

	@Test
	void anEnterpriseKeyGetsTheWarningOnlyWhereItsEnterpriseIsListed() {
		assertThat(AlertStream.receivesWarning(new ApiCaller("steel", Role.ENTERPRISE, "BT-STEEL"), LISTED_IN_BAOTOU))
			.isTrue();
		assertThat(AlertStream.receivesWarning(new ApiCaller("wuhai", Role.ENTERPRISE, "WH-HEAT"), LISTED_IN_BAOTOU))
			.isFalse();
		assertThat(AlertStream.receivesWarning(new ApiCaller("steel", Role.ENTERPRISE, "BT-STEEL"), Set.of()))
			.isFalse();
	}

	@Test
	void stoppingEndsEveryOpenStreamBeforeTheWebServerStops() {
		this.stream.start();
		assertThat(this.stream.subscribe(new ApiCaller("duty", Role.BUREAU, null))).isNotNull();
		assertThat(this.stream.subscribe(new ApiCaller("steel", Role.ENTERPRISE, "BT-STEEL"))).isNotNull();
		assertThat(this.stream.size()).isEqualTo(2);

		this.stream.stop();

		assertThat(this.stream.size()).isZero();
		assertThat(this.stream.isRunning()).isFalse();
		// a later phase stops earlier: before the web server's graceful shutdown
		assertThat(this.stream.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
		this.stream.destroy();
	}

	@Test
	void refusesStreamsBeyondTheLimit() {
		ApiCaller caller = new ApiCaller("duty", Role.BUREAU, null);
		this.stream.subscribe(caller);
		this.stream.subscribe(caller);

		assertThat(this.stream.subscribe(caller)).isNull();
		this.stream.destroy();
	}

}
