package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.Statistic;
import org.lantian.domain.Unit;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.RejectionReason;

/**
 * Maps a decoded HJ 212 data upload to a Lantian {@link Reading} (INTERFACES §4,
 * STANDARDS §3.4–§3.9). Pure and total: bad content becomes {@link ItemRejection}s, never
 * an exception.
 * <ul>
 * <li>CN 2011 (实时数据) gives a {@link ReadingPeriod#SAMPLE} from {@code -Rtd}, with
 * {@code -ZsRtd} as its {@link Statistic#CORRECTED} value; 2051, 2061 and 2031 give
 * {@link ReadingPeriod#MINUTE}, {@link ReadingPeriod#HOUR} and {@link ReadingPeriod#DAY}
 * from {@code -Avg}, with {@code -ZsAvg}, {@code -Min}, {@code -Max}, {@code -Cou},
 * {@code -ZsMin} and {@code -ZsMax} beside it ({@link #STATISTICS}). Any other CN
 * (replies such as 9014, commands such as 1062, equipment state 2021) is
 * {@link NotDataUpload}. Other sub-fields ({@code -EFlag}, {@code -SampleTime}, the
 * statistics of the other CNs) are ignored, and so is a {@code -Cou} of a measurand that
 * has no total (O₂, temperature).</li>
 * <li>{@code DataTime} is local time in the configured zone, converted here once (STYLE
 * S-7). For 2051/2061/2031 it is the <em>start</em> of the period (STANDARDS §3.5,
 * 表C.17), which is what {@link Reading#time()} means for averaged periods; for 2011 it is
 * the sampling moment.</li>
 * <li>Units: a factor's values, corrected values, minima and maxima (one unit, 表4 note)
 * are converted exactly from the unit the site's {@code hj212.units} gives its code, or
 * else from {@link Hj212FactorCodes.Factor#defaultUnit}, to the measurand's unit at the
 * site; totals from the 表B.2 amount unit to {@link Measurand#totalUnit()}.</li>
 * <li>Per factor, in this order: an unknown code gives
 * {@link RejectionReason#UNKNOWN_KEY}, a missing value (statistics alone cannot be kept)
 * {@link RejectionReason#MISSING_FIELD}, a non-number
 * {@link RejectionReason#NON_NUMERIC}, a flag outside 表8 {@link RejectionReason#BAD_FLAG}
 * (absent means N), a configured unit that Lantian does not know or that does not fit the
 * measurand {@link RejectionReason#BAD_UNIT}, and an implausible value or statistic
 * ({@link Statistic#isPlausible}, or a minimum above its maximum)
 * {@link RejectionReason#OUT_OF_RANGE}. A factor is kept or refused whole; the other
 * factors of the frame still map. Rejection indexes are the factor's position in the data
 * area; -1 concerns the whole frame.</li>
 * </ul>
 * Values are exact ({@link BigDecimal}); no {@code double} is involved.
 */
public final class Hj212ReadingMapper {

	/**
	 * The sub-fields of a factor (表4) that give the value, then those kept beside it, per
	 * period.
	 */
	private static final Map<ReadingPeriod, Suffixes> STATISTICS = Map.of(ReadingPeriod.SAMPLE, Suffixes.SAMPLE,
			ReadingPeriod.MINUTE, Suffixes.AVERAGE, ReadingPeriod.HOUR, Suffixes.AVERAGE, ReadingPeriod.DAY,
			Suffixes.AVERAGE);

	private final ZoneId zone;

