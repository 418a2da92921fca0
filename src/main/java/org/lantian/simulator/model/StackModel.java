package org.lantian.simulator.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;

/**
 * A stack's CEMS (烟气排放连续监测): concentrations as measured (dry, standard state) with their
 * O₂-corrected values, O₂, flow, velocity, temperature, static pressure and moisture.
 * <p>
 * The load follows the industry (a power unit follows the grid, a process runs near
 * constantly with occasional dips, a heating boiler runs in the heating season). The
 * corrected concentration of each pollutant stays at a fraction of its limit; the
 * measured value is what that means at the current O₂, and the reported corrected value
 * is then computed from the reported (rounded) concentration and O₂ with the formula of
 * STANDARDS §5.4, so the two always agree. Scripted events stop the unit, flag the data,
 * silence the logger, push one pollutant over its limit, or tamper with a value.
 */
public final class StackModel implements PointModel {

	/**
	 * Above this O₂ (%) no corrected value is reported: the factor (21 − O₂ref)/(21 − O₂)
	 * explodes as O₂ nears that of air (STANDARDS §5.4, "cap or refuse correction above
	 * about 19–20 % O₂").
	 */
	static final BigDecimal CORRECTION_O2_LIMIT = new BigDecimal("19.5");

	private static final BigDecimal TWENTY_ONE = BigDecimal.valueOf(21);

	/** How long an emission cut takes to reach its full size: one hour. */
	static final long CUT_RAMP_SECONDS = 3600;

	private static final long LOAD = 11;

	private static final long DIP = 12;

	private static final long OXYGEN = 13;

	private static final long FLUE = 14;

	private final Site site;

	private final long seed;

	private final long siteKey;

	private final StackProfile profile;

	private final Measurand[] pollutants;

	private final double[] limits;

	private final double[] fractions;

	private final int[] scales;

	private final long[] keys;

	private final @Nullable BigDecimal referenceO2;

	private final double referenceO2Value;

	private final SimulatedEvent[] events;

	public StackModel(Site site, long seed, List<SimulatedEvent> events) {
		if (site.kind() != SiteKind.STACK) {
			throw new IllegalArgumentException("site " + site.id() + " is not a stack");
		}
		this.site = site;
		this.seed = seed;
		this.siteKey = Noise.key(site.id().value());
		this.profile = StackProfile.of(site);
		int n = this.profile.limits.size();
		this.pollutants = new Measurand[n];
		this.limits = new double[n];
		this.fractions = new double[n];
		this.scales = new int[n];
		this.keys = new long[n];
		int i = 0;
		for (Map.Entry<Measurand, Double> limit : this.profile.limits.entrySet()) {
			Measurand measurand = limit.getKey();
			this.pollutants[i] = measurand;
			this.limits[i] = limit.getValue();
			this.fractions[i] = fraction(measurand);
			this.scales[i] = (measurand == Measurand.SO2 || measurand == Measurand.NOX) ? 1 : 2;
			this.keys[i] = Noise.key(this.siteKey, measurand.ordinal() + 100);
			i++;
		}
		this.referenceO2 = site.referenceO2();
		this.referenceO2Value = (this.referenceO2 != null) ? this.referenceO2.doubleValue() : 0;
		List<SimulatedEvent> mine = new ArrayList<>();
		for (SimulatedEvent event : events) {
			if (event.sites().contains(site.id()) && event.kind().appliesToStacks()) {
				mine.add(event);
			}
		}
		this.events = mine.toArray(new SimulatedEvent[0]);
	}

	@Override
	public Site site() {
		return this.site;
	}

	/** The scripted events that act on this stack, in the scenario's order. */
	public List<SimulatedEvent> events() {
		return List.of(this.events);
	}

	/** The limit of a pollutant in this stack's profile, mg/m³, or NaN if it has none. */
	public double limit(Measurand pollutant) {
		Double limit = this.profile.limits.get(pollutant);
		return (limit != null) ? limit : Double.NaN;
	}

