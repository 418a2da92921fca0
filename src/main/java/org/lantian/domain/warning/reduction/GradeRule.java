package org.lantian.domain.warning.reduction;

import java.util.Objects;

/**
 * What a performance grade must cut: exempt (no mandatory cut, e.g. A级 under
 * 环办大气函〔2020〕340号, which lets A-grade enterprises take their own measures [outside seeds,
 * M]), or its own cuts per level (which override the list's defaults).
 */
public record GradeRule(PerformanceGrade grade, boolean exempt, CutPercents cuts) {

	public GradeRule {
		Objects.requireNonNull(grade, "grade");
		Objects.requireNonNull(cuts, "cuts");
		if (exempt && !cuts.isEmpty()) {
			throw new IllegalArgumentException("grades." + grade + ": exempt and cuts at once");
		}
	}

}
