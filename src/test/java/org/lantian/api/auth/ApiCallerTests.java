package org.lantian.api.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.lantian.domain.Enterprise;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * INTERFACES §6: enterprise keys push and read only their own sites; bureau and emergency
 * keys read but never push.
 */
class ApiCallerTests {

	static final Site OWN_STACK = stack("BT-STEEL-S1", "BT-STEEL");

	static final Site OTHER_STACK = stack("WH-BOILER-01", "WH-HEAT");

	static final Site AMBIENT = new Site(SiteId.of("BT-KDL-01"), "昆都仑区", SiteKind.AMBIENT, "包头市", "昆都仑区", null, null,
			true, null, null, null, null, null, null);

	@Test
	void enterpriseKeysReachOnlyTheirOwnSites() {
		ApiCaller steel = new ApiCaller("steel", Role.ENTERPRISE, "BT-STEEL");
		assertThat(steel.canRead(OWN_STACK)).isTrue();
		assertThat(steel.canPush(OWN_STACK)).isTrue();
		assertThat(steel.canRead(OTHER_STACK)).isFalse();
		assertThat(steel.canPush(OTHER_STACK)).isFalse();
		assertThat(steel.canRead(AMBIENT)).isFalse();
	}

	@Test
	void bureauAndEmergencyKeysReadEverythingAndPushNothing() {
		for (Role role : List.of(Role.BUREAU, Role.EMERGENCY)) {
			ApiCaller caller = new ApiCaller("k", role, null);
			assertThat(caller.canRead(OTHER_STACK)).isTrue();
			assertThat(caller.canRead(AMBIENT)).isTrue();
			assertThat(caller.canPush(AMBIENT)).isFalse();
		}
		assertThat(new ApiCaller("admin", Role.ADMIN, null).canPush(OTHER_STACK)).isTrue();
	}

	@Test
	void anEnterpriseKeyMustNameItsEnterprise() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiCaller("x", Role.ENTERPRISE, " "))
			.withMessageContaining("not bound to an enterprise");
	}

	@Test
	void keysAreFoundByValueAndNeverTwice() {
		ApiKeys keys = ApiKeys.of(List.of(new ApiKeyProperties.Key("0123456789abcdef0123", "bureau", null, null),
				new ApiKeyProperties.Key("fedcba98765432100123", "enterprise", "BT-STEEL", null)));
		assertThat(keys.find("0123456789abcdef0123")).hasValueSatisfying((caller) -> {
			assertThat(caller.role()).isEqualTo(Role.BUREAU);
			assertThat(caller.name()).isEqualTo("bureau");
		});
		assertThat(keys.find("fedcba98765432100123"))
			.hasValueSatisfying((caller) -> assertThat(caller.name()).isEqualTo("enterprise:BT-STEEL"));
		assertThat(keys.find("0123456789abcdef012")).isEmpty();
		assertThat(keys.find(null)).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiKeys.of(List.of(new ApiKeyProperties.Key("0123456789abcdef0123", "bureau", null, null),
					new ApiKeyProperties.Key("0123456789abcdef0123", "admin", null, null))))
			.withMessageContaining("configured twice");
	}

	private static Site stack(String id, String enterprise) {
		return new Site(SiteId.of(id), id, SiteKind.STACK, "包头市", "昆都仑区", null, null, true,
				new Enterprise(enterprise, enterprise), "steel", "coal", null, null, null);
	}

}
