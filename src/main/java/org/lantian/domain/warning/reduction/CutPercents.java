package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.warning.WarningLevel;

/**
 * The emission cut, in percent of the baseline, each warning level requires; a level
 * absent requires none.
 */
public record CutPercents(Map<WarningLevel, BigDecimal> percents) {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	public CutPercents {
		if (percents == null) {
			percents = Map.of();
		}
		for (Map.Entry<WarningLevel, BigDecimal> entry : percents.entrySet()) {
			if (!entry.getKey().isWarning()) {
				throw new IllegalArgumentException("cuts.none: 'none' is not a warning level");
			}
			BigDecimal p = entry.getValue();
			if (p == null || p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
				throw new IllegalArgumentException(
						"cuts." + entry.getKey().key() + ": must be a percent in 0..100, got " + p);
			}
		}
		percents = Map.copyOf(percents);
	}

	/**
	 * SEEDS-BRIEF §3 (S002 内政办发〔2020〕1号 task 11): "应急分级响应期间，减排比例达到全社会排放量的10%、20%、30%" for
	 * yellow, orange and red (Ⅲ/Ⅱ/Ⅰ, 648号 [outside seeds]); blue (2017) requires none.
	 */
	public static CutPercents seedDefault() {
		return new CutPercents(Map.of(WarningLevel.YELLOW, new BigDecimal("10"), WarningLevel.ORANGE,
				new BigDecimal("20"), WarningLevel.RED, new BigDecimal("30")));
	}

	public static CutPercents none() {
		return new CutPercents(Map.of());
	}

	public Optional<BigDecimal> at(WarningLevel level) {
		return Optional.ofNullable(this.percents.get(level));
	}

	public boolean isEmpty() {
		return this.percents.isEmpty();
	}

}
