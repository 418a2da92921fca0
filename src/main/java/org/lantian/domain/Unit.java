package org.lantian.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Units of the values Lantian stores (INTERFACES §3.1) and of the values devices send (HJ
 * 212-2017 表B.2 prints ambient PM in ng/m³ and flue gas flow in m³/s). Units of one
 * quantity convert into each other exactly, with {@link BigDecimal}.
 */
public enum Unit {

	MICROGRAMS_PER_CUBIC_METRE("µg/m³", Quantity.MASS_CONCENTRATION, "1"),
	MILLIGRAMS_PER_CUBIC_METRE("mg/m³", Quantity.MASS_CONCENTRATION, "1000"), PERCENT("%", Quantity.FRACTION, "1"),
	DEGREES_CELSIUS("°C", Quantity.TEMPERATURE, "1"), KILOPASCALS("kPa", Quantity.PRESSURE, "1"),
	METRES_PER_SECOND("m/s", Quantity.SPEED, "1"), CUBIC_METRES_PER_HOUR("m³/h", Quantity.VOLUME_FLOW, "1"),
	DEGREES("°", Quantity.ANGLE, "1"),
	/** 纳克/立方米, the unit 表B.2 prints for ambient PM (STANDARDS §3.9 gap 2). */
	NANOGRAMS_PER_CUBIC_METRE("ng/m³", Quantity.MASS_CONCENTRATION, "0.001"),
	/** 立方米/秒, the unit of a00000 废气 in 表B.2. */
	CUBIC_METRES_PER_SECOND("m³/s", Quantity.VOLUME_FLOW, "3600"),
	/** 克: the amount unit 表B.2 gives a few factors (NH₃, PM10, PM2.5). */
	GRAMS("g", Quantity.MASS, "0.001"),
	/** 千克: emitted mass, the amount unit of the flue gas pollutants in 表B.2. */
	KILOGRAMS("kg", Quantity.MASS, "1"),
	/** 立方米: a volume of flue gas, the amount unit of a00000 in 表B.2. */
	CUBIC_METRES("m³", Quantity.VOLUME, "1");

	private static final Map<String, Unit> BY_NAME = byName();

	private final String symbol;

	private final Quantity quantity;

	/** The size of this unit in the quantity's first unit above. */
	private final BigDecimal size;

	Unit(String symbol, Quantity quantity, String size) {
		this.symbol = symbol;
		this.quantity = quantity;
		this.size = new BigDecimal(size);
	}

	public String symbol() {
		return this.symbol;
	}

	/**
	 * What a value in this unit is multiplied by to give the value in {@code target},
	 * exactly: {@code 0.001} from ng/m³ to µg/m³, {@code 3600} from m³/s to m³/h. Empty
	 * when the units measure different quantities, or when the factor has no finite
	 * decimal expansion (m³/h to m³/s).
	 */
	public Optional<BigDecimal> factorTo(Unit target) {
		if (target == this) {
			return Optional.of(BigDecimal.ONE);
		}
		if (target.quantity != this.quantity) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.size.divide(target.size));
		}
		catch (ArithmeticException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A value in this unit converted exactly to {@code target}; the very same value when
	 * the units are equal.
	 * @throws IllegalArgumentException if the units cannot be converted exactly
	 */
	public BigDecimal convert(BigDecimal value, Unit target) {
		if (target == this) {
			return value;
		}
		BigDecimal factor = factorTo(target).orElseThrow(() -> new IllegalArgumentException(
				"cannot convert " + this.symbol + " to " + target.symbol + " exactly"));
		return value.multiply(factor);
	}

	/**
	 * The unit a person or a device configuration writes, such as {@code ug/m3},
	 * {@code µg/m³}, {@code μg/m3} (Greek mu), {@code mg/m3}, {@code ng/m3},
	 * {@code m3/s}, {@code ℃}. Case and surrounding blanks are ignored. Pure, so that a
	 * catalogue can check its units when it loads.
	 * @throws IllegalArgumentException naming the text and the units known
	 */
	public static Unit parse(String text) {
		Unit unit = (text != null) ? BY_NAME.get(normalise(text)) : null;
		if (unit == null) {
			throw new IllegalArgumentException("unknown unit: '" + text + "' (known: "
					+ Stream.of(values()).map(Unit::symbol).collect(Collectors.joining(", ")) + ")");
		}
		return unit;
	}

	private static String normalise(String text) {
		return text.strip()
			.replace('µ', 'u')
			.replace('μ', 'u')
			.replace('³', '3')
			.replace("℃", "°c")
			.toLowerCase(Locale.ROOT);
	}

	private static Map<String, Unit> byName() {
		Map<String, Unit> names = new HashMap<>();
		for (Unit unit : values()) {
			names.put(normalise(unit.symbol), unit);
		}
		names.put("degc", DEGREES_CELSIUS);
		names.put("deg", DEGREES);
		return Map.copyOf(names);
	}

	/** What a unit measures; only units of one quantity convert. */
	private enum Quantity {

		MASS_CONCENTRATION, FRACTION, TEMPERATURE, PRESSURE, SPEED, VOLUME_FLOW, ANGLE, MASS, VOLUME

	}

}
