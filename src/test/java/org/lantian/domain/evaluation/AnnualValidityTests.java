package org.lantian.domain.evaluation;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.lantian.domain.evaluation.AnnualValidity.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GB 3095-2026 表4 (GB 3095-2012 表4, STANDARDS §2.3): an annual mean needs ≥ 324 daily
 * means a year and ≥ 27 a month, ≥ 25 in February; one either side of each minimum.
 */
class AnnualValidityTests {

	@ParameterizedTest(name = "{0}: {1} daily means per month → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# Feb 25 + 10 × 27 + 29 = 324: every minimum met exactly
			2025 | 27 25 27 27 27 27 27 27 27 27 27 29 | MET      | 324
			# 323 in the year although every month meets its own minimum
			2025 | 27 25 27 27 27 27 27 27 27 27 27 28 | NOT_MET  | 323
			# one month one short (26), the year still 324
			2025 | 26 25 27 27 27 27 27 27 27 27 27 30 | NOT_MET  | 324
			# February one short (24)
			2025 | 27 24 27 27 27 27 27 27 27 27 27 30 | NOT_MET  | 324
			# a leap year keeps February at 25 of 29 days, and 324 of 366
			2024 | 27 25 27 27 27 27 27 27 27 27 27 29 | MET      | 324
			2024 | 27 24 27 27 27 27 27 27 27 27 27 30 | NOT_MET  | 324
			# a full year is valid
			2025 | 31 28 31 30 31 30 31 31 30 31 30 31 | MET      | 365
			""")
	void checksTheYearAndEveryMonth(int year, String perMonth, Status expected, int values) {
		List<LocalDate> dates = dates(year, perMonth);

		AnnualValidity validity = AnnualValidity.of(year, LocalDate.of(year, 12, 31), dates);

		assertThat(validity.values()).isEqualTo(values);
		assertThat(validity.status()).isEqualTo(expected);
		assertThat(validity.yearComplete()).isTrue();
		assertThat(validity.months()).hasSize(12);
		assertThat(validity.months().get(1).required()).isEqualTo(25);
		assertThat(validity.months().get(0).required()).isEqualTo(27);
	}

	@ParameterizedTest(name = "as of {0}, {1} per month → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# a year in progress is judged so far: ended months checked, the running month reachable
			2025-06-30 | 27 25 27 27 27 27 | ON_TRACK
			2025-06-30 | 27 25 27 27 27 26 | NOT_MET
			# 15 June: 12 so far + 15 days left = 27, still reachable; 11 + 15 = 26 is not
			2025-06-15 | 27 25 27 27 27 12 | ON_TRACK
			2025-06-15 | 27 25 27 27 27 11 | NOT_MET
			# 5 February with one daily mean: 24 days left in a leap year reach 25, 23 do not
			2024-02-05 | 31 1              | ON_TRACK
			2024-02-05 | 31 0              | NOT_MET
			2025-02-05 | 31 1              | NOT_MET
			2025-02-05 | 31 2              | ON_TRACK
			""")
	void judgesAYearInProgressSoFar(LocalDate asOf, String perMonth, Status expected) {
		List<LocalDate> dates = dates(asOf.getYear(), perMonth);

		AnnualValidity validity = AnnualValidity.of(asOf.getYear(), asOf, dates);

		assertThat(validity.status()).isEqualTo(expected);
		assertThat(validity.yearComplete()).isFalse();
		assertThat(validity.months()).hasSize(asOf.getMonthValue());
		AnnualValidity.MonthCount running = validity.months().get(asOf.getMonthValue() - 1);
		assertThat(running.daysLeft()).isEqualTo(YearMonth.from(asOf).lengthOfMonth() - asOf.getDayOfMonth());
	}

	@Test
	void countsAnEvaluationAfterTheYearAsTheWholeYear() {
		AnnualValidity validity = AnnualValidity.of(2025, LocalDate.of(2026, 3, 1),
				dates(2025, "31 28 31 30 31 30 31 31 30 31 30 31"));

		assertThat(validity.status()).isEqualTo(Status.MET);
		assertThat(validity.months()).extracting(AnnualValidity.MonthCount::month)
			.endsWith(YearMonth.of(2025, Month.DECEMBER));
	}

	/** The first n days of each month, n from the space-separated list, January first. */
	private static List<LocalDate> dates(int year, String perMonth) {
		List<LocalDate> dates = new ArrayList<>();
		int[] counts = Arrays.stream(perMonth.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
		for (int m = 0; m < counts.length; m++) {
			for (int d = 1; d <= counts[m]; d++) {
				dates.add(LocalDate.of(year, m + 1, d));
			}
		}
		return dates;
	}

}
