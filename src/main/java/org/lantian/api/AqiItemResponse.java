package org.lantian.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.aqi.AirQualityIndex;
import org.lantian.domain.aqi.AqiCategory;
import org.lantian.domain.aqi.AqiIndicator;

/**
 * One AQI item of INTERFACES §5.2 without its period: the edition, the AQI with its 级别,
 * 类别 and colour, the primary pollutants, and each indicator's IAQI and concentration
 * under the names of {@link AqiParameters}. Where HJ 633 publishes {@code NA}, the value
 * is {@code null}: {@code aqi}, {@code level}, {@code category}, {@code color} and
 * {@code primaryPollutants} when the AQI is NA, and the IAQI and concentration of every
 * missing indicator. The hourly and daily endpoints wrap it with their start and end.
 *
 * @param valid whether every indicator of the report was present (none is NA)
 */
record AqiItemResponse(String standard, @Nullable Integer aqi, @Nullable Integer level, @Nullable String category,
		@Nullable String color, @Nullable List<String> primaryPollutants, Map<String, @Nullable Integer> iaqi,
		Map<String, @Nullable BigDecimal> concentrations, boolean valid) {

	static AqiItemResponse from(AirQualityIndex index) {
		Optional<AqiCategory> category = index.category();
		Map<String, @Nullable Integer> iaqi = new LinkedHashMap<>();
		Map<String, @Nullable BigDecimal> concentrations = new LinkedHashMap<>();
		// in the order of INTERFACES §5.2 (pm25, pm10, so2, no2, co, o3, o3_8h, then the
		// 24-hour moving means)
		AqiParameters.of(index.standard(), index.report()).forEach((name, indicator) -> {
			boolean missing = index.missing().contains(indicator);
			if (index.iaqi().containsKey(indicator) || missing) {
				iaqi.put(name, index.iaqi().get(indicator));
			}
			if (index.concentrations().containsKey(indicator) || missing) {
				concentrations.put(name, index.concentrations().get(indicator));
			}
		});
		return new AqiItemResponse(index.standard().label(), index.aqi().isPresent() ? index.aqi().getAsInt() : null,
				category.map(AqiCategory::level).orElse(null), category.map(AqiCategory::chineseName).orElse(null),
				category.map(AqiCategory::hex).orElse(null),
				index.aqi().isPresent()
						? index.primaryPollutants().stream().map((indicator) -> name(index, indicator)).toList() : null,
				iaqi, concentrations, index.isComplete());
	}

	private static String name(AirQualityIndex index, AqiIndicator indicator) {
		return AqiParameters.nameOf(index.standard(), index.report(), indicator);
	}

}
