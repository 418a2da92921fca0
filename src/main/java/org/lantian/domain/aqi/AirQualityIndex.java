package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One AQI report for a station or a city and a period, as HJ 633 publishes it.
 *
 * @param standard the edition applied
 * @param report daily or real-time
 * @param concentrations the concentrations as published, rounded per GB/T 8170 (including
 * those that get no IAQI, such as the 2012 real-time PM 1-hour values)
 * @param iaqi the IAQI of each indicator that has one; a missing or invalid indicator,
 * published as {@code NA}, is absent
 * @param missing indicators the report needs that were missing or invalid
 * @param aqi the AQI, or empty where the edition says it is published as {@code NA}
 */
public record AirQualityIndex(AqiStandard standard, AqiReport report, Map<AqiIndicator, BigDecimal> concentrations,
		Map<AqiIndicator, Integer> iaqi, Set<AqiIndicator> missing, OptionalInt aqi) {

	public AirQualityIndex {
		Objects.requireNonNull(standard, "standard");
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(aqi, "aqi");
		concentrations = Collections.unmodifiableMap(copy(concentrations));
		iaqi = Collections.unmodifiableMap(copy(iaqi));
		missing = Collections
			.unmodifiableSet(missing.isEmpty() ? EnumSet.noneOf(AqiIndicator.class) : EnumSet.copyOf(missing));
		if (aqi.isPresent() && (aqi.getAsInt() < 0 || aqi.getAsInt() > 500)) {
			throw new IllegalArgumentException("AQI out of 0–500: " + aqi.getAsInt());
		}
	}

	/** 级别, 类别 and colour; empty when the AQI is {@code NA}. */
	public Optional<AqiCategory> category() {
		return this.aqi.isPresent() ? Optional.of(AqiCategory.of(this.aqi.getAsInt())) : Optional.empty();
	}

	/**
	 * 首要污染物: when the AQI is published and above 50, every indicator whose IAQI equals
	 * the AQI, ties listed (HJ 633-2012 §3.3 / §4.4.1; HJ 633-2026 same); otherwise none.
	 */
	public List<AqiIndicator> primaryPollutants() {
		if (this.aqi.isEmpty() || this.aqi.getAsInt() <= 50) {
			return List.of();
		}
		int max = this.aqi.getAsInt();
		return this.iaqi.entrySet().stream().filter((e) -> e.getValue() == max).map(Map.Entry::getKey).toList();
	}

	/**
	 * 超标污染物 (HJ 633-2012 §3.4 / §4.4.2): indicators whose IAQI is above 100. Always empty
	 * under HJ 633-2026, which deleted the notion; judge exceedance against GB 3095 there
	 * ({@code org.lantian.domain.ambient.Exceedance}).
	 */
	public List<AqiIndicator> overStandardPollutants() {
		if (!this.standard.definesOverStandardPollutants()) {
			return List.of();
		}
		return this.iaqi.entrySet().stream().filter((e) -> e.getValue() > 100).map(Map.Entry::getKey).toList();
	}

	/** Whether every indicator of the report was present and valid. */
	public boolean isComplete() {
		return this.missing.isEmpty();
	}

	/** 重污染: the AQI is published and above 200 (STANDARDS §1.7). */
	public boolean isHeavyPollution() {
		return this.aqi.isPresent() && this.aqi.getAsInt() > 200;
	}

	private static <V> Map<AqiIndicator, V> copy(Map<AqiIndicator, V> map) {
		Map<AqiIndicator, V> copy = new EnumMap<>(AqiIndicator.class);
		map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
		return copy;
	}

}
