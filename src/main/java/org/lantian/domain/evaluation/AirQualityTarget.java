package org.lantian.domain.evaluation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The air-quality targets of one city or region for one year (SEEDS-BRIEF §2.1), as the
 * plans state them. Every criterion is optional, but a target has at least one.
 *
 * @param area the city (盟市 as named in the site catalogue, e.g. 巴彦淖尔市) or a region (e.g.
 * 全区, 乌海市及周边地区)
 * @param members the catalogue cities the area is made of; a city's own name for a city
 * @param year the year the target is for
 * @param goodDaysPercentAtLeast 优良天数比率 ≥ this percentage
 * @param heavyDaysPercentAtMost 重度及以上污染天数比率 ≤ this percentage
 * @param pm25AnnualMeanAtMost PM2.5 annual mean ≤ this, µg/m³
 * @param pm25ChangePercentAtMost PM2.5 annual mean change vs the baseline ≤ this
 * percentage (−7.1 for "下降7.1%")
 * @param pm10ChangePercentAtMost PM10 annual mean change vs the baseline ≤ this
 * percentage
 * @param baseline the base year and its figures, where the plans give them
 * @param source the seed document, e.g. {@code S004}
 * @param quote the plan's words, for the scorecard to show
 */
public record AirQualityTarget(String area, List<String> members, int year, Optional<BigDecimal> goodDaysPercentAtLeast,
		Optional<BigDecimal> heavyDaysPercentAtMost, Optional<BigDecimal> pm25AnnualMeanAtMost,
		Optional<BigDecimal> pm25ChangePercentAtMost, Optional<BigDecimal> pm10ChangePercentAtMost,
		Optional<Baseline> baseline, String source, String quote) {

	public AirQualityTarget {
		if (area == null || area.isBlank()) {
			throw new IllegalArgumentException("a target has no area");
		}
		Objects.requireNonNull(goodDaysPercentAtLeast, "goodDaysPercentAtLeast");
		Objects.requireNonNull(heavyDaysPercentAtMost, "heavyDaysPercentAtMost");
		Objects.requireNonNull(pm25AnnualMeanAtMost, "pm25AnnualMeanAtMost");
		Objects.requireNonNull(pm25ChangePercentAtMost, "pm25ChangePercentAtMost");
		Objects.requireNonNull(pm10ChangePercentAtMost, "pm10ChangePercentAtMost");
		Objects.requireNonNull(baseline, "baseline");
		members = List.copyOf(members);
		if (members.isEmpty()) {
			throw new IllegalArgumentException(area + ": no member cities");
		}
		if (new HashSet<>(members).size() != members.size()) {
			throw new IllegalArgumentException(area + ": a member city is listed twice: " + members);
		}
		if (members.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException(area + ": a member city has no name");
		}
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException(area + ": target year out of 2000–2100: " + year);
		}
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException(area + ": no source");
		}
		Objects.requireNonNull(quote, "quote");
		goodDaysPercentAtLeast.ifPresent((value) -> requirePercent(value, area + ": good-days ratio target"));
		heavyDaysPercentAtMost.ifPresent((value) -> requirePercent(value, area + ": heavy-days ratio target"));
		pm25AnnualMeanAtMost.ifPresent((value) -> {
			if (value.signum() <= 0) {
				throw new IllegalArgumentException(area + ": PM2.5 annual mean target must be positive: " + value);
			}
		});
		pm25ChangePercentAtMost.ifPresent((value) -> requireChange(value, area + ": PM2.5 change target"));
		pm10ChangePercentAtMost.ifPresent((value) -> requireChange(value, area + ": PM10 change target"));
		baseline.ifPresent((base) -> {
			if (base.year() >= year) {
				throw new IllegalArgumentException(
						area + ": baseline year " + base.year() + " is not before the target year " + year);
			}
		});
		if (goodDaysPercentAtLeast.isEmpty() && heavyDaysPercentAtMost.isEmpty() && pm25AnnualMeanAtMost.isEmpty()
				&& pm25ChangePercentAtMost.isEmpty() && pm10ChangePercentAtMost.isEmpty()) {
			throw new IllegalArgumentException(area + ": a target needs at least one criterion");
		}
	}

	/** Whether the area is a single city of the catalogue rather than a region. */
	public boolean isCity() {
		return this.members.size() == 1 && this.members.get(0).equals(this.area);
	}

	static void requirePercent(BigDecimal value, String what) {
		if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException(what + " out of 0–100 %: " + value);
		}
	}

	private static void requireChange(BigDecimal value, String what) {
		if (value.compareTo(BigDecimal.valueOf(-100)) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException(what + " out of −100–100 %: " + value);
		}
	}

}
