package org.lantian.simulator.model;

import java.util.EnumMap;
import java.util.Map;

import org.lantian.domain.Measurand;
import org.lantian.domain.Site;

/**
 * How a kind of stack behaves: its load curve, its typical O₂, its flue gas, the
 * pollutants its CEMS measures and their limits (the catalogue's {@code limitProfile}).
 * <p>
 * Limits are in mg/m³ at the reference O₂ (STANDARDS §5.1–5.3, §6.3; NH₃ slip ≤ 8 mg/m³
 * from SEEDS-BRIEF §5); the ferroalloy profile's values are nominal, not a standard's.
 */
final class StackProfile {

	/** Load curves by industry. */
	enum Load {

		/** A power unit follows the grid's daily load. */
		GRID,

		/** Steel, coking, ferroalloy, chemicals: near-constant with occasional dips. */
		PROCESS,

		/** A heating boiler runs in the heating season, harder on cold nights. */
		HEATING

	}

	final Load load;

	final double o2;

	final double o2Swing;

	final double flow;

	final double temperature;

	final double velocity;

	final double humidity;

	/** Limits by measurand, in the order the CEMS reports them. */
	final Map<Measurand, Double> limits;

	private StackProfile(Load load, double o2, double o2Swing, double flow, double temperature, double velocity,
			double humidity, Map<Measurand, Double> limits) {
		this.load = load;
		this.o2 = o2;
		this.o2Swing = o2Swing;
		this.flow = flow;
		this.temperature = temperature;
		this.velocity = velocity;
		this.humidity = humidity;
		this.limits = limits;
	}

	static StackProfile of(Site site) {
		String industry = (site.industry() != null) ? site.industry() : "";
		String fuel = (site.fuel() != null) ? site.fuel() : "";
		Map<Measurand, Double> limits = limits((site.limitProfile() != null) ? site.limitProfile() : "");
		switch (industry) {
			case "power":
				return new StackProfile(Load.GRID, 5.5, 0.8, 1_100_000, 48, 18, 12, limits);
			case "steel":
				return new StackProfile(Load.PROCESS, 15.5, 0.9, 1_600_000, 75, 16, 10, limits);
			case "coking":
				return new StackProfile(Load.PROCESS, 7.5, 0.9, 260_000, 150, 12, 8, limits);
			case "ferroalloy":
				return new StackProfile(Load.PROCESS, 19.2, 0.4, 450_000, 95, 14, 4, limits);
			case "chemical":
			case "pharmaceutical":
				return "gas".equals(fuel) ? new StackProfile(Load.PROCESS, 15.8, 0.8, 45_000, 85, 11, 6, limits)
						: new StackProfile(Load.PROCESS, 20.5, 0.15, 38_000, 32, 10, 3, limits);
			case "heating":
				return "gas".equals(fuel) ? new StackProfile(Load.HEATING, 3.6, 0.8, 30_000, 85, 9, 14, limits)
						: new StackProfile(Load.HEATING, 9.8, 1.4, 180_000, 55, 12, 11, limits);
			default:
				return new StackProfile(Load.PROCESS, 9.8, 1.4, 100_000, 80, 12, 8, limits);
		}
	}

	private static Map<Measurand, Double> limits(String profile) {
		switch (profile) {
			case "ultra-low-coal-power":
			case "ultra-low-steel-sintering":
				// STANDARDS §5.2, §5.3; NH₃ slip SEEDS-BRIEF §5
				return of(35, 50, 10, 8);
			case "ultra-low-coke-oven":
				return of(30, 150, 10, 8); // STANDARDS §5.3
			case "gb13271-2014-coal-boiler-special":
				return of(200, 200, 30, 0); // GB 13271-2014 表3
			case "gb13271-2014-coal-boiler-existing":
				return of(400, 400, 80, 0); // GB 13271-2014 表1
			case "gb13271-2014-gas-boiler-special":
				return of(50, 150, 20, 0); // GB 13271-2014 表3
			case "gb28666-2012-ferroalloy-special":
				return of(200, 300, 30, 0); // nominal, see the catalogue's header
			case "gb16297-1996-nmhc-new":
				Map<Measurand, Double> nmhc = new EnumMap<>(Measurand.class);
				nmhc.put(Measurand.NMHC, 120.0); // GB 16297-1996 表2, STANDARDS §6.3
				return nmhc;
			default:
				return of(400, 400, 80, 0);
		}
	}

	private static Map<Measurand, Double> of(double so2, double nox, double pm, double nh3) {
		Map<Measurand, Double> limits = new EnumMap<>(Measurand.class);
		limits.put(Measurand.SO2, so2);
		limits.put(Measurand.NOX, nox);
		limits.put(Measurand.PM, pm);
		if (nh3 > 0) {
			limits.put(Measurand.NH3, nh3);
		}
		return limits;
	}

}
