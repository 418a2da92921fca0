package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.lantian.domain.Site;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.RejectionReason;

/**
 * Maps a decoded HJ 212 data upload to a Lantian {@link Reading} (INTERFACES §4,
 * STANDARDS §3.4–§3.9). Pure and total: bad content becomes {@link ItemRejection}s, never
 * an exception.
 * <ul>
 * <li>CN 2011 (实时数据) gives a {@link ReadingPeriod#SAMPLE} from {@code -Rtd}; 2051, 2061
 * and 2031 give {@link ReadingPeriod#MINUTE}, {@link ReadingPeriod#HOUR} and
 * {@link ReadingPeriod#DAY} from {@code -Avg}. Any other CN (replies such as 9014,
 * commands such as 1062, equipment state 2021) is {@link NotDataUpload}.</li>
 * <li>{@code DataTime} is local time in the configured zone, converted here once (STYLE
 * S-7). For 2051/2061/2031 it is the <em>start</em> of the period (STANDARDS §3.5,
 * 表C.17), which is what {@link Reading#time()} means for averaged periods; for 2011 it is
 * the sampling moment.</li>
 * <li>Dropped for now: {@code -Min}, {@code -Max} and {@code -Cou}; and the O₂-corrected
 * {@code -ZsRtd}/{@code -ZsAvg}/{@code -ZsMin}/{@code -ZsMax} (折算), which are
 * <em>not</em> the plain measurand — O₂ correction is issue 6.</li>
 * <li>Per factor: an unknown code gives {@link RejectionReason#UNKNOWN_KEY}, a missing
 * value {@link RejectionReason#MISSING_FIELD}, a non-number
 * {@link RejectionReason#NON_NUMERIC}, a flag outside 表8 {@link RejectionReason#BAD_FLAG}
 * (absent means N) and an implausible value {@link RejectionReason#OUT_OF_RANGE}; the
 * other factors of the frame still map. Rejection indexes are the factor's position in
 * the data area; -1 concerns the whole frame.</li>
 * </ul>
 * Values are exact ({@link BigDecimal}); the only unit conversion is a00000/B02 flow,
 * m³/s × 3600 = m³/h ({@link Hj212FactorCodes}).
 */
public final class Hj212ReadingMapper {

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
		String suffix = (period == ReadingPeriod.SAMPLE) ? "Rtd" : "Avg";
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		int index = -1;
		for (Map.Entry<String, Map<String, String>> factor : area.factors().entrySet()) {
			index++;
			String code = factor.getKey();
			Optional<Hj212FactorCodes.Factor> known = Hj212FactorCodes.lookup(code);
			if (known.isEmpty()) {
				rejections.add(new ItemRejection(index, RejectionReason.UNKNOWN_KEY,
						"factor code '" + code + "' is not mapped (HJ 212-2017 表B.2)", siteId));
				continue;
			}
			Measurand measurand = known.get().measurand();
			if (!factor.getValue().containsKey(suffix)) {
				if (!onlyDroppedValues(factor.getValue())) {
					rejections.add(new ItemRejection(index, RejectionReason.MISSING_FIELD,
							code + "-" + suffix + " is absent for CN " + frame.cn(), siteId));
				}
				continue;
			}
			if (values.containsKey(measurand)) {
				rejections.add(new ItemRejection(index, RejectionReason.UNKNOWN_KEY,
						code + " repeats " + measurand.key() + " already sent under another code", siteId));
				continue;
			}
			BigDecimal value;
			try {
				value = area.number(code, suffix).orElseThrow();
			}
			catch (Hj212FormatException ex) {
				rejections.add(new ItemRejection(index, RejectionReason.NON_NUMERIC, ex.getMessage(), siteId));
				continue;
			}
			DataFlag flag;
			try {
				flag = area.flag(code).orElse(DataFlag.N);
			}
			catch (Hj212FormatException ex) {
				rejections.add(new ItemRejection(index, RejectionReason.BAD_FLAG, ex.getMessage(), siteId));
				continue;
			}
			BigDecimal converted = known.get().convert(value);
			if (!measurand.isPlausible(converted)) {
				rejections.add(new ItemRejection(index, RejectionReason.OUT_OF_RANGE,
						code + "-" + suffix + "=" + value + " gives " + measurand.key() + " "
								+ converted.toPlainString() + " outside [" + measurand.plausibleMin() + ", "
								+ measurand.plausibleMax() + "]",
						siteId));
				continue;
			}
			values.put(measurand, new Measurement(converted, flag));
		}
		if (values.isEmpty()) {
			if (rejections.isEmpty()) {
				rejections.add(new ItemRejection(-1, RejectionReason.MISSING_FIELD,
						"CN " + frame.cn() + " carries no " + suffix + " value", siteId));
			}
			return new Mapped(List.of(), rejections);
		}
		return new Mapped(List.of(new Reading(site.id(), time, period, values)), rejections);
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
	 * Whether a factor carries only values this mapper drops on purpose (折算, min, max,
	 * totals), such as a factor sent as {@code -ZsAvg} alone.
	 */
	private static boolean onlyDroppedValues(Map<String, String> subFields) {
		boolean dropped = false;
		for (String suffix : subFields.keySet()) {
			if (suffix.startsWith("Zs") || suffix.equals("Min") || suffix.equals("Max") || suffix.equals("Cou")) {
				dropped = true;
			}
		}
		return dropped;
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
