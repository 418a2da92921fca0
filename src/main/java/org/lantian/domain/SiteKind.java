package org.lantian.domain;

import java.util.Locale;

/**
 * What a monitoring point watches: the ambient air (环境空气质量监测站) or an enterprise's stack
 * (固定污染源烟气排放连续监测, CEMS).
 */
public enum SiteKind {

	/** 环境空气质量监测站. */
	AMBIENT,

	/** 固定污染源排放口 (CEMS). */
	STACK;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static SiteKind fromKey(String key) {
		for (SiteKind kind : values()) {
			if (kind.key().equals(key)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown site kind: '" + key + "' (ambient or stack)");
	}

}
