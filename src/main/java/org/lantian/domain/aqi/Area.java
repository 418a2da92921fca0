package org.lantian.domain.aqi;

import java.util.Objects;

import org.lantian.domain.SiteId;

/**
 * What an AQI report is about: one ambient station, or a city (盟市) whose values are the
 * mean of its ambient stations (HJ 663).
 *
 * @param scope a station or a city
 * @param name the station's site id or the city's name as in the catalogue
 */
public record Area(Scope scope, String name) {

	public Area {
		Objects.requireNonNull(scope, "scope");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an area needs a name");
		}
	}

	public static Area station(SiteId site) {
		return new Area(Scope.STATION, site.value());
	}

	public static Area city(String city) {
		return new Area(Scope.CITY, city);
	}

	@Override
	public String toString() {
		return this.scope.key() + " " + this.name;
	}

	/** A station or a city. */
	public enum Scope {

		STATION("site"), CITY("city");

		private final String key;

		Scope(String key) {
			this.key = key;
		}

		/** The lower-case name used in storage and URLs. */
		public String key() {
			return this.key;
		}

	}

}
