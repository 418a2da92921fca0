package org.lantian.api.auth;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Site;

/**
 * Who is calling, as established by the API key.
 *
 * @param name the key's label, for logs and dead letters (never the key itself)
 * @param enterprise the enterprise an {@link Role#ENTERPRISE} key is bound to
 */
public record ApiCaller(String name, Role role, @Nullable String enterprise) {

	/** The request attribute under which the filter leaves the caller. */
	public static final String ATTRIBUTE = "org.lantian.api.caller";

	public ApiCaller {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(role, "role");
		if (role == Role.ENTERPRISE && (enterprise == null || enterprise.isBlank())) {
			throw new IllegalArgumentException("enterprise key '" + name + "' is not bound to an enterprise");
		}
	}

	public boolean canRead(Site site) {
		return this.role != Role.ENTERPRISE || site.belongsTo(this.enterprise);
	}

	public boolean canPush(Site site) {
		return switch (this.role) {
			case ADMIN -> true;
			case ENTERPRISE -> site.belongsTo(this.enterprise);
			case BUREAU, EMERGENCY -> false;
		};
	}

	public boolean hasAnyRole(Role... roles) {
		for (Role candidate : roles) {
			if (candidate == this.role) {
				return true;
			}
		}
		return false;
	}

}
