package org.lantian.domain.aqi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.validity.Average;
import org.lantian.domain.validity.Averages;
import org.lantian.domain.validity.Observation;

/**
 * The real-time (hourly) and daily reports of an area from its valid hourly means, as HJ
 * 633 publishes them (STANDARDS §1.6, §1.8): the edition chosen by the period's date,
 * each indicator's average under the validity rules of GB 3095 表4, then the AQI with its
 * NA rules. The same functions serve stations and cities.
 */
public final class AreaReports {

	private static final Duration HOUR = Duration.ofHours(1);

	private AreaReports() {
	}

	/**
	 * The real-time report of the hour starting at {@code hourStart}: the six pollutants'
	 * 1-hour means, the O₃ 8-hour moving mean ending with the hour (≥ 6 of 8 hours) and,
	 * under HJ 633-2012, the PM₁₀, PM₂.₅ and SO₂ 24-hour moving means ending with it (≥
	 * 20 of 24 hours; HJ 633-2012 表4 实时报). {@code means} must hold the 23 hours before
	 * this one where they exist.
	 */
	public static AreaReport hourly(Instant hourStart, ZoneId zone, HourlyMeans means) {
		Instant end = hourStart.plus(HOUR);
		AqiStandard standard = AqiStandard.forPeriodStartingOn(LocalDate.ofInstant(hourStart, zone));
		Map<AqiIndicator, Average> averages = new EnumMap<>(AqiIndicator.class);
		for (AqiIndicator indicator : standard.inputs(AqiReport.REAL_TIME)) {
			Measurand pollutant = indicator.pollutant();
			List<Observation> window = means.observations(pollutant, end.minus(Duration.ofHours(24)), end);
			Average average;
			if (indicator == AqiIndicator.O3_8H) {
				average = Averages.eightHour(end, window);
			}
			else if (isTwentyFourHour(indicator)) {
				average = Averages.moving24Hour(end, window);
			}
			else {
				average = means.at(pollutant, hourStart).orElseGet(() -> Averages.hourly(hourStart, List.of()));
			}
			averages.put(indicator, average);
		}
		return report(hourStart, end, standard, AqiReport.REAL_TIME, averages);
	}

	/**
	 * The daily report of the natural day {@code day} in {@code zone}: the five
	 * pollutants' 日平均 (≥ 20 valid hours), O₃ 日最大8小时平均 (≥ 14 valid 8-hour means, HJ 663)
	 * and, under HJ 633-2012, O₃ 日最大1小时. Where a pollutant has no hourly mean that day at
	 * all, the daily value the device reported ({@code reportedDaily}) is used as
	 * reported.
	 */
	public static AreaReport daily(LocalDate day, ZoneId zone, HourlyMeans means,
			Map<Measurand, BigDecimal> reportedDaily) {
		Instant start = day.atStartOfDay(zone).toInstant();
		Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
		AqiStandard standard = AqiStandard.forPeriodStartingOn(day);
		Map<AqiIndicator, Average> averages = new EnumMap<>(AqiIndicator.class);
		for (AqiIndicator indicator : standard.inputs(AqiReport.DAILY)) {
			Measurand pollutant = indicator.pollutant();
			List<Observation> hours = means.observations(pollutant, start, end);
			Average average;
			if (indicator == AqiIndicator.O3_8H) {
				average = Averages.dailyMaxEightHour(start, hours);
			}
			else if (indicator == AqiIndicator.O3_1H) {
				average = Averages.dailyMaxOneHour(start, hours);
			}
			else {
				Optional<Observation> reported = Optional.ofNullable(reportedDaily.get(pollutant))
					.map((value) -> new Observation(start, value, DataFlag.N));
				average = Averages.daily(start, hours, reported);
			}
			averages.put(indicator, average);
		}
		return report(start, end, standard, AqiReport.DAILY, averages);
	}

	private static boolean isTwentyFourHour(AqiIndicator indicator) {
		return indicator == AqiIndicator.PM10_24H || indicator == AqiIndicator.PM25_24H
				|| indicator == AqiIndicator.SO2_24H;
	}

	/**
	 * A report rebuilt from stored averages: the AQI is computed again by the same code,
	 * with the edition of the period's date.
	 */
	public static AreaReport of(Instant start, Instant end, ZoneId zone, AqiReport report,
			Map<AqiIndicator, Average> averages) {
		return report(start, end, AqiStandard.forPeriodStartingOn(LocalDate.ofInstant(start, zone)), report, averages);
	}

	private static AreaReport report(Instant start, Instant end, AqiStandard standard, AqiReport report,
			Map<AqiIndicator, Average> averages) {
		Map<AqiIndicator, BigDecimal> concentrations = new EnumMap<>(AqiIndicator.class);
		averages.forEach((indicator, average) -> average.validValue()
			.ifPresent((value) -> concentrations.put(indicator, value)));
		return new AreaReport(start, end, averages, AqiCalculator.calculate(standard, report, concentrations));
	}

}
