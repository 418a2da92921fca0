package org.lantian.simulator.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteKind;
import org.lantian.domain.Statistic;
import org.lantian.simulator.model.PointModel;

/**
 * The plain values of the load mode: every measurand an ambient station or a CEMS stack
 * reports, noisy around a fixed level, always normal. A pure function of (seed, site,
 * instant), as {@link PointModel} requires; not meant to look like real air.
 */
public final class LoadPointModel implements PointModel {

	private static final Measurand[] AMBIENT = { Measurand.PM25, Measurand.PM10, Measurand.SO2, Measurand.NO2,
			Measurand.CO, Measurand.O3 };

	private static final Measurand[] STACK = { Measurand.PM, Measurand.SO2, Measurand.NOX, Measurand.O2, Measurand.TEMP,
			Measurand.FLOW };

	private final Site site;

	private final long seed;

	public LoadPointModel(Site site, long seed) {
		this.site = Objects.requireNonNull(site, "site");
		this.seed = seed ^ site.id().value().hashCode() * 0x9E3779B97F4A7C15L;
	}

	@Override
	public Site site() {
		return this.site;
	}

	@Override
	public Optional<Reading> sample(Instant time) {
		SplittableRandom random = new SplittableRandom(this.seed ^ time.toEpochMilli());
		Map<Measurand, Measurement> values = new EnumMap<>(Measurand.class);
		boolean stack = this.site.kind() == SiteKind.STACK;
		for (Measurand measurand : stack ? STACK : AMBIENT) {
			// in tenths, rounded half-even, without BigDecimal.valueOf(double), whose
			// Double.toString was the biggest cost of a load sample
			long tenths = (long) Math.rint(10 * level(measurand) * (0.8 + 0.4 * random.nextDouble()));
			BigDecimal value = BigDecimal.valueOf(tenths, 1);
			if (stack && measurand.isConcentration()) {
				// 折算 at a fixed ratio; the O₂ is whatever the draw gave
				values.put(measurand, new Measurement(value, DataFlag.N,
						Map.of(Statistic.CORRECTED, BigDecimal.valueOf(tenths * 12, 2))));
			}
			else {
				values.put(measurand, new Measurement(value, DataFlag.N));
			}
		}
		return Optional.of(new Reading(this.site.id(), time, ReadingPeriod.SAMPLE, values));
	}

	private static double level(Measurand measurand) {
		switch (measurand) {
			case PM25:
				return 45;
			case PM10:
				return 80;
			case SO2:
				return 20;
			case NO2:
				return 35;
			case CO:
				return 0.8;
			case O3:
				return 60;
			case PM:
				return 8;
			case NOX:
				return 40;
			case O2:
				return 12;
			case TEMP:
				return 90;
			case FLOW:
				return 500_000;
			default:
				return 1;
		}
	}

}
