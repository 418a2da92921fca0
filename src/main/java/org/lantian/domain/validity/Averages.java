package org.lantian.domain.validity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lantian.domain.Gbt8170;

/**
 * Valid averages of one pollutant at one station (GB 3095-2026 §3.7–3.13 and 表4; HJ
 * 663-2013). Each function takes every observation it needs as an argument, in any order;
 * observations outside the window are ignored and only those flagged {@code N} count.
 * Several valid values in one slot (samples within a minute, a re-sent hour) are averaged
 * first, so each minute or hour weighs the same.
 * <p>
 * Means are exact to {@value #SCALE} decimals (half-even beyond), far below any rounding
 * a standard applies afterwards.
 */
public final class Averages {

	/** Decimals kept by a mean. */
	public static final int SCALE = 20;

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofHours(24);

	private Averages() {
	}

	/**
	 * The hourly mean from minute values or samples of the hour starting at
	 * {@code hourStart}. A minute counts as sampled when it holds at least one valid
	 * value (a minute value stamped with the minute's start, or any sample taken within
	 * it); the hour needs 45 such minutes (GB 3095-2026 表4) and its mean is the mean of
	 * the minutes' means.
	 */
	public static Average hourly(Instant hourStart, List<Observation> minutesOrSamples) {
		return mean(hourStart, minutesOrSamples, ValidityRule.HOURLY, "minutes");
	}

	/**
	 * As {@link #hourly(Instant, List)}, but when no minute value or sample of the hour
	 * exists at all, the hourly value the device reported is used as reported (valid if
	 * flagged {@code N}; count 0).
	 */
	public static Average hourly(Instant hourStart, List<Observation> minutesOrSamples,
			Optional<Observation> reported) {
		if (hasAny(hourStart, HOUR, minutesOrSamples)) {
			return hourly(hourStart, minutesOrSamples);
		}
		return asReported(reported, ValidityRule.HOURLY, "hourly");
	}

	/**
	 * The 日平均 of the natural day starting at {@code dayStart} (local midnight; China
	 * keeps no daylight saving time, so the day is 24 hours): the mean of its valid
	 * hourly means, at least 20 of them (表4).
	 */
	public static Average daily(Instant dayStart, List<Observation> hours) {
		return mean(dayStart, hours, ValidityRule.DAILY, "hours");
	}

	/**
	 * As {@link #daily(Instant, List)}, but when no hourly value of the day exists at
	 * all, the daily value the device reported is used as reported.
	 */
	public static Average daily(Instant dayStart, List<Observation> hours, Optional<Observation> reported) {
		if (hasAny(dayStart, DAY, hours)) {
			return daily(dayStart, hours);
		}
		return asReported(reported, ValidityRule.DAILY, "daily");
	}

	/**
	 * The 24-hour moving mean of the 24 hours ending at {@code end} (the hours starting
	 * at {@code end − 24 h} … {@code end − 1 h}), at least 20 valid (表4, 24小时平均).
	 */
	public static Average moving24Hour(Instant end, List<Observation> hours) {
		return mean(end.minus(DAY), hours, ValidityRule.MOVING_24_HOUR, "hours");
	}

	/**
	 * The O₃ 8-hour mean of the 8 hours ending at {@code end}, at least 6 valid (表4; GB
	 * 3095-2026 §3.11 "连续8个小时平均浓度的算术平均值").
	 */
	public static Average eightHour(Instant end, List<Observation> hours) {
		return mean(end.minus(Duration.ofHours(8)), hours, ValidityRule.EIGHT_HOUR, "hours");
	}

	/**
	 * O₃ 日最大8小时平均 of the natural day starting at {@code dayStart}: the largest of the 17
	 * valid 8-hour means whose windows end at 08:00 … 24:00 (HJ 663-2013 [M]), at least
	 * 14 of them valid.
	 */
	public static Average dailyMaxEightHour(Instant dayStart, List<Observation> hours) {
		return maxEightHour(dayStart, hours, Optional.empty());
	}

	/**
	 * As {@link #dailyMaxEightHour(Instant, List)}, except that a day with fewer than 14
	 * valid 8-hour means is still valid when their maximum, rounded per GB/T 8170,
	 * exceeds {@code limit} (HJ 663-2013 [M]): the exceedance is certain whatever was
	 * missed.
	 */
	public static Average dailyMaxEightHour(Instant dayStart, List<Observation> hours, BigDecimal limit) {
		return maxEightHour(dayStart, hours, Optional.of(limit));
	}

