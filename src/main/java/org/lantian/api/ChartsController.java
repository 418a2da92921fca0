package org.lantian.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.charts.Charts;
import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.storage.Step;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charts and the daily report as PNG images (issue 8), with the access rules of the JSON
 * endpoints they mirror: a site's chart as its readings (an enterprise key its own sites
 * only), a city's calendar and report as the city's AQI (no enterprise keys). Errors are
 * problem details as everywhere in the API.
 */
@RestController
@Tag(name = "Charts")
class ChartsController {

	/** The longest range of a chart of hourly means. */
	static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);

	/** The longest range of a chart of daily means. */
	static final Duration MAX_DAILY_RANGE = Duration.ofDays(400);

	private final Charts charts;

	private final SiteCatalogue catalogue;

	private final ZoneId zone;

	private final Clock clock;

	ChartsController(Charts charts, SiteCatalogue catalogue, ZoneId zone, Clock clock) {
		this.charts = charts;
		this.catalogue = catalogue;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/sites/{id}/chart.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(
			summary = "A site's series of one measurand as a PNG chart, with its GB 3095 limit (ambient) "
					+ "or its emission limit and O₂-corrected hourly means (stack)",
			responses = {
					@ApiResponse(responseCode = "200", description = "The chart",
							content = @Content(mediaType = "image/png")),
					@ApiResponse(responseCode = "400",
							description = "Unknown key or step, 'from'/'to' malformed, not in order or too long, "
									+ "size out of bounds, a daily chart of a stack"),
					@ApiResponse(responseCode = "404", description = "No such site in the catalogue"),
					@ApiResponse(responseCode = "503", description = "InfluxDB cannot answer") })
	ResponseEntity<byte[]> siteChart(@Parameter(description = "site id, e.g. BT-KDL-01") @PathVariable String id,
			@Parameter(description = "measurand key, e.g. pm25, so2, nox") @RequestParam String key,
			@Parameter(description = "ISO-8601 with offset; default 24 h before 'to'") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@Parameter(description = "1h (default) or 1d; stacks 1h only") @RequestParam(
					defaultValue = "1h") String step,
			@Parameter(description = "image width in px, 300–2400") @RequestParam(defaultValue = "900") int width,
			@Parameter(description = "image height in px, 200–1600") @RequestParam(defaultValue = "450") int height,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		Site site = (SiteId.isWellFormed(id) ? this.catalogue.find(SiteId.of(id)) : java.util.Optional.<Site>empty())
			.orElseThrow(() -> ApiProblemException.notFound("no site '" + id + "' in the catalogue"));
		if (!caller.canRead(site)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read site " + id);
		}
		Measurand measurand = Measurand.fromKey(key)
			.orElseThrow(() -> ApiProblemException.badRequest("unknown key '" + key + "'"));
		Step resolution = Step.fromKey(step)
			.filter((s) -> s == Step.HOUR || s == Step.DAY)
			.orElseThrow(() -> ApiProblemException.badRequest("parameter 'step' must be 1h or 1d, not '" + step + "'"));
		if (site.kind() == SiteKind.STACK && resolution != Step.HOUR) {
			throw ApiProblemException
				.badRequest("stack charts are hourly (step=1h): emission limits judge hourly means");
		}
		size(width, height);
		Instant end = orElse(ApiTime.parse("to", to), this.clock.instant());
		Instant start = orElse(ApiTime.parse("from", from), end.minus(Duration.ofHours(24)));
		if (!start.isBefore(end)) {
			throw ApiProblemException.badRequest("'from' must be before 'to'");
		}
		Duration longest = (resolution == Step.HOUR) ? MAX_HOURLY_RANGE : MAX_DAILY_RANGE;
		if (Duration.between(start, end).compareTo(longest) > 0) {
			throw ApiProblemException
				.badRequest("at most " + longest.toDays() + " days per chart of step " + resolution.key());
		}
		return png(this.charts.siteSeries(site, measurand, start, end, resolution, width, height));
	}

	@GetMapping(path = "/api/v1/cities/{city}/aqi-calendar.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "A city's daily AQI of a year as a calendar, days coloured by HJ 633 category",
			responses = {
					@ApiResponse(responseCode = "200", description = "The calendar",
							content = @Content(mediaType = "image/png")),
					@ApiResponse(responseCode = "400", description = "Year outside 2013–2100 or size out of bounds"),
					@ApiResponse(responseCode = "404",
							description = "No ambient station of that city in the catalogue"),
					@ApiResponse(responseCode = "503", description = "InfluxDB cannot answer") })
	ResponseEntity<byte[]> aqiCalendar(
			@Parameter(description = "city (盟市) as in the catalogue, e.g. 包头市") @PathVariable String city,
			@Parameter(description = "the year; default the current one") @RequestParam(
					required = false) @Nullable Integer year,
			@Parameter(description = "image width in px, 300–2400") @RequestParam(defaultValue = "1100") int width,
			@Parameter(description = "image height in px, 200–1600") @RequestParam(defaultValue = "520") int height,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		city(city, caller);
		size(width, height);
		int y = (year != null) ? year : LocalDate.now(this.clock.withZone(this.zone)).getYear();
		if (y < 2013 || y > 2100) {
			throw ApiProblemException.badRequest("'year' must be in [2013, 2100]: " + y);
		}
		return png(this.charts.aqiCalendar(city, y, width, height));
	}

	@GetMapping(path = "/api/v1/cities/{city}/daily-report.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(
			summary = "A city's daily report (日报) as a PNG page: AQI, category and primary pollutant of the "
					+ "city and each station, GB 3095 exceedances and the alerts of the day",
			responses = {
					@ApiResponse(responseCode = "200", description = "The report page",
							content = @Content(mediaType = "image/png")),
					@ApiResponse(responseCode = "400", description = "Date not yyyy-MM-dd or width out of bounds"),
					@ApiResponse(responseCode = "404",
							description = "No ambient station of that city in the catalogue"),
					@ApiResponse(responseCode = "503", description = "InfluxDB cannot answer") })
	ResponseEntity<byte[]> dailyReport(
			@Parameter(description = "city (盟市) as in the catalogue, e.g. 包头市") @PathVariable String city,
			@Parameter(description = "local date, yyyy-MM-dd; default yesterday") @RequestParam(
					required = false) @Nullable String date,
			@Parameter(description = "image width in px, 300–2400") @RequestParam(defaultValue = "1240") int width,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		city(city, caller);
		if (width < Charts.MIN_WIDTH || width > Charts.MAX_WIDTH) {
			throw ApiProblemException
				.badRequest("'width' must be in [" + Charts.MIN_WIDTH + ", " + Charts.MAX_WIDTH + "]: " + width);
		}
		LocalDate day;
		try {
			day = (date != null) ? LocalDate.parse(date) : LocalDate.now(this.clock.withZone(this.zone)).minusDays(1);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblemException.badRequest("'date' must be yyyy-MM-dd, not '" + date + "'");
		}
		return png(this.charts.dailyReport(city, day, width));
	}

	private void city(String city, ApiCaller caller) {
		if (caller.role() == Role.ENTERPRISE) {
			throw ApiProblemException.forbidden("enterprise keys read only their own sites");
		}
		boolean known = this.catalogue.sites()
			.stream()
			.anyMatch((site) -> site.kind() == SiteKind.AMBIENT && site.city().equals(city));
		if (!known) {
			throw ApiProblemException.notFound("no ambient station of a city '" + city + "' in the catalogue");
		}
	}

	private static void size(int width, int height) {
		if (width < Charts.MIN_WIDTH || width > Charts.MAX_WIDTH || height < Charts.MIN_HEIGHT
				|| height > Charts.MAX_HEIGHT) {
			throw ApiProblemException.badRequest("'width' must be in [" + Charts.MIN_WIDTH + ", " + Charts.MAX_WIDTH
					+ "] and 'height' in [" + Charts.MIN_HEIGHT + ", " + Charts.MAX_HEIGHT + "]");
		}
	}

	private static ResponseEntity<byte[]> png(byte[] png) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
	}

	private static Instant orElse(@Nullable Instant value, Instant fallback) {
		return (value != null) ? value : fallback;
	}

}
