package org.lantian.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.airquality.AirQuality;
import org.lantian.airquality.RecomputeJob;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored hourly (real-time) and daily AQI of stations and cities (INTERFACES §5.2),
 * and the operator's recomputation of a range. Reports come back for the periods that
 * start in [{@code from}, {@code to}); periods not computed yet are absent.
 */
@RestController
@Tag(name = "Air quality")
class AirQualityController {

	/** The longest range one request may ask for, in hours of hourly reports. */
	static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);

	/** The longest range one request may ask for, in days of daily reports. */
	static final Duration MAX_DAILY_RANGE = Duration.ofDays(366);

	private final AirQuality airQuality;

	private final SiteCatalogue catalogue;

	private final ZoneId zone;

	private final Clock clock;

	AirQualityController(AirQuality airQuality, SiteCatalogue catalogue, ZoneId zone, Clock clock) {
		this.airQuality = airQuality;
		this.catalogue = catalogue;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping("/api/v1/sites/{id}/aqi/hourly")
	@ApiResponse(responseCode = "200", description = "The hourly AQI items, oldest first")
	@ApiResponse(responseCode = "400",
			description = "'from'/'to' not ISO-8601 with offset, not in order, or longer than 31 days")
	@ApiResponse(responseCode = "404", description = "No such site, or it is a stack")
	@Operation(summary = "A station's real-time AQI, hour by hour (INTERFACES §5.2)")
	List<AqiPeriodResponse> siteHourly(
			@Parameter(description = "ambient site id, e.g. BT-KDL-01") @PathVariable String id,
			@Parameter(description = "start, ISO-8601 with offset; default 24 h before 'to'") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "end (exclusive), ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return reports(Area.station(station(id, caller).id()), AqiReport.REAL_TIME, from, to);
	}

	@GetMapping("/api/v1/sites/{id}/aqi/daily")
	@ApiResponse(responseCode = "200", description = "The daily AQI items, oldest first")
	@ApiResponse(responseCode = "400",
			description = "'from'/'to' not ISO-8601 with offset, not in order, or longer than 366 days")
	@ApiResponse(responseCode = "404", description = "No such site, or it is a stack")
	@Operation(summary = "A station's daily AQI (INTERFACES §5.2)")
	List<AqiPeriodResponse> siteDaily(
			@Parameter(description = "ambient site id, e.g. BT-KDL-01") @PathVariable String id,
			@Parameter(description = "start, ISO-8601 with offset; default 30 days before 'to'") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "end (exclusive), ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return reports(Area.station(station(id, caller).id()), AqiReport.DAILY, from, to);
	}

	@GetMapping("/api/v1/cities/{city}/aqi/hourly")
	@ApiResponse(responseCode = "200", description = "The hourly AQI items, oldest first")
	@ApiResponse(responseCode = "400",
			description = "'from'/'to' not ISO-8601 with offset, not in order, or longer than 31 days")
	@ApiResponse(responseCode = "404", description = "No ambient station of that city in the catalogue")
	@Operation(summary = "A city's real-time AQI, hour by hour: the mean of its ambient stations (INTERFACES §5.2)")
	List<AqiPeriodResponse> cityHourly(
			@Parameter(description = "city (盟市) as in the catalogue, e.g. 包头市") @PathVariable String city,
			@Parameter(description = "start, ISO-8601 with offset; default 24 h before 'to'") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "end (exclusive), ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return reports(city(city, caller), AqiReport.REAL_TIME, from, to);
	}

	@GetMapping("/api/v1/cities/{city}/aqi/daily")
	@ApiResponse(responseCode = "200", description = "The daily AQI items, oldest first")
	@ApiResponse(responseCode = "400",
			description = "'from'/'to' not ISO-8601 with offset, not in order, or longer than 366 days")
	@ApiResponse(responseCode = "404", description = "No ambient station of that city in the catalogue")
	@Operation(summary = "A city's daily AQI (INTERFACES §5.2)")
	List<AqiPeriodResponse> cityDaily(
			@Parameter(description = "city (盟市) as in the catalogue, e.g. 包头市") @PathVariable String city,
			@Parameter(description = "start, ISO-8601 with offset; default 30 days before 'to'") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "end (exclusive), ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return reports(city(city, caller), AqiReport.DAILY, from, to);
	}

	@PostMapping("/api/v1/admin/recompute")
	@Operation(summary = "Recompute the hourly and daily AQI of a range (admin); 202 with the job to follow",
			description = "Body {\"from\", \"to\", \"site\"?}: ISO-8601 instants with offset; without 'site', every "
					+ "ambient station and city.")
	@ApiResponse(responseCode = "202", description = "Accepted: the job, to follow at Location")
	@ApiResponse(responseCode = "400", description = "'from' or 'to' missing, malformed or not in order")
	@ApiResponse(responseCode = "404", description = "No such site, or it is a stack")
	ResponseEntity<RecomputeResponse> recompute(@RequestBody RecomputeRequest request,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		requireAdmin(caller);
		Instant from = ApiTime.parse("from", request.from());
		Instant to = ApiTime.parse("to", request.to());
		if (from == null || to == null) {
			throw ApiProblemException.badRequest("'from' and 'to' are required, ISO-8601 with an offset");
		}
		if (!from.isBefore(to)) {
			throw ApiProblemException.badRequest("'from' must be before 'to'");
		}
		SiteId site = null;
		if (request.site() != null && !request.site().isBlank()) {
			site = station(request.site(), caller).id();
		}
		RecomputeJob job = this.airQuality.recompute(from, to, site);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/admin/recompute/" + job.id()))
			.body(RecomputeResponse.from(job, this.zone));
	}

	@GetMapping("/api/v1/admin/recompute/{id}")
	@Operation(summary = "Where a recomputation stands (admin)")
	@ApiResponse(responseCode = "200", description = "The job as it stands")
	@ApiResponse(responseCode = "404", description = "No such job (the last 100 are kept)")
	RecomputeResponse recomputation(
			@Parameter(description = "the job id answered by POST /api/v1/admin/recompute") @PathVariable String id,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		requireAdmin(caller);
		return this.airQuality.job(id)
			.map((job) -> RecomputeResponse.from(job, this.zone))
			.orElseThrow(() -> ApiProblemException.notFound("no recomputation '" + id + "' (the last 100 are kept)"));
	}

	private List<AqiPeriodResponse> reports(Area area, AqiReport report, @Nullable String from, @Nullable String to) {
		Duration longest = (report == AqiReport.DAILY) ? MAX_DAILY_RANGE : MAX_HOURLY_RANGE;
		Instant end = orElse(ApiTime.parse("to", to), this.clock.instant());
		Instant start = orElse(ApiTime.parse("from", from),
				end.minus((report == AqiReport.DAILY) ? Duration.ofDays(30) : Duration.ofHours(24)));
		if (!start.isBefore(end)) {
			throw ApiProblemException.badRequest("'from' must be before 'to'");
		}
		if (Duration.between(start, end).compareTo(longest) > 0) {
			throw ApiProblemException.badRequest("at most " + longest.toDays() + " days per request");
		}
		return this.airQuality.reports(area, report, start, end)
			.stream()
			.map((r) -> AqiPeriodResponse.from(r, this.zone))
			.toList();
	}

	private Site station(String id, ApiCaller caller) {
		Site site = this.catalogue.find(new SiteId(id))
			.orElseThrow(() -> ApiProblemException.notFound("no site '" + id + "' in the catalogue"));
		if (!caller.canRead(site)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read site " + id);
		}
		if (site.kind() != SiteKind.AMBIENT) {
			throw ApiProblemException
				.badRequest("site " + id + " is a stack: the AQI is reported for ambient stations");
		}
		return site;
	}

	private Area city(String city, ApiCaller caller) {
		if (caller.role() == Role.ENTERPRISE) {
			throw ApiProblemException.forbidden("enterprise keys read only their own sites");
		}
		boolean known = this.catalogue.sites()
			.stream()
			.anyMatch((site) -> site.kind() == SiteKind.AMBIENT && site.city().equals(city));
		if (!known) {
			throw ApiProblemException.notFound("no ambient station of a city '" + city + "' in the catalogue");
		}
		return Area.city(city);
	}

	private static void requireAdmin(ApiCaller caller) {
		if (!caller.hasAnyRole(Role.ADMIN)) {
			throw ApiProblemException.forbidden("only admin keys may recompute");
		}
	}

	private static Instant orElse(@Nullable Instant value, Instant fallback) {
		return (value != null) ? value : fallback;
	}

	/** A recomputation request: the range, and optionally one station. */
	record RecomputeRequest(@Nullable String from, @Nullable String to, @Nullable String site) {
	}

	/** A recomputation job as it stands. */
	record RecomputeResponse(String id, String status, OffsetDateTime from, OffsetDateTime to, @Nullable String site,
			long hoursDone, long hoursTotal, @Nullable String error) {

		static RecomputeResponse from(RecomputeJob job, ZoneId zone) {
			return new RecomputeResponse(job.id(), job.status().name().toLowerCase(Locale.ROOT),
					ApiTime.at(job.from(), zone), ApiTime.at(job.to(), zone), job.site(), job.hoursDone(),
					job.hoursTotal(), job.error());
		}

	}

	/**
	 * One item of INTERFACES §5.2: the period, then {@link AqiItemResponse}'s fields.
	 */
	record AqiPeriodResponse(OffsetDateTime start, OffsetDateTime end, String standard, @Nullable Integer aqi,
			@Nullable Integer level, @Nullable String category, @Nullable String color,
			@Nullable List<String> primaryPollutants, Map<String, @Nullable Integer> iaqi,
			Map<String, @Nullable BigDecimal> concentrations, boolean valid) {

		static AqiPeriodResponse from(AreaReport report, ZoneId zone) {
			AqiItemResponse item = AqiItemResponse.from(report.index());
			return new AqiPeriodResponse(ApiTime.at(report.start(), zone), ApiTime.at(report.end(), zone),
					item.standard(), item.aqi(), item.level(), item.category(), item.color(), item.primaryPollutants(),
					item.iaqi(), item.concentrations(), report.valid());
		}

	}

}