	/**
	 * O₃ 日最大1小时 of the natural day (HJ 633-2012 daily report): the largest valid hourly
	 * mean, with at least 20 valid hours as for the 日平均 [interpretation: 表4 gives no row
	 * for the daily maximum 1-hour value].
	 */
	public static Average dailyMaxOneHour(Instant dayStart, List<Observation> hours) {
		List<BigDecimal> slots = slotMeans(dayStart, hours, ValidityRule.DAILY);
		List<BigDecimal> valid = slots.stream().filter((v) -> v != null).toList();
		if (valid.size() < ValidityRule.DAILY.required()) {
			return insufficient(valid.size(), ValidityRule.DAILY, "hours");
		}
		return new Average.Valid(valid.stream().max(BigDecimal::compareTo).get(), valid.size());
	}

	private static Average maxEightHour(Instant dayStart, List<Observation> hours, Optional<BigDecimal> limit) {
		ValidityRule rule = ValidityRule.DAILY_MAX_EIGHT_HOUR;
		List<BigDecimal> slots = slotMeans(dayStart, hours, ValidityRule.DAILY);
		BigDecimal max = null;
		int valid = 0;
		for (int first = 0; first < rule.slots(); first++) {
			List<BigDecimal> window = slots.subList(first, first + 8).stream().filter((v) -> v != null).toList();
			if (window.size() >= ValidityRule.EIGHT_HOUR.required()) {
				BigDecimal mean = mean(window);
				valid++;
				max = (max == null || mean.compareTo(max) > 0) ? mean : max;
			}
		}
		if (valid >= rule.required()) {
			return new Average.Valid(max, valid);
		}
		if (max != null && limit.isPresent() && Gbt8170.round(max, 0).compareTo(limit.get()) > 0) {
			return new Average.Valid(max, valid);
		}
		return insufficient(valid, rule, "8-hour means");
	}

	private static Average mean(Instant start, List<Observation> observations, ValidityRule rule, String what) {
		List<BigDecimal> valid = slotMeans(start, observations, rule).stream().filter((v) -> v != null).toList();
		if (valid.size() < rule.required()) {
			return insufficient(valid.size(), rule, what);
		}
		return new Average.Valid(mean(valid), valid.size());
	}

	/**
	 * The mean of the valid values in each slot of the window, null where there are none.
	 */
	private static List<BigDecimal> slotMeans(Instant start, List<Observation> observations, ValidityRule rule) {
		long slotNanos = rule.slot().toNanos();
		List<List<BigDecimal>> slots = new ArrayList<>(rule.slots());
		for (int i = 0; i < rule.slots(); i++) {
			slots.add(new ArrayList<>(1));
		}
		for (Observation observation : observations) {
			if (!observation.isValid() || observation.at().isBefore(start)) {
				continue;
			}
			long index = Duration.between(start, observation.at()).toNanos() / slotNanos;
			if (index < rule.slots()) {
				slots.get((int) index).add(observation.value());
			}
		}
		List<BigDecimal> means = new ArrayList<>(rule.slots());
		for (List<BigDecimal> slot : slots) {
			means.add(slot.isEmpty() ? null : mean(slot));
		}
		return means;
	}

	private static boolean hasAny(Instant start, Duration length, List<Observation> observations) {
		Instant end = start.plus(length);
		return observations.stream().anyMatch((o) -> !o.at().isBefore(start) && o.at().isBefore(end));
	}

	private static Average asReported(Optional<Observation> reported, ValidityRule rule, String what) {
		if (reported.isEmpty()) {
			return new Average.Insufficient(0, rule, "no data and no device-reported " + what + " value");
		}
		if (!reported.get().isValid()) {
			return new Average.Insufficient(0, rule,
					"device-reported " + what + " value flagged " + reported.get().flag() + ", not N");
		}
		return new Average.Valid(reported.get().value(), 0);
	}

	private static Average insufficient(int count, ValidityRule rule, String what) {
		return new Average.Insufficient(count, rule,
				count + " valid " + what + " of " + rule.slots() + "; " + rule.clause());
	}

	static BigDecimal mean(List<BigDecimal> values) {
		if (values.size() == 1) {
			// the common slot (one sample in a minute, one mean in an hour): no division,
			// and the same value the division would give
			return normalized(values.get(0));
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			sum = sum.add(value);
		}
		return normalized(sum.divide(BigDecimal.valueOf(values.size()), SCALE, RoundingMode.HALF_EVEN));
	}

	/**
	 * Without trailing zeros, but never with a negative scale: {@code 35.20} →
	 * {@code 35.2}, {@code 40} → {@code 40}.
	 */
	private static BigDecimal normalized(BigDecimal value) {
		if (value.scale() <= 0) {
			return (value.scale() == 0) ? value : value.setScale(0);
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
