package org.lantian.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;

/**
 * An ambient air station (环境空气质量监测站): the six factors of HJ 633 and the weather.
 * <p>
 * Each value is the city's level for the season, shaped by the hour (traffic peaks in the
 * morning and evening, heating at night in winter; ozone peaks on summer afternoons and
 * is titrated by NO₂ at night), multiplied by a slow city-wide noise that every station
 * of the city shares (the weather moves a whole city's air) and a small noise of the
 * station's own. Heavy-pollution episodes and sand-dust events add to it; maintenance,
 * calibration and fault flag it; a communication gap silences it.
 */
public final class AmbientModel implements PointModel {

	private static final long STAGNATION = 1;

	private static final long SYNOPTIC = 2;

	private static final long OZONE = 3;

	private static final long TEMPERATURE = 4;

	private static final long WIND = 5;

	private static final long WIND_DIR = 6;

	private static final long PRESSURE = 7;

	private static final long HUMIDITY = 8;

	private final Site site;

	private final long seed;

	private final CityClimate climate;

	private final long cityKey;

	private final long siteKey;

	/** The station's own constant bias, about ±12 %. */
	private final double stationBias;

	private final SimulatedEvent[] events;

	public AmbientModel(Site site, long seed, List<SimulatedEvent> events) {
		if (site.kind() != SiteKind.AMBIENT) {
			throw new IllegalArgumentException("site " + site.id() + " is not an ambient station");
		}
		this.site = site;
		this.seed = seed;
		this.climate = CityClimate.of(site.city());
		this.cityKey = Noise.key(site.city());
		this.siteKey = Noise.key(site.id().value());
		this.stationBias = 0.88 + 0.24 * Noise.uniform(seed, this.siteKey, 0);
		List<SimulatedEvent> mine = new ArrayList<>();
		for (SimulatedEvent event : events) {
			if (event.sites().contains(site.id()) && event.kind().appliesToAmbient()) {
				mine.add(event);
			}
		}
		this.events = mine.toArray(new SimulatedEvent[0]);
	}

	@Override
	public Site site() {
		return this.site;
	}

