package org.lantian.domain.validity;

import java.time.Duration;

/**
 * The minimum number of valid values an average needs (GB 3095-2026 表4, same content as
 * GB 3095-2012 表4; HJ 663-2013 for the daily maximum 8-hour mean).
 */
public enum ValidityRule {

	/** 1小时平均: at least 45 minutes of sampling in the hour (表4). */
	HOURLY(45, 60, Duration.ofMinutes(1), "GB 3095-2026 表4: 1小时平均 ≥ 45 min"),
	/** 日平均 / 24小时平均: at least 20 hourly means (表4). */
	DAILY(20, 24, Duration.ofHours(1), "GB 3095-2026 表4: 日平均 ≥ 20 h"),
	/** 24-hour moving mean (real-time report, HJ 633-2012): the 24-hour row of 表4. */
	MOVING_24_HOUR(20, 24, Duration.ofHours(1), "GB 3095-2026 表4: 24小时平均 ≥ 20 h"),
	/** O₃ 8小时平均: at least 6 hourly means in the 8 hours (表4). */
	EIGHT_HOUR(6, 8, Duration.ofHours(1), "GB 3095-2026 表4: 8小时平均 ≥ 6 h"),
	/**
	 * O₃ 日最大8小时平均: at least 14 valid 8-hour means among the 17 of the day, unless the
	 * maximum of fewer already exceeds the limit (HJ 663-2013, STANDARDS §2.4 [M]).
	 */
	DAILY_MAX_EIGHT_HOUR(14, 17, Duration.ofHours(1), "HJ 663-2013: 日最大8小时平均 ≥ 14 valid 8-h means");

	private final int required;

	private final int slots;

	private final Duration slot;

	private final String clause;

	ValidityRule(int required, int slots, Duration slot, String clause) {
		this.required = required;
		this.slots = slots;
		this.slot = slot;
		this.clause = clause;
	}

	/** The minimum number of valid values. */
	public int required() {
		return this.required;
	}

	/** How many values a complete period has. */
	public int slots() {
		return this.slots;
	}

	/** The time one value stands for (a minute, an hour). */
	public Duration slot() {
		return this.slot;
	}

	/** The clause the rule comes from, for messages. */
	public String clause() {
		return this.clause;
	}

}
