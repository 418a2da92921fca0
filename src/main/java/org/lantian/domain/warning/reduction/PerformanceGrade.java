package org.lantian.domain.warning.reduction;

import java.util.Locale;

/**
 * An enterprise's performance grade (绩效分级). The letters are not in the seeds (SEEDS-BRIEF
 * §3, §8); they come from 环办大气函〔2020〕340号 [outside seeds], which also has 引领性 for some
 * sectors. What each grade must cut is configured, not coded.
 */
public enum PerformanceGrade {

	/** A级 (the best; 340号 lets A-grade enterprises choose their own measures [M]). */
	A,
	/** B级. */
	B,
	/** C级. */
	C,
	/** D级. */
	D,
	/** 引领性 (leading, for sectors without A–D grading). */
	LEADING,
	/** Not graded yet. */
	UNGRADED;

	/**
	 * The grade of a key ({@code A}…{@code D}, {@code leading}, {@code ungraded}),
	 * case-insensitive.
	 * @throws IllegalArgumentException naming the key
	 */
	public static PerformanceGrade fromKey(String key) {
		for (PerformanceGrade grade : values()) {
			if (grade.name().equals(key.toUpperCase(Locale.ROOT))) {
				return grade;
			}
		}
		throw new IllegalArgumentException(
				"unknown performance grade '" + key + "' (expected A, B, C, D, leading or ungraded)");
	}

}
