package org.lantian.warnings;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A warning episode's id, {@code {city}-{episodeStart epoch ms}}
 * ({@link CityWarning#idOf}): the city and the instant of the episode's first raise.
 */
public record WarningId(String city, Instant episodeStart) {

	public WarningId {
		Objects.requireNonNull(episodeStart, "episodeStart");
		if (city == null || city.isBlank()) {
			throw new IllegalArgumentException("warning id: blank city");
		}
	}

	/**
	 * The id split at its last {@code -} (a city name may contain one, the epoch
	 * milliseconds never do), or empty if it is not of that shape.
	 */
	public static Optional<WarningId> parse(String id) {
		int dash = id.lastIndexOf('-');
		if (dash <= 0 || dash == id.length() - 1) {
			return Optional.empty();
		}
		String millis = id.substring(dash + 1);
		for (int i = 0; i < millis.length(); i++) {
			if (millis.charAt(i) < '0' || millis.charAt(i) > '9') {
				return Optional.empty();
			}
		}
		String city = id.substring(0, dash);
		if (millis.length() > 15 || city.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new WarningId(city, Instant.ofEpochMilli(Long.parseLong(millis))));
	}

	/** The id as text, {@code 包头市-1736899200000}. */
	public String value() {
		return CityWarning.idOf(this.city, this.episodeStart);
	}

}