	@Override
	public Optional<Reading> sample(Instant time) {
		long t = time.getEpochSecond();
		DataFlag flag = DataFlag.N;
		double running = 1;
		for (SimulatedEvent event : this.events) {
			if (!event.isActiveAt(t)) {
				continue;
			}
			switch (event.kind()) {
				case COMMUNICATION_GAP:
					return Optional.empty();
				case SHUTDOWN:
					flag = DataFlag.F;
					running = Math.min(running, shutdownRamp(event.progress(t)));
					break;
				case FAULT:
					flag = (flag == DataFlag.F) ? flag : DataFlag.D;
					break;
				case MAINTENANCE:
					flag = (flag == DataFlag.F || flag == DataFlag.D) ? flag : DataFlag.M;
					break;
				case CALIBRATION:
					flag = (flag == DataFlag.N) ? DataFlag.C : flag;
					break;
				default:
					break;
			}
		}
		double load = load(t);
		if (load == 0) {
			// out of the heating season: the boiler stands (停运)
			flag = DataFlag.F;
			running = 0;
		}
		load = Math.max(0.04, load * running);
		double hours = SimulatedTime.epochHours(t);
		double swing = swing(hours);
		double o2 = oxygen(swing, load, running);
		BigDecimal o2Reported = Instrument.report(Measurand.O2, o2, 2);

		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		for (int i = 0; i < this.pollutants.length; i++) {
			double measured = measured(i, t, load, running, o2);
			BigDecimal value = Instrument.report(this.pollutants[i], measured, this.scales[i]);
			values.put(this.pollutants[i], measurement(value, o2Reported, this.scales[i], flag));
		}
		values.put(Measurand.O2, new Measurement(o2Reported, flag));
		double flueNoise = Noise.smoothHours(this.seed, Noise.key(this.siteKey, FLUE), hours, 2);
		double flow = this.profile.flow * load * airIn(swing) * output(t) * (1 + 0.02 * flueNoise);
		values.put(Measurand.FLOW, new Measurement(Instrument.report(Measurand.FLOW, flow, 0), flag));
		values.put(Measurand.VELOCITY, new Measurement(
				Instrument.report(Measurand.VELOCITY, this.profile.velocity * flow / this.profile.flow, 2), flag));
		double temp = this.profile.temperature * (0.55 + 0.45 * Math.min(1, load + (1 - running) * 0.2))
				+ 1.5 * flueNoise;
		values.put(Measurand.TEMP, new Measurement(Instrument.report(Measurand.TEMP, temp, 1), flag));
		values.put(Measurand.PRESSURE, new Measurement(
				Instrument.report(Measurand.PRESSURE, -(0.12 + 0.35 * load) + 0.03 * flueNoise, 3), flag));
		values.put(Measurand.HUMIDITY, new Measurement(
				Instrument.report(Measurand.HUMIDITY, this.profile.humidity * (0.5 + 0.5 * load) + 0.4 * flueNoise, 2),
				flag));
		return Optional.of(new Reading(this.site.id(), time, ReadingPeriod.SAMPLE, values));
	}

	/**
	 * The measured concentration of pollutant {@code i}, mg/m³: what the corrected target
	 * means at the current O₂, changed by an exceedance, flat line or sudden drop.
	 */
	private double measured(int i, long t, double load, double running, double o2) {
		Measurand pollutant = this.pollutants[i];
		double corrected = Double.NaN;
		double drop = 0;
		for (SimulatedEvent event : this.events) {
			if (!event.isActiveAt(t) || (event.pollutant() != null && event.pollutant() != pollutant)) {
				continue;
			}
			switch (event.kind()) {
				case EXCEEDANCE:
					if (event.pollutant() == pollutant) {
						double noise = Noise.smooth(this.seed, this.keys[i] ^ DIP, SimulatedTime.epochHours(t) * 2);
						corrected = this.limits[i] * event.magnitude() * (1 + 0.04 * noise);
					}
					break;
				case FLATLINE:
					// the value of the event's first instant, sample after sample
					long frozen = event.start().getEpochSecond();
					double frozenLoad = Math.max(0.04, load(frozen));
					return dilute(target(i, frozen, frozenLoad),
							oxygen(swing(SimulatedTime.epochHours(frozen)), frozenLoad, 1));
				case SUDDEN_DROP:
					drop = Math.max(drop, event.magnitude());
					break;
				default:
					break;
			}
		}
		if (Double.isNaN(corrected)) {
			corrected = target(i, t, load) * (0.15 + 0.85 * running);
		}
		return dilute(corrected, o2) * (1 - Math.min(1, drop));
	}

	/**
	 * The corrected concentration the unit holds: a fraction of the limit, below 90 % of
	 * it.
	 */
	private double target(int i, long t, double load) {
		double hours = SimulatedTime.epochHours(t);
		double noise = 0.06 * Noise.smoothHours(this.seed, this.keys[i], hours, 2)
				+ 0.03 * Noise.smooth(this.seed, this.keys[i] ^ LOAD, hours / 24);
		double value = this.limits[i] * this.fractions[i] * (1 + noise) * (0.85 + 0.15 * load);
		return Math.min(0.9 * this.limits[i], value);
	}

	/**
	 * The measured concentration for a corrected one at the given O₂ (STANDARDS §5.4,
	 * inverted).
	 */
	private double dilute(double corrected, double o2) {
		if (this.referenceO2 == null) {
			return corrected;
		}
		return corrected * (21 - o2) / (21 - this.referenceO2Value);
	}

	private Measurement measurement(BigDecimal value, BigDecimal o2, int scale, DataFlag flag) {
		if (this.referenceO2 == null || o2.compareTo(CORRECTION_O2_LIMIT) > 0) {
			return new Measurement(value, flag);
		}
		return new Measurement(value, flag, Map.of(Statistic.CORRECTED, corrected(value, o2, this.referenceO2, scale)));
	}

