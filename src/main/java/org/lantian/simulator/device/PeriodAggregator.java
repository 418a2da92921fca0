package org.lantian.simulator.device;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;

/**
 * Averages one point's samples into minute and hour values, as a data logger does for CN
 * 2051 and 2061 (HJ 212-2017 表C.17/C.18): per measurand the mean, minimum and maximum,
 * for stacks also of the corrected (折算) values, and one flag.
 * <p>
 * Flag rule (notes under 表C.16–C.18, STANDARDS §3.8): the period is {@code N} when at
 * least 75 % of its samples are normal, and its statistics then come from the normal
 * samples only; otherwise the statistics come from all samples, and the flag is {@code D}
 * (仪器故障) at stacks as the standard prescribes for flue gas, and at ambient stations the
 * most frequent abnormal flag (our choice: a station calibrating all hour sends
 * {@code C}, not {@code D}).
 * <p>
 * Periods are aligned to whole minutes and hours of UTC, which are those of Asia/Shanghai
 * (a whole-hour offset). Samples must come in time order. Not thread-safe: one per point.
 */
public final class PeriodAggregator {

	/**
	 * Decimals an average gets beyond the most precise sample, at most
	 * {@link #MAX_SCALE}.
	 */
	private static final int EXTRA_SCALE = 1;

	private static final int MAX_SCALE = 4;

	private final SiteId site;

	private final SiteKind kind;

	private final Window minute = new Window(ReadingPeriod.MINUTE, ChronoUnit.MINUTES);

	private final Window hour = new Window(ReadingPeriod.HOUR, ChronoUnit.HOURS);

	public PeriodAggregator(SiteId site, SiteKind kind) {
		this.site = Objects.requireNonNull(site, "site");
		this.kind = Objects.requireNonNull(kind, "kind");
	}

	/**
	 * Takes a sample; returns the minute and hour values of the periods it closes (those
	 * that ended at or before it), minute first.
	 * @throws IllegalArgumentException if the sample is of another site or period, or
	 * older than one already taken
	 */
	public List<Reading> add(Reading sample) {
		if (!sample.site().equals(this.site) || sample.period() != ReadingPeriod.SAMPLE) {
			throw new IllegalArgumentException("not a sample of " + this.site + ": " + sample);
		}
		List<Reading> closed = closeUpTo(sample.time());
		this.minute.add(sample);
		this.hour.add(sample);
		return closed;
	}

	/**
	 * Closes the periods that end at or before {@code time}, as when the simulation stops
	 * there; a period still running stays open.
	 */
	public List<Reading> closeUpTo(Instant time) {
		List<Reading> closed = new ArrayList<>(2);
		this.minute.closeUpTo(time).ifPresent(closed::add);
		this.hour.closeUpTo(time).ifPresent(closed::add);
		return closed;
	}

	/**
	 * The value of one period from its samples, as a logger reports it; empty when no
	 * sample carries a value.
	 * @param start the period's start, which is the reading's time (STANDARDS §3.5)
	 */
	public static Optional<Reading> aggregate(SiteId site, SiteKind kind, ReadingPeriod period, Instant start,
			List<Reading> samples) {
		Map<Measurand, List<Measurement>> byMeasurand = new EnumMap<>(Measurand.class);
		for (Reading sample : samples) {
			sample.values()
				.forEach((measurand, measurement) -> byMeasurand.computeIfAbsent(measurand, (key) -> new ArrayList<>())
					.add(measurement));
		}
		if (byMeasurand.isEmpty()) {
			return Optional.empty();
		}
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		byMeasurand.forEach((measurand, measurements) -> values.put(measurand, aggregate(kind, measurements)));
		return Optional.of(new Reading(site, start, period, values));
	}

	/** One measurand's value of a period from its samples' measurements. */
	static Measurement aggregate(SiteKind kind, List<Measurement> measurements) {
		List<Measurement> normal = measurements.stream().filter((m) -> m.flag().isNormal()).toList();
		// notes under 表C.16–C.18: N when at least 75 % of the values are normal
		boolean valid = 4L * normal.size() >= 3L * measurements.size();
		List<Measurement> basis = valid ? normal : measurements;
		DataFlag flag = valid ? DataFlag.N : abnormalFlag(kind, measurements);
		Map<Statistic, BigDecimal> statistics = new EnumMap<>(Statistic.class);
		List<BigDecimal> values = basis.stream().map(Measurement::value).toList();
		statistics.put(Statistic.MIN, values.stream().min(Comparator.naturalOrder()).orElseThrow());
		statistics.put(Statistic.MAX, values.stream().max(Comparator.naturalOrder()).orElseThrow());
		List<BigDecimal> corrected = basis.stream()
			.map((m) -> m.statistics().get(Statistic.CORRECTED))
			.filter(Objects::nonNull)
			.toList();
		// a corrected mean of only some samples would not be the period's
		if (!corrected.isEmpty() && corrected.size() == basis.size()) {
			statistics.put(Statistic.CORRECTED, mean(corrected));
			statistics.put(Statistic.CORRECTED_MIN, corrected.stream().min(Comparator.naturalOrder()).orElseThrow());
			statistics.put(Statistic.CORRECTED_MAX, corrected.stream().max(Comparator.naturalOrder()).orElseThrow());
		}
		return new Measurement(mean(values), flag, statistics);
	}

	/**
	 * The arithmetic mean, rounded half-even (GB/T 8170) to one decimal more than the
	 * most precise value, at most four.
	 */
	static BigDecimal mean(List<BigDecimal> values) {
		BigDecimal sum = BigDecimal.ZERO;
		int scale = 0;
		for (BigDecimal value : values) {
			sum = sum.add(value);
			scale = Math.max(scale, value.scale());
		}
		return sum.divide(BigDecimal.valueOf(values.size()), Math.min(scale + EXTRA_SCALE, MAX_SCALE),
				RoundingMode.HALF_EVEN);
	}

