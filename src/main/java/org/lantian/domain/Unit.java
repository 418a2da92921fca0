package org.lantian.domain;

/**
 * Units of the values Lantian stores (INTERFACES §3.1).
 */
public enum Unit {

	MICROGRAMS_PER_CUBIC_METRE("µg/m³"), MILLIGRAMS_PER_CUBIC_METRE("mg/m³"), PERCENT("%"), DEGREES_CELSIUS("°C"),
	KILOPASCALS("kPa"), METRES_PER_SECOND("m/s"), CUBIC_METRES_PER_HOUR("m³/h"), DEGREES("°");

	private final String symbol;

	Unit(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return this.symbol;
	}

}
