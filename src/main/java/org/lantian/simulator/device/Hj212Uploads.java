package org.lantian.simulator.device;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.lantian.domain.Hj212Access;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;
import org.lantian.domain.Unit;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212FactorCodes;
import org.lantian.ingest.hj212.Hj212Frame;

/**
 * Turns a reading into the HJ 212-2017 uploads a data logger sends (STANDARDS §3): CN
 * 2011 for a sample ({@code -Rtd}, {@code -ZsRtd}), 2051 and 2061 for minute and hour
 * values ({@code -Min}, {@code -Avg}, {@code -Max}, {@code -ZsMin}, {@code -ZsAvg},
 * {@code -ZsMax}), each factor with its {@code -Flag}; {@code DataTime} in local time
 * (the period's start for 2051/2061, §3.5); ST 22 at ambient stations and 31 at stacks
 * (表5); Flag=5 (HJ 212-2017, reply wanted, §3.3); MN and PW from the site's
 * {@code hj212}.
 * <p>
 * Values go out in the unit the site's {@code hj212.units} gives their code, else in the
 * code's default unit ({@link Hj212FactorCodes#defaultUnitOf}), so that Lantian converts
 * them back to what was simulated. When the factors do not fit one data segment of 1024
 * bytes (表2), they are spread over several complete uploads with the same
 * {@code DataTime}, each with its own QN and answered on its own: simpler for a logger
 * than PNUM/PNO, and each upload stands alone should another be lost.
 */
public final class Hj212Uploads {

	/** HJ 212-2017, no split, reply wanted (表3). */
	public static final int FLAG = 5;

	/** Decimals of a value converted into a unit that is not an exact multiple. */
	private static final int CONVERTED_SCALE = 6;

	private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	/** The digits of a QN: YYYYMMDDhhmmsszzz (表3). */
	private static final int QN_LENGTH = 17;

	private final ZoneId zone;

	/**
	 * @param zone the zone of the loggers' local time, e.g. Asia/Shanghai
	 */
	public Hj212Uploads(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * The uploads of one reading of a site; measurands without an HJ 212 code are left
	 * out. Empty when none has one.
	 * @param qns gives each upload its QN (17 digits, unique per logger)
	 * @throws IllegalArgumentException if the site has no {@code hj212} block or the
	 * reading is a day value
	 */
	public List<Hj212Frame> uploads(Reading reading, Site site, Supplier<String> qns) {
		Hj212Access access = site.hj212();
		if (access == null) {
			throw new IllegalArgumentException("site " + site.id().value() + " has no hj212 block (MN, password)");
		}
		String cn = cn(reading.period());
		String st = (site.kind() == SiteKind.STACK) ? "31" : "22";
		String dataTime = "DataTime=" + DATA_TIME.format(reading.time().atZone(this.zone));
		int overhead = ("QN=" + "0".repeat(QN_LENGTH) + ";ST=" + st + ";CN=" + cn + ";PW=" + access.password() + ";MN="
				+ access.mn() + ";Flag=" + FLAG + ";CP=&&" + dataTime + "&&")
			.getBytes(StandardCharsets.UTF_8).length;
		int room = Hj212Decoder.MAX_SEGMENT_LENGTH - overhead;
		List<String> areas = new ArrayList<>();
		StringBuilder area = new StringBuilder();
		int areaBytes = 0;
		for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
			Optional<String> code = Hj212FactorCodes.codeOf(value.getKey(), site.kind());
			if (code.isEmpty()) {
				continue;
			}
			String factor = factor(code.get(), value.getKey(), value.getValue(), reading.period(), site);
			int bytes = 1 + factor.getBytes(StandardCharsets.UTF_8).length; // ';' before
																			// it
			if (bytes > room) {
				throw new IllegalStateException("factor " + code.get() + " alone exceeds a data segment: " + factor);
			}
			if (areaBytes + bytes > room) {
				areas.add(area.toString());
				area.setLength(0);
				areaBytes = 0;
			}
			area.append(';').append(factor);
			areaBytes += bytes;
		}
		if (areaBytes > 0) {
			areas.add(area.toString());
		}
		List<Hj212Frame> uploads = new ArrayList<>(areas.size());
		for (String factors : areas) {
			uploads.add(new Hj212Frame(qns.get(), st, cn, access.password(), access.mn(), FLAG, null, null,
					dataTime + factors));
		}
		return uploads;
	}

	/** CN of the upload of a period (表9). */
	static String cn(ReadingPeriod period) {
		switch (period) {
			case SAMPLE:
				return "2011";
			case MINUTE:
				return "2051";
			case HOUR:
				return "2061";
			default:
				throw new IllegalArgumentException("a logger uploads no " + period.key() + " values here");
		}
	}

	/** One factor's sub-fields, joined by ',' (§6.3.3). */
	private static String factor(String code, Measurand measurand, Measurement measurement, ReadingPeriod period,
			Site site) {
		Unit from = measurand.unitAt(site.kind());
		Unit to = sentUnit(code, site);
		StringBuilder text = new StringBuilder(96);
		if (period == ReadingPeriod.SAMPLE) {
			field(text, code, "Rtd", measurement.value(), from, to);
			measurement.statistic(Statistic.CORRECTED).ifPresent((zs) -> field(text, code, "ZsRtd", zs, from, to));
		}
		else {
			measurement.statistic(Statistic.MIN).ifPresent((min) -> field(text, code, "Min", min, from, to));
			field(text, code, "Avg", measurement.value(), from, to);
			measurement.statistic(Statistic.MAX).ifPresent((max) -> field(text, code, "Max", max, from, to));
			measurement.statistic(Statistic.CORRECTED_MIN)
				.ifPresent((min) -> field(text, code, "ZsMin", min, from, to));
			measurement.statistic(Statistic.CORRECTED).ifPresent((zs) -> field(text, code, "ZsAvg", zs, from, to));
			measurement.statistic(Statistic.CORRECTED_MAX)
				.ifPresent((max) -> field(text, code, "ZsMax", max, from, to));
		}
		return text.append(code).append("-Flag=").append(measurement.flag().name()).toString();
	}

	private static void field(StringBuilder text, String code, String suffix, BigDecimal value, Unit from, Unit to) {
		// as simulated where no unit changes, so that Lantian stores exactly that
		String sent = (from == to) ? value.toPlainString() : plain(convert(value, from, to));
		text.append(code).append('-').append(suffix).append('=').append(sent).append(',');
	}

	/**
	 * The unit the site's logger sends a code in: its {@code hj212.units}, else the
	 * default.
	 */
	static Unit sentUnit(String code, Site site) {
		Hj212Access access = site.hj212();
		String configured = (access != null) ? access.units().get(code) : null;
		if (configured != null) {
			return Unit.parse(configured);
		}
		return Hj212FactorCodes.defaultUnitOf(code, site.kind()).orElseThrow();
	}

	/**
	 * A value converted exactly where the factor is a finite decimal (µg/m³ to ng/m³),
	 * else divided by the reverse factor to six decimals (m³/h to m³/s).
	 */
	static BigDecimal convert(BigDecimal value, Unit from, Unit to) {
		if (from == to) {
			return value;
		}
		Optional<BigDecimal> factor = from.factorTo(to);
		if (factor.isPresent()) {
			return value.multiply(factor.get());
		}
		BigDecimal reverse = to.factorTo(from)
			.orElseThrow(() -> new IllegalArgumentException("cannot convert " + from.symbol() + " to " + to.symbol()));
		return value.divide(reverse, CONVERTED_SCALE, RoundingMode.HALF_EVEN);
	}

	private static String plain(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

}