	private static DataFlag abnormalFlag(SiteKind kind, List<Measurement> measurements) {
		Map<DataFlag, Integer> counts = new EnumMap<>(DataFlag.class);
		for (Measurement measurement : measurements) {
			if (!measurement.flag().isNormal()) {
				counts.merge(measurement.flag(), 1, Integer::sum);
			}
		}
		return abnormalFlag(kind, counts);
	}

	private static DataFlag abnormalFlag(SiteKind kind, Map<DataFlag, Integer> counts) {
		if (kind == SiteKind.STACK) {
			return DataFlag.D; // flue gas: 表C.17/C.18 notes
		}
		DataFlag most = DataFlag.D;
		int highest = 0;
		for (Map.Entry<DataFlag, Integer> count : counts.entrySet()) {
			if (count.getValue() > highest) {
				most = count.getKey();
				highest = count.getValue();
			}
		}
		return most;
	}

	/**
	 * The running period of one length, as running statistics per measurand rather than
	 * its samples: an hour of a load run at several samples a second per point would
	 * otherwise keep thousands of readings per point alive. Gives what
	 * {@link #aggregate(SiteKind, List)} gives for the same samples.
	 */
	private final class Window {

		private final ReadingPeriod period;

		private final ChronoUnit unit;

		private @Nullable Instant start;

		private final Map<Measurand, Running> running = new EnumMap<>(Measurand.class);

		Window(ReadingPeriod period, ChronoUnit unit) {
			this.period = period;
			this.unit = unit;
		}

		void add(Reading sample) {
			Instant sampleStart = sample.time().truncatedTo(this.unit);
			if (this.start != null && sampleStart.isBefore(this.start)) {
				throw new IllegalArgumentException("sample at " + sample.time() + " is older than the "
						+ this.period.key() + " from " + this.start);
			}
			this.start = sampleStart;
			sample.values()
				.forEach((measurand, measurement) -> this.running.computeIfAbsent(measurand, (key) -> new Running())
					.add(measurement));
		}

		Optional<Reading> closeUpTo(Instant time) {
			Instant begin = this.start;
			if (begin == null || begin.plus(Duration.of(1, this.unit)).isAfter(time)) {
				return Optional.empty();
			}
			Optional<Reading> value = Optional.empty();
			if (!this.running.isEmpty()) {
				Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
				this.running.forEach(
						(measurand, stats) -> values.put(measurand, stats.measurement(PeriodAggregator.this.kind)));
				value = Optional.of(new Reading(PeriodAggregator.this.site, begin, this.period, values));
			}
			this.start = null;
			this.running.clear();
			return value;
		}

	}

	/** One measurand's running statistics: of its normal samples and of all. */
	private static final class Running {

		private final Statistics normal = new Statistics();

		private final Statistics all = new Statistics();

		private final Map<DataFlag, Integer> abnormal = new EnumMap<>(DataFlag.class);

		void add(Measurement measurement) {
			this.all.add(measurement);
			if (measurement.flag().isNormal()) {
				this.normal.add(measurement);
			}
			else {
				this.abnormal.merge(measurement.flag(), 1, Integer::sum);
			}
		}

		/** As {@link PeriodAggregator#aggregate(SiteKind, List)}. */
		Measurement measurement(SiteKind kind) {
			// notes under 表C.16–C.18: N when at least 75 % of the values are normal
			boolean valid = 4L * this.normal.count >= 3L * this.all.count;
			Statistics basis = valid ? this.normal : this.all;
			DataFlag flag = valid ? DataFlag.N : abnormalFlag(kind, this.abnormal);
			Map<Statistic, BigDecimal> statistics = new EnumMap<>(Statistic.class);
			statistics.put(Statistic.MIN, Objects.requireNonNull(basis.min));
			statistics.put(Statistic.MAX, Objects.requireNonNull(basis.max));
			// a corrected mean of only some samples would not be the period's
			if (basis.corrected.count > 0 && basis.corrected.count == basis.count) {
				statistics.put(Statistic.CORRECTED, basis.corrected.mean());
				statistics.put(Statistic.CORRECTED_MIN, Objects.requireNonNull(basis.corrected.min));
				statistics.put(Statistic.CORRECTED_MAX, Objects.requireNonNull(basis.corrected.max));
			}
			return new Measurement(basis.mean(), flag, statistics);
		}

	}

	/** Count, sum, largest scale, minimum and maximum of some values. */
	private static class Values {

		int count;

		BigDecimal sum = BigDecimal.ZERO;

		int scale;

		@Nullable BigDecimal min;

		@Nullable BigDecimal max;

		void add(BigDecimal value) {
			this.count++;
			this.sum = this.sum.add(value);
			this.scale = Math.max(this.scale, value.scale());
			if (this.min == null || value.compareTo(this.min) < 0) {
				this.min = value;
			}
			if (this.max == null || value.compareTo(this.max) > 0) {
				this.max = value;
			}
		}

		/** As {@link PeriodAggregator#mean(List)}. */
		BigDecimal mean() {
			return this.sum.divide(BigDecimal.valueOf(this.count), Math.min(this.scale + EXTRA_SCALE, MAX_SCALE),
					RoundingMode.HALF_EVEN);
		}

	}

	/** The values of some measurements and their corrected (折算) values. */
	private static final class Statistics extends Values {

		final Values corrected = new Values();

		void add(Measurement measurement) {
			add(measurement.value());
			BigDecimal value = measurement.statistics().get(Statistic.CORRECTED);
			if (value != null) {
				this.corrected.add(value);
			}
		}

	}

}
