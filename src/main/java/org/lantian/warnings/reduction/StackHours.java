package org.lantian.warnings.reduction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.domain.warning.reduction.StackHour;
import org.lantian.storage.SeriesPoint;

/**
 * The {@link StackHour}s of one listed stack from its stored data (docs/warnings.md
 * "Emergency reductions"): per clock hour and pollutant, the measured dry standard-state
 * concentration (not the O₂-corrected one) and the standard dry flow.
 * <ul>
 * <li>The device's own hourly value (HJ 212 CN 2061, period {@code hour}) is used when
 * stored; else the mean of the hour's normal (N) minute values, else of its samples,
 * which must cover ≥ 45 minutes of the hour (HJ 75-2017 §11.2.1, STANDARDS §5.5).</li>
 * <li>Flag F (停运) on the concentration or the flow: {@link StackHour.Stopped}, emits 0.
 * Any other flag, too few valid minutes or no data: {@link StackHour.Invalid} with the
 * reason, and the hour is not judged.</li>
 * </ul>
 * Plain Java; the caller reads the data.
 */
final class StackHours {

	/** Valid minutes an hourly mean needs (HJ 75-2017 §11.2.1: ≥ 45 min per hour). */
	static final int MIN_MINUTES = 45;

	private static final Duration HOUR = Duration.ofHours(1);

	private StackHours() {
	}

	/**
	 * @param hourly the device's hourly values (raw, with flags), by measurand
	 * @param finer raw minute values, then raw samples (either may be empty), by
	 * measurand; the first that has values in an hour is used for it
	 */
	static List<StackHour> of(SiteId site, List<Measurand> pollutants, List<Instant> hourStarts,
			Map<Measurand, List<SeriesPoint>> hourly, List<Map<Measurand, List<SeriesPoint>>> finer) {
		List<StackHour> hours = new ArrayList<>();
		for (Instant start : hourStarts) {
			Value flow = value(Measurand.FLOW, start, hourly, finer);
			for (Measurand pollutant : pollutants) {
				Value concentration = value(pollutant, start, hourly, finer);
				hours.add(stackHour(site, start, pollutant, concentration, flow));
			}
		}
		return hours;
	}

	/**
	 * Where finer data must be read: from the first to the end of the last hour in which
	 * a pollutant or the flow lacks a device hourly value; empty when none lacks one. In
	 * a running episode that is usually the newest hour, whose hourly value is not in
	 * yet, so the minute values and samples of the whole episode are not read every
	 * round.
	 */
	static Optional<Span> lackingHourlyValues(List<Measurand> pollutants, List<Instant> hourStarts,
			Map<Measurand, List<SeriesPoint>> hourly) {
		List<Measurand> needed = new ArrayList<>(pollutants);
		needed.add(Measurand.FLOW);
		Instant first = null;
		Instant last = null;
		for (Measurand measurand : needed) {
			Set<Instant> have = new HashSet<>();
			hourly.getOrDefault(measurand, List.of()).forEach((p) -> have.add(p.start()));
			for (Instant start : hourStarts) {
				if (!have.contains(start)) {
					first = (first == null || start.isBefore(first)) ? start : first;
					last = (last == null || start.isAfter(last)) ? start : last;
				}
			}
		}
		return (first != null) ? Optional.of(new Span(first, last.plus(HOUR))) : Optional.empty();
	}

	/** Clock hours [{@code from}, {@code to}). */
	record Span(Instant from, Instant to) {
	}

	private static StackHour stackHour(SiteId site, Instant start, Measurand pollutant, Value concentration,
			Value flow) {
		if (concentration.stopped() || flow.stopped()) {
			return new StackHour.Stopped(site, start, pollutant);
		}
		if (concentration.value() != null && flow.value() != null) {
			return new StackHour.Measured(site, start, pollutant, concentration.value(), flow.value());
		}
		List<String> problems = new ArrayList<>();
		if (concentration.problem() != null) {
			problems.add(pollutant.key() + " " + concentration.problem());
		}
		if (flow.problem() != null) {
			problems.add("flow " + flow.problem());
		}
		return new StackHour.Invalid(site, start, pollutant, String.join(", ", problems));
	}

	private static Value value(Measurand measurand, Instant start, Map<Measurand, List<SeriesPoint>> hourly,
			List<Map<Measurand, List<SeriesPoint>>> finer) {
		for (SeriesPoint point : hourly.getOrDefault(measurand, List.of())) {
			if (point.start().equals(start) && point.value() != null) {
				DataFlag flag = (point.flag() != null) ? point.flag() : DataFlag.N;
				if (flag == DataFlag.N) {
					return Value.of(point.value());
				}
				return (flag == DataFlag.F) ? Value.STOPPED : Value.problem("hourly value flagged " + flag);
			}
		}
		Instant end = start.plus(HOUR);
		for (Map<Measurand, List<SeriesPoint>> source : finer) {
			List<SeriesPoint> inHour = source.getOrDefault(measurand, List.of())
				.stream()
				.filter((p) -> !p.start().isBefore(start) && p.start().isBefore(end) && p.value() != null)
				.toList();
			if (!inHour.isEmpty()) {
				return mean(start, inHour);
			}
		}
		return Value.problem("no data");
	}

	/**
	 * The mean of the normal values if they cover ≥ 45 minutes of the hour; stopped if
	 * every value is flagged F; else what is wrong.
	 */
	private static Value mean(Instant hourStart, List<SeriesPoint> points) {
		BigDecimal sum = BigDecimal.ZERO;
		int normal = 0;
		Set<Long> minutes = new HashSet<>();
		TreeSet<String> flags = new TreeSet<>();
		for (SeriesPoint point : points) {
			DataFlag flag = (point.flag() != null) ? point.flag() : DataFlag.N;
			if (flag == DataFlag.N) {
				sum = sum.add(point.value());
				normal++;
				minutes.add(Duration.between(hourStart, point.start()).toMinutes());
			}
			else {
				flags.add(flag.name());
			}
		}
		if (normal == 0) {
			return flags.equals(Set.of("F")) ? Value.STOPPED : Value.problem("flagged " + String.join(", ", flags));
		}
		if (minutes.size() < MIN_MINUTES) {
			return Value.problem(minutes.size() + " valid minutes, an hourly mean needs " + MIN_MINUTES
					+ (flags.isEmpty() ? "" : " (others flagged " + String.join(", ", flags) + ")"));
		}
		return Value.of(sum.divide(BigDecimal.valueOf(normal), 6, RoundingMode.HALF_EVEN));
	}

	/** An hour's value of one measurand: a number, stopped, or what is wrong. */
	private record Value(@Nullable BigDecimal value, boolean stopped, @Nullable String problem) {

		static final Value STOPPED = new Value(null, true, null);

		static Value of(BigDecimal value) {
			return new Value(value, false, null);
		}

		static Value problem(String problem) {
			return new Value(null, false, problem);
		}

	}

}