	/**
	 * @param zone the zone of the loggers' local {@code DataTime}, e.g. Asia/Shanghai
	 */
	public Hj212ReadingMapper(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * Maps one frame of the given catalogue site (found by MN by the caller).
	 */
	public Result map(Hj212Frame frame, Site site) {
		ReadingPeriod period = periodOf(frame.cn());
		if (period == null) {
			return new NotDataUpload(frame.cn());
		}
		String siteId = site.id().value();
		List<ItemRejection> rejections = new ArrayList<>();
		// the frame's constructor has already checked that its data area parses
		Hj212DataArea area = frame.dataArea();
		Instant time;
		try {
			Optional<LocalDateTime> dataTime = area.dataTime();
			if (dataTime.isEmpty()) {
				rejections.add(new ItemRejection(-1, RejectionReason.MISSING_TIME,
						"CN " + frame.cn() + " has no DataTime", siteId));
				return new Mapped(List.of(), rejections);
			}
			time = dataTime.get().atZone(this.zone).toInstant();
		}
		catch (Hj212FormatException ex) {
			rejections.add(new ItemRejection(-1, RejectionReason.BAD_TIME, ex.getMessage(), siteId));
			return new Mapped(List.of(), rejections);
		}
		Suffixes suffixes = STATISTICS.get(period);
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		int index = -1;
		for (String code : area.factors().keySet()) {
			index++;
			Optional<Hj212FactorCodes.Factor> known = Hj212FactorCodes.lookup(code);
			if (known.isEmpty()) {
				rejections.add(new ItemRejection(index, RejectionReason.UNKNOWN_KEY,
						"factor code '" + code + "' is not mapped (HJ 212-2017 表B.2)", siteId));
				continue;
			}
			Measurand measurand = known.get().measurand();
			if (values.containsKey(measurand)) {
				rejections.add(new ItemRejection(index, RejectionReason.UNKNOWN_KEY,
						code + " repeats " + measurand.key() + " already sent under another code", siteId));
				continue;
			}
			try {
				values.put(measurand, measurement(area, known.get(), site, frame.cn(), suffixes));
			}
			catch (FactorRejected ex) {
				rejections.add(new ItemRejection(index, ex.reason, ex.getMessage(), siteId));
			}
		}
		if (values.isEmpty()) {
			if (rejections.isEmpty()) {
				rejections.add(new ItemRejection(-1, RejectionReason.MISSING_FIELD,
						"CN " + frame.cn() + " carries no " + suffixes.value() + " value", siteId));
			}
			return new Mapped(List.of(), rejections);
		}
		return new Mapped(List.of(new Reading(site.id(), time, period, values)), rejections);
	}

	/** One factor's value and statistics, or why the factor is refused. */
	private static Measurement measurement(Hj212DataArea area, Hj212FactorCodes.Factor factor, Site site, String cn,
			Suffixes suffixes) {
		String code = factor.code();
		Measurand measurand = factor.measurand();
		if (area.text(code, suffixes.value()) == null) {
			String kept = suffixes.statistics()
				.values()
				.stream()
				.filter((suffix) -> area.text(code, suffix) != null)
				.map((suffix) -> code + "-" + suffix)
				.collect(Collectors.joining(", "));
			throw new FactorRejected(RejectionReason.MISSING_FIELD, code + "-" + suffixes.value() + " is absent for CN "
					+ cn + (kept.isEmpty() ? "" : "; " + kept + " cannot be kept without it"));
		}
		BigDecimal sent = number(area, code, suffixes.value());
		DataFlag flag;
		try {
			flag = area.flag(code).orElse(DataFlag.N);
		}
		catch (Hj212FormatException ex) {
			throw new FactorRejected(RejectionReason.BAD_FLAG, ex.getMessage());
		}
		Unit target = measurand.unitAt(site.kind());
		Unit unit = unitOf(factor, site);
		BigDecimal factorToTarget = unit.factorTo(target)
			.orElseThrow(() -> new FactorRejected(RejectionReason.BAD_UNIT,
					"site " + site.id().value() + " gives " + code + " in " + unit.symbol()
							+ ", which cannot be converted to " + measurand.key() + " in " + target.symbol()));
		BigDecimal value = convert(sent, factorToTarget);
		requirePlausible(code + "-" + suffixes.value(), sent, value, null, measurand, target);
		Map<Statistic, BigDecimal> statistics = null;
		for (Map.Entry<Statistic, String> entry : suffixes.statistics().entrySet()) {
			Statistic statistic = entry.getKey();
			String suffix = entry.getValue();
			if (area.text(code, suffix) == null) {
				continue;
			}
			Optional<Unit> statisticUnit = statistic.unitOf(measurand, site.kind());
			if (statisticUnit.isEmpty()) {
				continue; // a total of O₂ or a temperature means nothing
			}
			BigDecimal sentStatistic = number(area, code, suffix);
			BigDecimal converted = (statistic == Statistic.TOTAL)
					? factor.totalUnitSent().orElseThrow().convert(sentStatistic, statisticUnit.get())
					: convert(sentStatistic, factorToTarget);
			requirePlausible(code + "-" + suffix, sentStatistic, converted, statistic, measurand, statisticUnit.get());
			if (statistics == null) {
				statistics = new EnumMap<>(Statistic.class);
			}
			statistics.put(statistic, converted);
		}
		if (statistics == null) {
			return new Measurement(value, flag);
		}
		try {
			return new Measurement(value, flag, statistics);
		}
		catch (IllegalArgumentException ex) {
			throw new FactorRejected(RejectionReason.OUT_OF_RANGE, code + ": " + ex.getMessage());
		}
	}

	/**
	 * The unit a site's logger sends a factor in: the site's {@code hj212.units} entry
	 * for the code, else the factor's default.
	 */
	private static Unit unitOf(Hj212FactorCodes.Factor factor, Site site) {
		String configured = (site.hj212() != null) ? site.hj212().units().get(factor.code()) : null;
		if (configured == null) {
			return factor.defaultUnit(site.kind());
		}
		try {
			return Unit.parse(configured);
		}
		catch (IllegalArgumentException ex) {
			throw new FactorRejected(RejectionReason.BAD_UNIT,
					"site " + site.id().value() + " gives " + factor.code() + " in " + ex.getMessage());
		}
	}

	/**
	 * What is wrong with a site's configured HJ 212 units ({@code hj212.units}): codes
	 * Lantian does not map, unit texts it does not know, and units that cannot be
	 * converted to the measurand's unit at the site. Empty when all is well. Pure, so
	 * that a catalogue or a listener can check the units at start instead of refusing
	 * every frame.
	 */
	public static List<String> unitProblems(Site site) {
		if (site.hj212() == null) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		site.hj212().units().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			Optional<Hj212FactorCodes.Factor> factor = Hj212FactorCodes.lookup(entry.getKey());
			if (factor.isEmpty()) {
				problems.add("hj212.units: factor code '" + entry.getKey() + "' is not mapped (HJ 212-2017 表B.2)");
				return;
			}
			Unit unit;
			try {
				unit = Unit.parse(entry.getValue());
			}
			catch (IllegalArgumentException ex) {
				problems.add("hj212.units: " + entry.getKey() + ": " + ex.getMessage());
				return;
			}
			Unit target = factor.get().measurand().unitAt(site.kind());
			if (unit.factorTo(target).isEmpty()) {
				problems.add("hj212.units: " + entry.getKey() + " in " + unit.symbol() + " cannot be converted to "
						+ factor.get().measurand().key() + " in " + target.symbol());
			}
		});
		return problems;
	}

	private static BigDecimal number(Hj212DataArea area, String code, String suffix) {
		try {
			return area.number(code, suffix).orElseThrow();
		}
		catch (Hj212FormatException ex) {
			throw new FactorRejected(RejectionReason.NON_NUMERIC, ex.getMessage());
		}
	}

	private static BigDecimal convert(BigDecimal value, BigDecimal factor) {
		return (factor.compareTo(BigDecimal.ONE) == 0) ? value : value.multiply(factor);
	}

	private static void requirePlausible(String field, BigDecimal sent, BigDecimal value, @Nullable Statistic statistic,
			Measurand measurand, Unit unit) {
		boolean plausible = (statistic != null) ? statistic.isPlausible(measurand, value)
				: measurand.isPlausible(value);
		if (!plausible) {
			String range = (statistic == Statistic.TOTAL) ? "[0, 1e14)"
					: "[" + measurand.plausibleMin() + ", " + measurand.plausibleMax() + "]";
			throw new FactorRejected(RejectionReason.OUT_OF_RANGE,
					field + "=" + sent.toPlainString() + " gives " + measurand.key()
							+ ((statistic != null) ? "_" + statistic.key() : "") + " " + value.toPlainString() + " "
							+ unit.symbol() + " outside " + range);
		}
	}

	/** CN (表9) to period; {@code null} for a CN that is not a pollutant data upload. */
	static @Nullable ReadingPeriod periodOf(String cn) {
		switch (cn) {
			case "2011":
				return ReadingPeriod.SAMPLE;
			case "2051":
				return ReadingPeriod.MINUTE;
			case "2061":
				return ReadingPeriod.HOUR;
			case "2031":
				return ReadingPeriod.DAY;
			default:
				return null;
		}
	}

	/**
	 * The sub-field that gives the value and those kept beside it, in the order of
	 * {@link Statistic}.
	 */
	private record Suffixes(String value, Map<Statistic, String> statistics) {

		static final Suffixes SAMPLE = new Suffixes("Rtd", Map.of(Statistic.CORRECTED, "ZsRtd"));

		static final Suffixes AVERAGE = new Suffixes("Avg",
				Map.of(Statistic.CORRECTED, "ZsAvg", Statistic.MIN, "Min", Statistic.MAX, "Max", Statistic.TOTAL, "Cou",
						Statistic.CORRECTED_MIN, "ZsMin", Statistic.CORRECTED_MAX, "ZsMax"));

		Suffixes {
			statistics = Collections.unmodifiableMap(new EnumMap<>(statistics));
		}

	}

	/** Why one factor is refused; never leaves this class. */
	private static final class FactorRejected extends RuntimeException {

		private final RejectionReason reason;

		FactorRejected(RejectionReason reason, String detail) {
			super(detail, null, false, false);
			this.reason = reason;
		}

	}

	/** What one frame gave. */
	public sealed interface Result permits Mapped, NotDataUpload {

	}

	/**
	 * A data upload: at most one reading (one {@code DataTime} per frame) and the
	 * rejections of the frame or of single factors.
	 */
	public record Mapped(List<Reading> readings, List<ItemRejection> rejections) implements Result {

		public Mapped {
			readings = List.copyOf(readings);
			rejections = List.copyOf(rejections);
		}

	}

	/** A frame whose CN is not a pollutant data upload (2011/2051/2061/2031). */
	public record NotDataUpload(String cn) implements Result {

		public NotDataUpload {
			Objects.requireNonNull(cn, "cn");
		}

	}

}
