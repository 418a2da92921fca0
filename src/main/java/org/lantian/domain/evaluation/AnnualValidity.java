package org.lantian.domain.evaluation;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a year's daily means are enough for a valid annual mean (GB 3095-2026 表4, GB
 * 3095-2012 表4): at least {@value #DAYS_PER_YEAR} daily means in the year and at least
 * {@value #DAYS_PER_MONTH} in every month, {@value #DAYS_IN_FEBRUARY} in February (leap
 * years too: the table does not change for them).
 * <p>
 * For a year in progress the judgement is "so far": each month that has ended is checked,
 * the running month is checked only for whether it can still reach its minimum, and the
 * year for whether the days left can still bring it to {@value #DAYS_PER_YEAR}.
 *
 * @param status met, still on track, or lost
 * @param values the daily means counted
 * @param yearComplete whether the year had ended by the evaluation date
 * @param months every month begun by the evaluation date, in order
 */
public record AnnualValidity(Status status, int values, boolean yearComplete, List<MonthCount> months) {

	/** 表4: ≥ 324 daily means per year. */
	public static final int DAYS_PER_YEAR = 324;

	/** 表4: ≥ 27 daily means per month. */
	public static final int DAYS_PER_MONTH = 27;

	/** 表4: ≥ 25 daily means in February. */
	public static final int DAYS_IN_FEBRUARY = 25;

	public AnnualValidity {
		Objects.requireNonNull(status, "status");
		months = List.copyOf(months);
	}

	/** The outcome of the 表4 check. */
	public enum Status {

		/** The year has ended and met every minimum. */
		MET,
		/**
		 * The year is in progress: every ended month met its minimum and 324 is still
		 * reachable.
		 */
		ON_TRACK,
		/** A minimum was missed, or can no longer be reached this year. */
		NOT_MET

	}

	/**
	 * The daily means of one month.
	 *
	 * @param required 27, or 25 in February
	 * @param daysLeft the month's days after the evaluation date; 0 once it has ended
	 */
	public record MonthCount(YearMonth month, int values, int required, int daysLeft) {

		public boolean isComplete() {
			return this.daysLeft == 0;
		}

		/** Whether the minimum is met (so far: reached already). */
		public boolean isMet() {
			return this.values >= this.required;
		}

		/** Whether even every remaining day of the month would not reach the minimum. */
		public boolean isLost() {
			return this.values + this.daysLeft < this.required;
		}

	}

	/**
	 * The 表4 check of the dates with a valid daily mean in {@code year}, as of the end of
	 * {@code asOf} (the last day counted; a later date means the whole year).
	 */
	public static AnnualValidity of(int year, LocalDate asOf, Collection<LocalDate> dates) {
		LocalDate last = lastDayCounted(year, asOf);
		Map<Month, Integer> perMonth = new EnumMap<>(Month.class);
		for (LocalDate date : dates) {
			if (date.getYear() != year || date.isAfter(last)) {
				throw new IllegalArgumentException("daily mean of " + date + " outside " + year + " up to " + last);
			}
			perMonth.merge(date.getMonth(), 1, Integer::sum);
		}
		List<MonthCount> months = new ArrayList<>();
		for (Month month = Month.JANUARY; month.getValue() <= last.getMonthValue(); month = month.plus(1)) {
			YearMonth yearMonth = YearMonth.of(year, month);
			int daysLeft = (month == last.getMonth()) ? yearMonth.lengthOfMonth() - last.getDayOfMonth() : 0;
			int required = (month == Month.FEBRUARY) ? DAYS_IN_FEBRUARY : DAYS_PER_MONTH;
			months.add(new MonthCount(yearMonth, perMonth.getOrDefault(month, 0), required, daysLeft));
			if (month == Month.DECEMBER) {
				break;
			}
		}
		int values = dates.size();
		int daysLeftInYear = Year.of(year).length() - last.getDayOfYear();
		boolean complete = daysLeftInYear == 0;
		Status status;
		if (months.stream().anyMatch((m) -> m.isComplete() ? !m.isMet() : m.isLost())
				|| values + daysLeftInYear < DAYS_PER_YEAR) {
			status = Status.NOT_MET;
		}
		else {
			status = complete ? Status.MET : Status.ON_TRACK;
		}
		return new AnnualValidity(status, values, complete, months);
	}

	/**
	 * The last day of {@code year} counted when evaluating at the end of {@code asOf}.
	 */
	static LocalDate lastDayCounted(int year, LocalDate asOf) {
		if (asOf.getYear() < year) {
			throw new IllegalArgumentException("evaluation date " + asOf + " is before the year " + year);
		}
		return (asOf.getYear() > year) ? LocalDate.of(year, 12, 31) : asOf;
	}

}
