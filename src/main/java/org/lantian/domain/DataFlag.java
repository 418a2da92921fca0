package org.lantian.domain;

/**
 * The HJ 212-2017 data flag (数据标记, 表8) carried with every value. Only {@link #N} values
 * enter averages, AQI and rules (INTERFACES §3.1).
 */
public enum DataFlag {

	/** 仪器工作正常 (normal). */
	N,
	/** 仪器停运 (stopped). */
	F,
	/** 维护期间产生的数据 (maintenance). */
	M,
	/** 手工输入的设定值 (manual input). */
	S,
	/** 仪器故障 (fault). */
	D,
	/** 校准状态 (calibration). */
	C,
	/** 采样数值超过测量上限 (over range). */
	T,
	/** 与数采仪通讯异常 (communication abnormal). */
	B;

	public boolean isNormal() {
		return this == N;
	}

	/**
	 * The flag for a one-letter code, or an exception naming it.
	 */
	public static DataFlag parse(String code) {
		if (code != null && code.length() == 1) {
			for (DataFlag flag : values()) {
				if (flag.name().charAt(0) == code.charAt(0)) {
					return flag;
				}
			}
		}
		throw new IllegalArgumentException("unknown data flag: '" + code + "' (one of N, F, M, S, D, C, T, B)");
	}

}
