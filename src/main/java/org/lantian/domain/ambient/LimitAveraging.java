package org.lantian.domain.ambient;

/** 平均时间 of a GB 3095 limit (表1, 表2). */
public enum LimitAveraging {

	/** 年平均. */
	ANNUAL,
	/** 日平均 / 24小时平均. */
	DAILY,
	/** 日最大8小时平均 (O₃). */
	DAILY_MAX_EIGHT_HOUR,
	/** 1小时平均. */
	HOURLY

}
