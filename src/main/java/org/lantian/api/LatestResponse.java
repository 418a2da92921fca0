package org.lantian.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lantian.domain.SiteKind;
import org.lantian.storage.LatestValue;

/**
 * The newest value and flag of every key of a site (INTERFACES §5.1), keyed by the
 * measurand's payload key.
 */
record LatestResponse(String site, Map<String, Value> values) {

	static LatestResponse from(String site, SiteKind kind, Iterable<LatestValue> latest, ZoneId zone) {
		Map<String, Value> values = new LinkedHashMap<>();
		for (LatestValue value : latest) {
			values.put(value.measurand().key(), new Value(value.value(), value.flag().name(),
					ApiTime.at(value.time(), zone), value.period().key(), value.measurand().unitAt(kind).symbol()));
		}
		return new LatestResponse(site, values);
	}

	record Value(BigDecimal value, String flag, OffsetDateTime time, String period, String unit) {
	}

}
