package org.lantian.simulator.model;

/**
 * The typical air of a city: annual mean levels of the primary pollutants, the summer
 * afternoon ozone level and the climate (Inner Mongolia's plateau cities lie about 1,000
 * m up, so the station pressure is near 89 kPa). Plausible round numbers for a
 * simulation, not statistics of any year.
 *
 * @param pm25 annual mean PM2.5, µg/m³
 * @param pm25Ratio the usual PM2.5/PM10 ratio (dusty north-west: about 0.45)
 * @param so2 annual mean SO₂, µg/m³
 * @param no2 annual mean NO₂, µg/m³
 * @param co annual mean CO, mg/m³
 * @param o3 summer afternoon O₃, µg/m³
 * @param temperature annual mean temperature, °C
 * @param temperatureRange half the difference between July and January means, °C
 * @param pressure mean station pressure, kPa
 * @param wind mean wind speed, m/s
 */
record CityClimate(double pm25, double pm25Ratio, double so2, double no2, double co, double o3, double temperature,
		double temperatureRange, double pressure, double wind) {

	static CityClimate of(String city) {
		switch (city) {
			case "包头市":
				return new CityClimate(40, 0.46, 16, 36, 0.9, 165, 8.5, 16, 89.6, 2.8);
			case "呼和浩特市":
				return new CityClimate(36, 0.47, 12, 37, 0.85, 160, 7.5, 16, 89.9, 2.4);
			case "巴彦淖尔市":
				return new CityClimate(32, 0.42, 11, 26, 0.7, 155, 8.0, 16, 89.2, 3.0);
			case "乌海市":
				return new CityClimate(35, 0.43, 24, 30, 1.0, 165, 10.0, 16, 88.7, 3.0);
			case "鄂尔多斯市":
				return new CityClimate(27, 0.45, 13, 25, 0.7, 150, 7.0, 15, 87.5, 3.2);
			case "阿拉善盟":
				return new CityClimate(14, 0.35, 5, 8, 0.3, 135, 8.5, 16, 88.4, 3.3);
			default:
				return new CityClimate(30, 0.45, 12, 28, 0.8, 150, 6.0, 16, 89.0, 2.8);
		}
	}

}
