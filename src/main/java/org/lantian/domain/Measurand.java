package org.lantian.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The quantities a reading may carry, by their key in the JSON payload (INTERFACES §3.1),
 * with their unit and the range a working instrument can report. A value outside that
 * range is an instrument or transmission fault, not a measurement, and is rejected at
 * ingest.
 * <p>
 * Concentrations are in µg/m³ at ambient sites (CO in mg/m³) and in mg/m³ at stacks (dry,
 * standard state, as measured). The plausible ranges are deliberately wide: sand-dust
 * episodes in western Inner Mongolia push hourly PM10 above 5,000 µg/m³, and an
 * uncontrolled coal flue gas carries several thousand mg/m³ of SO₂.
 */
public enum Measurand {

	/** 细颗粒物 PM2.5. */
	PM25("pm25", true, "0", "5000"),
	/** 可吸入颗粒物 PM10. */
	PM10("pm10", true, "0", "30000"),
	/** 二氧化硫 SO₂. */
	SO2("so2", true, "0", "50000"),
	/** 二氧化氮 NO₂. */
	NO2("no2", true, "0", "10000"),
	/** 一氧化碳 CO (mg/m³ everywhere). */
	CO("co", true, "0", "20000"),
	/** 臭氧 O₃. */
	O3("o3", true, "0", "3000"),
	/** 氮氧化物 NOx (as NO₂). */
	NOX("nox", true, "0", "50000"),
	/** 非甲烷总烃 NMHC. */
	NMHC("nmhc", true, "0", "100000"),
	/** 总挥发性有机物 TVOC. */
	TVOC("tvoc", true, "0", "100000"),
	/** 氨 NH₃ (ammonia slip at stacks). */
	NH3("nh3", true, "0", "10000"),
	/** 颗粒物 / 烟尘: stack particulate. */
	PM("pm", true, "0", "50000"),
	/** 氧含量 O₂, %. */
	O2("o2", false, "0", "25"),
	/** 温度 (ambient or flue gas), °C. */
	TEMP("temp", false, "-60", "1500"),
	/** 压力, kPa. */
	PRESSURE("pressure", false, "-200", "2000"),
	/** 湿度, %. */
	HUMIDITY("humidity", false, "0", "100"),
	/** 流速 (flue gas velocity), m/s. */
	VELOCITY("velocity", false, "0", "200"),
	/** 流量 (flue gas flow), m³/h. */
	FLOW("flow", false, "0", "100000000"),
	/** 风速, m/s. */
	WIND_SPEED("windSpeed", false, "0", "100"),
	/** 风向, degrees from north. */
	WIND_DIR("windDir", false, "0", "360");

	private static final Map<String, Measurand> BY_KEY = Stream.of(values())
		.collect(Collectors.toUnmodifiableMap(Measurand::key, Function.identity()));

	private final String key;

	private final boolean concentration;

	private final BigDecimal plausibleMin;

	private final BigDecimal plausibleMax;

	Measurand(String key, boolean concentration, String plausibleMin, String plausibleMax) {
		this.key = key;
		this.concentration = concentration;
		this.plausibleMin = new BigDecimal(plausibleMin);
		this.plausibleMax = new BigDecimal(plausibleMax);
	}

	/** The key in JSON payloads and the field name in storage. */
	public String key() {
		return this.key;
	}

	public boolean isConcentration() {
		return this.concentration;
	}

	/**
	 * The unit values of this measurand carry at a site of the given kind (INTERFACES
	 * §3.1).
	 */
	public Unit unitAt(SiteKind kind) {
		if (this.concentration) {
			if (this == CO || kind == SiteKind.STACK) {
				return Unit.MILLIGRAMS_PER_CUBIC_METRE;
			}
			return Unit.MICROGRAMS_PER_CUBIC_METRE;
		}
		return switch (this) {
			case O2, HUMIDITY -> Unit.PERCENT;
			case TEMP -> Unit.DEGREES_CELSIUS;
			case PRESSURE -> Unit.KILOPASCALS;
			case VELOCITY, WIND_SPEED -> Unit.METRES_PER_SECOND;
			case FLOW -> Unit.CUBIC_METRES_PER_HOUR;
			case WIND_DIR -> Unit.DEGREES;
			default -> throw new IllegalStateException("no unit for " + this);
		};
	}

	/**
	 * The unit of the period's total ({@code -Cou}, 累计值; STANDARDS §3.5 and 表B.2 "排放量"
	 * column): the emitted mass of a pollutant in kg, the volume of flue gas in m³; empty
	 * for quantities that have no total (O₂, temperature, wind).
	 */
	public Optional<Unit> totalUnit() {
		if (this.concentration) {
			return Optional.of(Unit.KILOGRAMS);
		}
		return (this == FLOW) ? Optional.of(Unit.CUBIC_METRES) : Optional.empty();
	}

	public BigDecimal plausibleMin() {
		return this.plausibleMin;
	}

	public BigDecimal plausibleMax() {
		return this.plausibleMax;
	}

	public boolean isPlausible(BigDecimal value) {
		return value.compareTo(this.plausibleMin) >= 0 && value.compareTo(this.plausibleMax) <= 0;
	}

	public static Optional<Measurand> fromKey(String key) {
		return Optional.ofNullable(BY_KEY.get(key));
	}

}
