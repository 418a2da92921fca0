package org.lantian.api;

import org.junit.jupiter.api.Test;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;

import static org.assertj.core.api.Assertions.assertThat;

class CallerControllerTests {

	private final CallerController controller = new CallerController();

	@Test
	void tellsTheNameAndRoleOfTheKeyInLowerCase() {
		assertThat(this.controller.me(new ApiCaller("duty-officer", Role.BUREAU, null)))
			.isEqualTo(new CallerController.CallerResponse("duty-officer", "bureau", null));
	}

	@Test
	void tellsTheEnterpriseOfAnEnterpriseKey() {
		assertThat(this.controller.me(new ApiCaller("enterprise:BT-STEEL", Role.ENTERPRISE, "BT-STEEL")))
			.isEqualTo(new CallerController.CallerResponse("enterprise:BT-STEEL", "enterprise", "BT-STEEL"));
	}

}
