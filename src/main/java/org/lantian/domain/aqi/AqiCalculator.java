package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.lantian.domain.Gbt8170;

/**
 * Builds an {@link AirQualityIndex} from valid concentrations, following the procedure of
 * HJ 633 (STANDARDS §1.8). Missing or invalid indicators are simply left out of the
 * input.
 */
public final class AqiCalculator {

	private AqiCalculator() {
	}

	/**
	 * The report for concentrations of the period. The keys must be among
	 * {@link AqiStandard#inputs(AqiReport)}; values are in the indicator's unit and need
	 * not be rounded yet.
	 * <ul>
	 * <li>AQI = max IAQI (HJ 633 §4.3 / 2026 §4.2.6), at most 500; under HJ 633-2026 at
	 * least 1 (§4.1.1: "范围为1～500").</li>
	 * <li>Missing indicators under HJ 633-2026 §5.3.1: the AQI of the others is published
	 * only if it is above 100, otherwise it is {@code NA}. HJ 633-2012 only says that a
	 * missing indicator's concentration and IAQI are {@code NA}; its AQI is the maximum
	 * of the others, and {@code NA} only when no indicator has an IAQI.</li>
	 * </ul>
	 * @throws IllegalArgumentException for an indicator the report does not take or a
	 * negative concentration
	 */
	public static AirQualityIndex calculate(AqiStandard standard, AqiReport report,
			Map<AqiIndicator, BigDecimal> concentrations) {
		Set<AqiIndicator> inputs = standard.inputs(report);
		Map<AqiIndicator, BigDecimal> published = new EnumMap<>(AqiIndicator.class);
		for (Map.Entry<AqiIndicator, BigDecimal> entry : concentrations.entrySet()) {
			AqiIndicator indicator = entry.getKey();
			if (!inputs.contains(indicator)) {
				throw new IllegalArgumentException(standard.label() + " " + report + " report takes no "
						+ indicator.key() + " (takes " + inputs + ")");
			}
			if (entry.getValue().signum() < 0) {
				throw new IllegalArgumentException("negative concentration: " + entry.getValue().toPlainString() + " "
						+ indicator.unit().symbol() + " (" + indicator.key() + ")");
			}
			published.put(indicator, Gbt8170.round(entry.getValue(), indicator.scale()));
		}

		Map<AqiIndicator, Integer> iaqi = new EnumMap<>(AqiIndicator.class);
		Set<AqiIndicator> missing = EnumSet.noneOf(AqiIndicator.class);
		for (AqiIndicator indicator : standard.indexedIndicators(report)) {
			BigDecimal c = published.get(indicator);
			if (c == null) {
				missing.add(indicator);
				continue;
			}
			OptionalInt value = standard.iaqi(indicator, c);
			if (value.isPresent()) {
				iaqi.put(indicator, value.getAsInt());
			}
			else if (indicator == AqiIndicator.SO2_1H) {
				// HJ 633-2012 表1 note 2: SO₂ 1 h > 800 → report the 24-hour IAQI.
				BigDecimal daily = published.get(AqiIndicator.SO2_24H);
				if (daily == null) {
					missing.add(AqiIndicator.SO2_24H);
				}
				else {
					iaqi.put(AqiIndicator.SO2_24H, standard.iaqi(AqiIndicator.SO2_24H, daily).getAsInt());
				}
			}
			// HJ 633-2012 表1 note 3: O₃ 8 h > 800 → the O₃ 1-hour IAQI, already indexed
			// in
			// both 2012 reports, stands for O₃.
		}
		if (iaqi.isEmpty()) {
			return new AirQualityIndex(standard, report, published, iaqi, missing, OptionalInt.empty());
		}
		int aqi = iaqi.values().stream().mapToInt(Integer::intValue).max().getAsInt();
		if (standard == AqiStandard.HJ_633_2026) {
			aqi = Math.max(1, aqi);
			if (!missing.isEmpty() && aqi <= 100) {
				return new AirQualityIndex(standard, report, published, iaqi, missing, OptionalInt.empty());
			}
		}
		return new AirQualityIndex(standard, report, published, iaqi, missing, OptionalInt.of(aqi));
	}

}
