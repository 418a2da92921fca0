package org.lantian.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Time at the API's edge: parameters are ISO-8601 with an offset, and every timestamp
 * written carries the reporting zone's offset (INTERFACES, Time).
 */
final class ApiTime {

	private ApiTime() {
	}

	static @Nullable Instant parse(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		// An unencoded '+' in a query string arrives as a space: "…T08:00:00 08:00".
		String text = value.trim().replaceFirst(" (\\d{2}:\\d{2})$", "+$1");
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiProblemException.badRequest("parameter '" + name + "' must be ISO-8601 with an offset, e.g. "
					+ "2026-01-15T08:00:00+08:00, not '" + value + "'");
		}
	}

	static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toOffsetDateTime();
	}

}