	/**
	 * The O₂-corrected concentration, C_ref = C × (21 − O₂ref) / (21 − O₂) (STANDARDS
	 * §5.4; GB 13271-2014 式(1); HJ 212-2017 附录D 式(28)), rounded half-even to the value's
	 * decimals.
	 */
	public static BigDecimal corrected(BigDecimal measured, BigDecimal o2, BigDecimal referenceO2, int scale) {
		return measured.multiply(TWENTY_ONE.subtract(referenceO2))
			.divide(TWENTY_ONE.subtract(o2), scale, RoundingMode.HALF_EVEN);
	}

	/** The unit's load, 0 (standing) to 1 (full). */
	double load(long t) {
		double hours = SimulatedTime.epochHours(t);
		double hour = SimulatedTime.localHour(t);
		double noise = Noise.smoothHours(this.seed, Noise.key(this.siteKey, LOAD), hours, 6);
		switch (this.profile.load) {
			case GRID:
				// in the heating season a coal unit supplies heat too and runs 以热定电 (its
				// output set by the heat it must deliver): half the daily swing
				double daily = (SimulatedTime.isHeatingSeason(t) ? 0.5 : 1) * (0.13 * SimulatedTime.bump(hour, 10, 2.5)
						+ 0.15 * SimulatedTime.bump(hour, 19.5, 2.5) - 0.15 * SimulatedTime.bump(hour, 3.5, 3));
				double grid = 0.7 + daily + 0.06 * SimulatedTime.winter(t) + 0.05 * noise;
				return Math.max(0.45, Math.min(1, grid));
			case HEATING:
				if (!SimulatedTime.isHeatingSeason(t)) {
					return 0;
				}
				double heat = 0.55 + 0.3 * Math.max(0, SimulatedTime.winter(t)) + 0.12 * SimulatedTime.bump(hour, 5, 4)
						+ 0.05 * noise;
				return Math.max(0.3, Math.min(1, heat));
			default:
				double process = 0.94 + 0.03 * noise;
				long day = SimulatedTime.localDay(t);
				long dipKey = Noise.key(this.siteKey, DIP);
				if (Noise.uniform(this.seed, dipKey, day) < 0.1) {
					double dipStart = 2 + 18 * Noise.uniform(this.seed, dipKey ^ LOAD, day);
					if (hour >= dipStart && hour < dipStart + 4) {
						process *= 0.9;
					}
				}
				return Math.min(1, process);
		}
	}

	/** How far O₂ swings from the typical value at the instant, percentage points. */
	private double swing(double hours) {
		return this.profile.o2Swing * Noise.smoothHours(this.seed, Noise.key(this.siteKey, OXYGEN), hours, 1);
	}

	/**
	 * The dry flow's factor for the air that makes O₂ swing (excess air, 漏风): air that
	 * raises O₂ from the typical value by {@code swing} raises the dry flow by (21 −
	 * O₂typ) / (21 − O₂typ − swing), as it dilutes the concentration by the inverse
	 * ({@link #dilute}), so that it adds no mass. Stacks judged as measured (no reference
	 * O₂) dilute nothing, and their flow does not follow O₂ either.
	 */
	private double airIn(double swing) {
		if (this.referenceO2 == null) {
			return 1;
		}
		return (21 - this.profile.o2) / (21 - this.profile.o2 - swing);
	}

	/**
	 * The share of its normal output the unit runs at: 1, or less during an emission cut
	 * (应急减排) that lowers production by the event's fraction, reached linearly over the
	 * event's first {@link #CUT_RAMP_SECONDS} (限产 takes time).
	 */
	double output(long t) {
		double cut = 0;
		for (SimulatedEvent event : this.events) {
			if (event.kind() == EventKind.EMISSION_CUT && event.isActiveAt(t)) {
				double ramp = Math.min(1, (double) (t - event.start().getEpochSecond()) / CUT_RAMP_SECONDS);
				cut = Math.max(cut, event.magnitude() * ramp);
			}
		}
		return 1 - cut;
	}

	/** O₂ swings around the typical value and rises towards air as the load falls. */
	private double oxygen(double swing, double load, double running) {
		double o2 = this.profile.o2 + swing + 2.5 * (1 - Math.min(1, load / 0.9));
		o2 += (20.6 - o2) * (1 - running);
		return Math.min(20.8, o2);
	}

	/**
	 * Start-up and shutdown: the load ramps down over the first 10 %, up over the last 10
	 * %.
	 */
	static double shutdownRamp(double progress) {
		if (progress < 0.1) {
			return 1 - progress / 0.1;
		}
		if (progress > 0.9) {
			return (progress - 0.9) / 0.1;
		}
		return 0;
	}

	private static double fraction(Measurand pollutant) {
		switch (pollutant) {
			case SO2:
				return 0.45;
			case NOX:
				return 0.62;
			case PM:
				return 0.35;
			case NH3:
				return 0.25;
			default:
				return 0.3;
		}
	}

}