	@Override
	public Optional<Reading> sample(Instant time) {
		long t = time.getEpochSecond();
		DataFlag flag = DataFlag.N;
		double episode = 0;
		boolean clearing = false;
		double dust = 0;
		double dustPeak = 0;
		double episodePeak = 0;
		for (SimulatedEvent event : this.events) {
			if (!event.isActiveAt(t)) {
				continue;
			}
			switch (event.kind()) {
				case COMMUNICATION_GAP:
					return Optional.empty();
				case FAULT:
					flag = DataFlag.D;
					break;
				case MAINTENANCE:
					flag = (flag == DataFlag.D) ? flag : DataFlag.M;
					break;
				case CALIBRATION:
					flag = (flag == DataFlag.N) ? DataFlag.C : flag;
					break;
				case HEAVY_POLLUTION:
					double progress = event.progress(t);
					double shape = episodeShape(progress);
					if (shape > episode) {
						episode = shape;
						episodePeak = event.magnitude();
						clearing = progress > EPISODE_HOLD_END;
					}
					break;
				case SAND_DUST:
					double d = dustShape(event.progress(t));
					if (d > dust) {
						dust = d;
						dustPeak = event.magnitude();
					}
					break;
				default:
					break;
			}
		}
		double hours = SimulatedTime.epochHours(t);
		double hour = SimulatedTime.localHour(t);
		double winter = SimulatedTime.winter(t);
		double spring = SimulatedTime.spring(t);
		double heating = SimulatedTime.isHeatingSeason(t) ? Math.max(0.3, winter) : 0;

		// shared by the city: stagnation (slow, synoptic) and its faster part; the
		// station's own
		double synoptic = Noise.smoothHours(this.seed, Noise.key(this.cityKey, SYNOPTIC), hours, 30);
		double stagnation = Noise.smoothHours(this.seed, Noise.key(this.cityKey, STAGNATION), hours, 8);
		double own = Noise.smoothHours(this.seed, this.siteKey, hours, 3);
		double air = Math.exp(0.42 * synoptic + 0.22 * stagnation + 0.07 * own) * this.stationBias;

		double traffic = 1 + 0.28 * SimulatedTime.bump(hour, 8, 1.8) + 0.38 * SimulatedTime.bump(hour, 20.5, 2.5)
				- 0.25 * SimulatedTime.bump(hour, 14.5, 3) + 0.3 * heating * SimulatedTime.bump(hour, 23, 4);
		double season = 1 + 0.5 * winter + 0.25 * heating;

		double pm25 = this.climate.pm25() * season * traffic * air;
		pm25 += episodePeak * episode * (0.9 + 0.1 * stagnation + 0.05 * traffic);
		double ratio = this.climate.pm25Ratio() + (0.8 - this.climate.pm25Ratio()) * episode;
		double pm10 = pm25 / ratio;
		double dustPm10 = dustPeak * dust * (1 + 0.15 * stagnation);
		pm10 += dustPm10;
		pm25 += 0.1 * dustPm10;

		double so2 = this.climate.so2() * (1 + 0.7 * winter + 0.6 * heating) * (0.7 + 0.3 * traffic) * air
				* (1 + 0.8 * episode);
		double no2Shape = 1 + 0.35 * SimulatedTime.bump(hour, 8, 2) + 0.35 * SimulatedTime.bump(hour, 20, 3)
				- 0.45 * SimulatedTime.bump(hour, 14, 3);
		double no2 = this.climate.no2() * (1 + 0.25 * winter) * no2Shape * air * (1 + 0.9 * episode);
		double co = this.climate.co() * (1 + 0.45 * winter + 0.3 * heating) * traffic * air * (1 + 1.5 * episode);

		// O₃: photochemistry on sunny afternoons, stronger in summer; NO titrates it at
		// night; in winter little is made at all (short, low sun)
		double sun = Math.max(0, 1 - 0.45 * winter - 0.1 * spring);
		double winterDamping = 1 - 0.65 * Math.max(0, winter);
		double photo = 0.12 + SimulatedTime.bump(hour, 15, 2.6);
		double ozoneNoise = Noise.smoothHours(this.seed, Noise.key(this.cityKey, OZONE), hours, 20);
		double o3 = this.climate.o3() * (0.35 + 0.65 * sun) * winterDamping * photo
				* Math.exp(0.2 * ozoneNoise + 0.05 * own) * (1 - 0.6 * episode) * (1 - 0.4 * dust)
				- 0.35 * Math.max(0, no2 - this.climate.no2());

		// weather
		double tempNoise = Noise.smoothHours(this.seed, Noise.key(this.cityKey, TEMPERATURE), hours, 36);
		double diurnal = Math.cos(2 * Math.PI * (hour - 15) / 24);
		double temp = this.climate.temperature() - this.climate.temperatureRange() * winter
				+ (5 + 2 * Math.max(0, spring)) * diurnal + 3 * tempNoise + 0.3 * own - 6 * dust;
		double humidity = 42 - 8 * spring - 6 * Math.min(0, winter) - 14 * diurnal + 10 * stagnation + 25 * episode
				- 25 * dust;
		double windNoise = Noise.smoothHours(this.seed, Noise.key(this.cityKey, WIND), hours, 10);
		double wind = this.climate.wind() * (1 + 0.35 * Math.max(0, spring))
				* (1 + 0.4 * SimulatedTime.bump(hour, 15, 4)) * Math.exp(0.35 * windNoise - 0.25 * stagnation);
		if (episode > 0) {
			wind = clearing ? 6 + 2.5 * Math.abs(windNoise) : wind * (1 - 0.7 * episode);
		}
		wind += 10 * dust;
		double dirNoise = Noise.smoothHours(this.seed, Noise.key(this.cityKey, WIND_DIR), hours, 12);
		double windDir = (dust > 0 || clearing) ? 300 + 20 * dirNoise : 300 + 110 * dirNoise;
		windDir = ((windDir % 360) + 360) % 360;
		double pressure = this.climate.pressure() + 0.8 * winter
				+ 0.6 * Noise.smoothHours(this.seed, Noise.key(this.cityKey, PRESSURE), hours, 40)
				+ 0.05 * Noise.smooth(this.seed, Noise.key(this.siteKey, PRESSURE), hours) + 0.4 * dust;
		humidity += 5 * Noise.smoothHours(this.seed, Noise.key(this.siteKey, HUMIDITY), hours, 5);

		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		put(values, Measurand.PM25, pm25, 0, flag);
		put(values, Measurand.PM10, Math.max(pm10, pm25), 0, flag);
		put(values, Measurand.SO2, so2, 0, flag);
		put(values, Measurand.NO2, no2, 0, flag);
		put(values, Measurand.CO, co, 3, flag);
		put(values, Measurand.O3, Math.max(2, o3), 0, flag);
		put(values, Measurand.TEMP, temp, 1, flag);
		put(values, Measurand.HUMIDITY, Math.max(5, Math.min(98, humidity)), 1, flag);
		put(values, Measurand.WIND_SPEED, Math.max(0, wind), 1, flag);
		put(values, Measurand.WIND_DIR, Math.min(359, windDir), 0, flag);
		put(values, Measurand.PRESSURE, pressure, 2, flag);
		return Optional.of(new Reading(this.site.id(), time, ReadingPeriod.SAMPLE, values));
	}

	/**
	 * The part of an episode after which the air stagnates no more and the wind clears
	 * it.
	 */
	static final double EPISODE_HOLD_END = 0.85;

	/**
	 * How far an episode has built up: a slow smooth rise over the first 40 %, a plateau,
	 * then a fast clearance in the last 15 %.
	 */
	static double episodeShape(double progress) {
		if (progress < 0.4) {
			double x = progress / 0.4;
			return x * x * (3 - 2 * x);
		}
		if (progress < EPISODE_HOLD_END) {
			return 1;
		}
		double x = (1 - progress) / (1 - EPISODE_HOLD_END);
		return x * x;
	}

	/**
	 * A sand-dust event: a sharp onset over the first 10 %, a plateau, a decay over the
	 * last 30 %.
	 */
	static double dustShape(double progress) {
		if (progress < 0.1) {
			return progress / 0.1;
		}
		if (progress < 0.7) {
			return 1;
		}
		return (1 - progress) / 0.3;
	}

	private static void put(Map<Measurand, Measurement> values, Measurand measurand, double value, int scale,
			DataFlag flag) {
		values.put(measurand, new Measurement(Instrument.report(measurand, value, scale), flag));
	}

}
