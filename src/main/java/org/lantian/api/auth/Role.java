package org.lantian.api.auth;

import java.util.Locale;

/**
 * What an API key may do (INTERFACES §6).
 */
public enum Role {

	/** 生态环境局: reads everything, acknowledges alerts, posts forecasts. */
	BUREAU,
	/** 排污单位: bound to one enterprise; pushes and reads only its own sites. */
	ENTERPRISE,
	/** 应急人员: reads warnings, alerts and site data; acknowledges alerts. */
	EMERGENCY,
	/** Operators: everything. */
	ADMIN;

	public static Role fromKey(String key) {
		try {
			return valueOf(key.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown role: '" + key + "' (bureau, enterprise, emergency or admin)");
		}
	}

}
