package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of HJ 633 that hold for any concentrations: IAQI never falls as a
 * concentration rises (式1 is piecewise increasing), AQI is the maximum IAQI (§4.3 / 2026
 * §4.2.6), and the category is the one whose range holds the AQI (表2 / 2026 表1).
 */
class AqiPropertyTests {

	@Property
	void iaqiNeverFallsAsTheConcentrationRises(@ForAll AqiStandard standard, @ForAll AqiIndicator indicator,
			@ForAll("concentrations") BigDecimal a, @ForAll("concentrations") BigDecimal b) {
		BigDecimal low = a.min(b);
		BigDecimal high = a.max(b);
		OptionalInt atLow = standard.iaqi(indicator, low);
		OptionalInt atHigh = standard.iaqi(indicator, high);
		if (atLow.isPresent() && atHigh.isPresent()) {
			assertThat(atHigh.getAsInt()).isGreaterThanOrEqualTo(atLow.getAsInt());
		}
		// HJ 633-2012 has no IAQI above 800 (SO2 1 h, O3 8 h): once gone it stays gone
		if (atLow.isEmpty() && standard.table().breakpoints(indicator).isPresent()) {
			assertThat(atHigh).isEmpty();
		}
		atHigh.ifPresent((iaqi) -> assertThat(iaqi).isBetween(0, 500));
	}

	@Property
	void aqiIsAtLeastEveryIaqiAndItsCategoryHoldsIt(@ForAll("reports") Map.Entry<AqiStandard, AqiReport> edition,
			@ForAll("concentrationLists") List<BigDecimal> values) {
		Map<AqiIndicator, BigDecimal> input = new EnumMap<>(AqiIndicator.class);
		int i = 0;
		for (AqiIndicator indicator : edition.getKey().inputs(edition.getValue())) {
			BigDecimal value = values.get(i++);
			input.put(indicator, (indicator.scale() == 1) ? value.movePointLeft(2) : value);
		}

		AirQualityIndex index = AqiCalculator.calculate(edition.getKey(), edition.getValue(), input);

		assertThat(index.aqi()).isPresent();
		int aqi = index.aqi().getAsInt();
		index.iaqi().values().forEach((iaqi) -> assertThat(aqi).isGreaterThanOrEqualTo(iaqi));
		assertThat(index.iaqi()).containsValue((aqi == 1 && !index.iaqi().containsValue(1)) ? 0 : aqi);
		AqiCategory category = index.category().orElseThrow();
		assertThat(aqi).isBetween(category.low(), category.high());
		assertThat(index.primaryPollutants().isEmpty()).isEqualTo(aqi <= 50);
	}

	@Provide
	Arbitrary<BigDecimal> concentrations() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000")).ofScale(2);
	}

	@Provide
	Arbitrary<List<BigDecimal>> concentrationLists() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("4000")).ofScale(1).list().ofSize(10);
	}

	@Provide
	Arbitrary<Map.Entry<AqiStandard, AqiReport>> reports() {
		return Combinators.combine(Arbitraries.of(AqiStandard.class), Arbitraries.of(AqiReport.class)).as(Map::entry);
	}

}
