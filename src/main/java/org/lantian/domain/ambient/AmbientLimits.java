package org.lantian.domain.ambient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lantian.domain.Measurand;
import org.lantian.domain.Unit;

/**
 * The GB 3095 concentration limits, effective-dated: 表1 基本项目 and the NOx row of 表2 of GB
 * 3095-2012 (STANDARDS §2.1 [M, corroborated]) and GB 3095-2026 (§2.2 [V]).
 */
public final class AmbientLimits {

	private static final List<AmbientLimit> ALL = table();

	private AmbientLimits() {
	}

	/** Every limit of every edition. */
	public static List<AmbientLimit> all() {
		return ALL;
	}

	/** The limit in one edition; empty where the edition sets none (e.g. CO annual). */
	public static Optional<AmbientLimit> of(AmbientStandard standard, Measurand pollutant, LimitAveraging averaging,
			ZoneClass zone) {
		return ALL.stream()
			.filter((l) -> l.standard() == standard && l.pollutant() == pollutant && l.averaging() == averaging
					&& l.zone() == zone)
			.findFirst();
	}

	/**
	 * The limit that applies on a local date (for a day, the day; for an hour, the date
	 * it starts on); empty before 2016-01-01 or where no limit is set.
	 */
	public static Optional<AmbientLimit> on(LocalDate date, Measurand pollutant, LimitAveraging averaging,
			ZoneClass zone) {
		return AmbientStandard.on(date).flatMap((standard) -> of(standard, pollutant, averaging, zone));
	}

	private static List<AmbientLimit> table() {
		List<AmbientLimit> limits = new ArrayList<>();
		// GB 3095-2012 表1 (and 表2 NOx): grade I, grade II
		add(limits, AmbientStandard.GB_3095_2012, Measurand.SO2, LimitAveraging.ANNUAL, "20", "60");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.SO2, LimitAveraging.DAILY, "50", "150");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.SO2, LimitAveraging.HOURLY, "150", "500");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.NO2, LimitAveraging.ANNUAL, "40", "40");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.NO2, LimitAveraging.DAILY, "80", "80");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.NO2, LimitAveraging.HOURLY, "200", "200");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.CO, LimitAveraging.DAILY, "4", "4");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.CO, LimitAveraging.HOURLY, "10", "10");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.O3, LimitAveraging.DAILY_MAX_EIGHT_HOUR, "100", "160");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.O3, LimitAveraging.HOURLY, "160", "200");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.PM10, LimitAveraging.ANNUAL, "40", "70");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.PM10, LimitAveraging.DAILY, "50", "150");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.PM25, LimitAveraging.ANNUAL, "15", "35");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.PM25, LimitAveraging.DAILY, "35", "75");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.NOX, LimitAveraging.ANNUAL, "50", "50");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.NOX, LimitAveraging.DAILY, "100", "100");
		add(limits, AmbientStandard.GB_3095_2012, Measurand.NOX, LimitAveraging.HOURLY, "250", "250");
		// GB 3095-2026 表1 过渡阶段浓度限值 (to 2030-12-31) and 表2 NOx transition values
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.SO2, LimitAveraging.ANNUAL, "20", "60");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.SO2, LimitAveraging.DAILY, "50", "150");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.SO2, LimitAveraging.HOURLY, "150", "500");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.NO2, LimitAveraging.ANNUAL, "40", "40");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.NO2, LimitAveraging.DAILY, "80", "80");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.NO2, LimitAveraging.HOURLY, "200", "200");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.CO, LimitAveraging.DAILY, "4", "4");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.CO, LimitAveraging.HOURLY, "10", "10");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.O3, LimitAveraging.DAILY_MAX_EIGHT_HOUR, "100",
				"160");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.O3, LimitAveraging.HOURLY, "160", "200");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.PM10, LimitAveraging.ANNUAL, "40", "60");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.PM10, LimitAveraging.DAILY, "50", "120");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.PM25, LimitAveraging.ANNUAL, "15", "30");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.PM25, LimitAveraging.DAILY, "35", "60");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.NOX, LimitAveraging.ANNUAL, "50", "50");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.NOX, LimitAveraging.DAILY, "100", "100");
		add(limits, AmbientStandard.GB_3095_2026_TRANSITION, Measurand.NOX, LimitAveraging.HOURLY, "250", "250");
		// GB 3095-2026 表1 浓度限值 and 表2 NOx (from 2031-01-01)
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.SO2, LimitAveraging.ANNUAL, "20", "20");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.SO2, LimitAveraging.DAILY, "50", "50");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.SO2, LimitAveraging.HOURLY, "150", "150");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.NO2, LimitAveraging.ANNUAL, "30", "30");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.NO2, LimitAveraging.DAILY, "50", "50");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.NO2, LimitAveraging.HOURLY, "200", "200");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.CO, LimitAveraging.DAILY, "4", "4");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.CO, LimitAveraging.HOURLY, "10", "10");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.O3, LimitAveraging.DAILY_MAX_EIGHT_HOUR, "100",
				"160");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.O3, LimitAveraging.HOURLY, "160", "200");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.PM10, LimitAveraging.ANNUAL, "20", "50");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.PM10, LimitAveraging.DAILY, "50", "100");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.PM25, LimitAveraging.ANNUAL, "10", "25");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.PM25, LimitAveraging.DAILY, "25", "50");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.NOX, LimitAveraging.ANNUAL, "40", "40");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.NOX, LimitAveraging.DAILY, "70", "70");
		add(limits, AmbientStandard.GB_3095_2026_FINAL, Measurand.NOX, LimitAveraging.HOURLY, "250", "250");
		return List.copyOf(limits);
	}

	private static void add(List<AmbientLimit> limits, AmbientStandard standard, Measurand pollutant,
			LimitAveraging averaging, String gradeOne, String gradeTwo) {
		Unit unit = (pollutant == Measurand.CO) ? Unit.MILLIGRAMS_PER_CUBIC_METRE : Unit.MICROGRAMS_PER_CUBIC_METRE;
		limits.add(new AmbientLimit(standard, pollutant, averaging, ZoneClass.CLASS_I, new BigDecimal(gradeOne), unit));
		limits
			.add(new AmbientLimit(standard, pollutant, averaging, ZoneClass.CLASS_II, new BigDecimal(gradeTwo), unit));
	}

}
