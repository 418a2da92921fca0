package org.lantian.domain.aqi;

/**
 * 空气质量指数级别 and 类别 with their colours (HJ 633-2012 表2 and 附录A; HJ 633-2026 表1 and 附录A,
 * identical ranges and RGB values).
 */
public enum AqiCategory {

	/** 一级, 优, 绿色. */
	EXCELLENT(1, "优", 0, 50, 0, 228, 0),
	/** 二级, 良, 黄色. */
	GOOD(2, "良", 51, 100, 255, 255, 0),
	/** 三级, 轻度污染, 橙色. */
	LIGHTLY_POLLUTED(3, "轻度污染", 101, 150, 255, 126, 0),
	/** 四级, 中度污染, 红色. */
	MODERATELY_POLLUTED(4, "中度污染", 151, 200, 255, 0, 0),
	/** 五级, 重度污染, 紫色. */
	HEAVILY_POLLUTED(5, "重度污染", 201, 300, 153, 0, 76),
	/** 六级, 严重污染, 褐红色. */
	SEVERELY_POLLUTED(6, "严重污染", 301, Integer.MAX_VALUE, 126, 0, 35);

	private final int level;

	private final String chineseName;

	private final int low;

	private final int high;

	private final int red;

	private final int green;

	private final int blue;

	AqiCategory(int level, String chineseName, int low, int high, int red, int green, int blue) {
		this.level = level;
		this.chineseName = chineseName;
		this.low = low;
		this.high = high;
		this.red = red;
		this.green = green;
		this.blue = blue;
	}

	/** The category of an AQI value (表2 / 表1 ranges; 0 belongs to 优 as in 2012). */
	public static AqiCategory of(int aqi) {
		if (aqi < 0) {
			throw new IllegalArgumentException("negative AQI: " + aqi);
		}
		for (AqiCategory category : values()) {
			if (aqi <= category.high) {
				return category;
			}
		}
		throw new IllegalStateException("no category for AQI " + aqi);
	}

	/** 空气质量指数级别: 1 (一级) to 6 (六级). */
	public int level() {
		return this.level;
	}

	/** 类别 as published, e.g. {@code 轻度污染}. */
	public String chineseName() {
		return this.chineseName;
	}

	/** The lowest AQI of the category. */
	public int low() {
		return this.low;
	}

	/** The highest AQI of the category; {@link Integer#MAX_VALUE} for 严重污染. */
	public int high() {
		return this.high;
	}

	public int red() {
		return this.red;
	}

	public int green() {
		return this.green;
	}

	public int blue() {
		return this.blue;
	}

	/** The colour as {@code #RRGGBB}, e.g. {@code #FF7E00}. */
	public String hex() {
		return String.format("#%02X%02X%02X", this.red, this.green, this.blue);
	}

	/** 重污染: 重度污染 or 严重污染, i.e. AQI above 200 (STANDARDS §1.7). */
	public boolean isHeavyOrWorse() {
		return this.level >= HEAVILY_POLLUTED.level;
	}

}
