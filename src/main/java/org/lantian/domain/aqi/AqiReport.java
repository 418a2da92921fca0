package org.lantian.domain.aqi;

/**
 * The two reports of HJ 633: 日报 (daily report over a natural day) and 实时报 (real-time
 * report for each hour).
 */
public enum AqiReport {

	/** 日报 (HJ 633-2012 §5.1.2, HJ 633-2026 §4.2.2). */
	DAILY,
	/** 实时报 (HJ 633-2012 §5.1.3, HJ 633-2026 §4.2.3). */
	REAL_TIME

}
