package org.lantian.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.api.auth.ApiCaller;
import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue and the stored readings of each site (INTERFACES §5.1). Enterprise keys
 * see their own sites only.
 */
@RestController
@Tag(name = "Readings")
@RequestMapping("/api/v1/sites")
class SitesController {

	/**
	 * The longest interval one series request may span, to keep responses and InfluxDB
	 * queries bounded.
	 */
	static final Duration MAX_SPAN = Duration.ofDays(400);

	/** The most raw points one series request may return per key. */
	static final Duration MAX_RAW_SPAN = Duration.ofDays(31);

	private final SiteCatalogue catalogue;

	private final ReadingRepository readings;

	private final ZoneId zone;

	private final Clock clock;

	SitesController(SiteCatalogue catalogue, ReadingRepository readings, ZoneId zone, Clock clock) {
		this.catalogue = catalogue;
		this.readings = readings;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The site catalogue (INTERFACES §2, §5.1): every site the key may read; enterprise keys "
			+ "their own sites only")
	@OpenToEveryRole
	List<SiteResponse> sites(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return this.catalogue.sites().stream().filter(caller::canRead).map(SiteResponse::from).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One site of the catalogue")
	@ApiResponse(responseCode = "200", description = "The site")
	@ApiResponse(responseCode = "404", description = "No such site in the catalogue")
	SiteResponse site(@Parameter(description = "site id, e.g. BT-KDL-01") @PathVariable String id,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return SiteResponse.from(readableSite(id, caller));
	}

	@GetMapping("/{id}/latest")
	@Operation(summary = "Newest value and flag of every key of a site, with its time (INTERFACES §5.1)")
	@ApiResponse(responseCode = "200", description = "The newest value of every key")
	@ApiResponse(responseCode = "404", description = "No such site in the catalogue")
	LatestResponse latest(@Parameter(description = "site id, e.g. BT-KDL-01") @PathVariable String id,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		Site site = readableSite(id, caller);
		return LatestResponse.from(site.id().value(), site.kind(), this.readings.latest(site.id()).values(), this.zone);
	}

	@GetMapping("/{id}/readings")
	@Operation(summary = "A site's time series (INTERFACES §5.1): raw values or 1-minute, 1-hour, 1-day means",
			description = "Means are of N-flagged values only; raw values carry their flags. At most 31 days of raw "
					+ "values and 400 days of means per request.")
	@ApiResponse(responseCode = "200", description = "The series")
	@ApiResponse(responseCode = "400",
			description = "Bad 'from'/'to' (not ISO-8601 with offset, or not in order), interval too long, unknown "
					+ "key, step or period")
	@ApiResponse(responseCode = "404", description = "No such site in the catalogue")
	SeriesResponse readings(@Parameter(description = "site id, e.g. BT-KDL-01") @PathVariable String id,
			@Parameter(description = "start, ISO-8601 with offset; default 24 h before 'to'") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "end (exclusive), ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@Parameter(
					description = "comma-separated keys, e.g. pm25,so2; default the site kind's main keys") @RequestParam(
							required = false) @Nullable String keys,
			@Parameter(description = "raw, 1m, 1h or 1d") @RequestParam(defaultValue = "raw") String step,
			@Parameter(description = "the device's own averaging of the stored values: sample (default), minute, "
					+ "hour or day") @RequestParam(required = false) @Nullable String period,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		Site site = readableSite(id, caller);
		Step resolution = Step.fromKey(step)
			.orElseThrow(() -> ApiProblemException
				.badRequest("parameter 'step' must be raw, 1m, 1h or 1d, not '" + step + "'"));
		Instant end = orElse(ApiTime.parse("to", to), this.clock.instant());
		Instant start = orElse(ApiTime.parse("from", from), end.minus(Duration.ofHours(24)));
		if (!start.isBefore(end)) {
			throw ApiProblemException.badRequest("'from' must be before 'to'");
		}
		Duration span = Duration.between(start, end);
		if (span.compareTo((resolution == Step.RAW) ? MAX_RAW_SPAN : MAX_SPAN) > 0) {
			throw ApiProblemException.badRequest("the interval is too long for step " + resolution.key() + ": at most "
					+ ((resolution == Step.RAW) ? MAX_RAW_SPAN : MAX_SPAN).toDays() + " days");
		}
		ReadingPeriod readingPeriod = parsePeriod(period);
		SeriesQuery query = new SeriesQuery(site.id(), start, end, parseKeys(keys, site), resolution, readingPeriod);
		return SeriesResponse.from(query, site.kind(), this.readings.series(query), this.zone);
	}

	private Site readableSite(String id, ApiCaller caller) {
		Site site = (SiteId.isWellFormed(id) ? this.catalogue.find(SiteId.of(id)) : Optional.<Site>empty())
			.orElseThrow(() -> ApiProblemException.notFound("no site '" + id + "' in the catalogue"));
		if (!caller.canRead(site)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read site " + id);
		}
		return site;
	}

	private static List<Measurand> parseKeys(@Nullable String keys, Site site) {
		if (keys == null || keys.isBlank()) {
			return defaultKeys(site);
		}
		List<Measurand> measurands = new ArrayList<>();
		for (String key : keys.split(",")) {
			String trimmed = key.trim();
			if (!trimmed.isEmpty()) {
				measurands.add(Measurand.fromKey(trimmed)
					.orElseThrow(() -> ApiProblemException.badRequest("unknown key in 'keys': '" + trimmed + "'")));
			}
		}
		if (measurands.isEmpty()) {
			throw ApiProblemException.badRequest("parameter 'keys' names no key");
		}
		return measurands.stream().distinct().toList();
	}

	private static List<Measurand> defaultKeys(Site site) {
		return switch (site.kind()) {
			case AMBIENT ->
				List.of(Measurand.PM25, Measurand.PM10, Measurand.SO2, Measurand.NO2, Measurand.CO, Measurand.O3);
			case STACK -> List.of(Measurand.SO2, Measurand.NOX, Measurand.PM, Measurand.O2, Measurand.FLOW);
		};
	}

	private static ReadingPeriod parsePeriod(@Nullable String period) {
		if (period == null || period.isBlank()) {
			return ReadingPeriod.SAMPLE;
		}
		try {
			return ReadingPeriod.fromKey(period.trim());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblemException.badRequest("parameter 'period': " + ex.getMessage());
		}
	}

	private static Instant orElse(@Nullable Instant value, Instant fallback) {
		return (value != null) ? value : fallback;
	}

}
