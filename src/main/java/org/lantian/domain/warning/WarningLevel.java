package org.lantian.domain.warning;

import java.util.Locale;

/**
 * A warning level (预警级别), in rising order. {@link #BLUE} exists only in the 2017
 * four-level scheme (STANDARDS §4.2).
 */
public enum WarningLevel {

	/** No warning (无预警). */
	NONE("none", "无预警"),
	/** 蓝色预警 (Ⅳ级, 2017–2018 only). */
	BLUE("blue", "蓝色预警"),
	/** 黄色预警 (Ⅲ级). */
	YELLOW("yellow", "黄色预警"),
	/** 橙色预警 (Ⅱ级). */
	ORANGE("orange", "橙色预警"),
	/** 红色预警 (Ⅰ级). */
	RED("red", "红色预警");

	private final String key;

	private final String chinese;

	WarningLevel(String key, String chinese) {
		this.key = key;
		this.chinese = chinese;
	}

	/**
	 * The key of INTERFACES §5.3
	 * ({@code none}/{@code yellow}/{@code orange}/{@code red}).
	 */
	public String key() {
		return this.key;
	}

	public String chinese() {
		return this.chinese;
	}

	public boolean isWarning() {
		return this != NONE;
	}

	public boolean isHigherThan(WarningLevel other) {
		return compareTo(other) > 0;
	}

	public static WarningLevel max(WarningLevel a, WarningLevel b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * The level of a key, case-insensitive.
	 * @throws IllegalArgumentException naming the key and the accepted ones
	 */
	public static WarningLevel fromKey(String key) {
		for (WarningLevel level : values()) {
			if (level.key.equals(key.toLowerCase(Locale.ROOT))) {
				return level;
			}
		}
		throw new IllegalArgumentException(
				"unknown warning level '" + key + "' (expected none, blue, yellow, orange or red)");
	}

}
