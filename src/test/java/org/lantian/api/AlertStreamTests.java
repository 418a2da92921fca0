package org.lantian.api;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets the {@code warning} events of the alert stream.
 */
class AlertStreamTests {

	/**
	 * Two of the enterprises on 包头市's emergency reduction list
	 * (warnings/reductions.yaml).
	 */
	static final Set<String> LISTED_IN_BAOTOU = Set.of("BT-STEEL", "BT-JINMENG");

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

}
