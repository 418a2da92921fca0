package org.lantian.domain.ambient;

/**
 * 环境空气功能区 (GB 3095-2026 §4.1; GB 3095-2012 §4.1): a class I zone is held to the 一级
 * limits, a class II zone to the 二级 limits.
 */
public enum ZoneClass {

	/** 一类区: 国家公园、自然保护区、自然公园和其他需要特殊保护的区域 → 一级浓度限值. */
	CLASS_I("I"),
	/** 二类区: 居住、商业交通居民混合、文化、工业、农村 → 二级浓度限值. */
	CLASS_II("II");

	private final String key;

	ZoneClass(String key) {
		this.key = key;
	}

	/**
	 * The Roman numeral of the standard, as the site catalogue writes it: {@code I},
	 * {@code II}.
	 */
	public String key() {
		return this.key;
	}

	public static ZoneClass fromKey(String key) {
		for (ZoneClass zone : values()) {
			if (zone.key.equals(key)) {
				return zone;
			}
		}
		throw new IllegalArgumentException("unknown zone class: '" + key + "' (I or II)");
	}

}
