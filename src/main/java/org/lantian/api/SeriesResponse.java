package org.lantian.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteKind;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;

/**
 * A time series of a site (INTERFACES §5.1). Raw points carry {@code time} and
 * {@code flag}; aggregates carry their bucket as {@code start} and {@code end} (end
 * exclusive), the mean of the normal values and how many there were.
 */
record SeriesResponse(String site, OffsetDateTime from, OffsetDateTime to, String step, String period,
		Map<String, String> units, Map<String, List<Point>> series) {

	static SeriesResponse from(SeriesQuery query, SiteKind kind, Map<Measurand, List<SeriesPoint>> series,
			ZoneId zone) {
		Map<String, String> units = new LinkedHashMap<>();
		Map<String, List<Point>> points = new LinkedHashMap<>();
		for (Measurand measurand : query.measurands()) {
			units.put(measurand.key(), measurand.unitAt(kind).symbol());
			points.put(measurand.key(),
					series.getOrDefault(measurand, List.of())
						.stream()
						.map((point) -> Point.from(point, query.step(), zone))
						.toList());
		}
		return new SeriesResponse(query.site().value(), ApiTime.at(query.from(), zone), ApiTime.at(query.to(), zone),
				query.step().key(), query.period().key(), units, points);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Point(@Nullable OffsetDateTime time, @Nullable OffsetDateTime start, @Nullable OffsetDateTime end,
			@Nullable BigDecimal value, @Nullable String flag, @Nullable Integer count) {

		static Point from(SeriesPoint point, Step step, ZoneId zone) {
			if (step == Step.RAW) {
				return new Point(ApiTime.at(point.start(), zone), null, null, point.value(),
						(point.flag() != null) ? point.flag().name() : null, null);
			}
			return new Point(null, ApiTime.at(point.start(), zone), ApiTime.at(point.end(), zone), point.value(), null,
					point.count());
		}

	}

}
