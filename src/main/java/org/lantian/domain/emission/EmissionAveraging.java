package org.lantian.domain.emission;

/** What value a stack or plant-interior limit is held against. */
public enum EmissionAveraging {

	/**
	 * 小时均值: a valid hourly mean, ≥ 45 minutes of valid data in the clock hour (STANDARDS
	 * §5.5; GB 37822-2019 表A.1 "监控点处1h平均浓度值").
	 */
	HOURLY_MEAN,
	/** 任意一次浓度值: any single reading (GB 37822-2019 表A.1). */
	ANY_SINGLE_VALUE

}
