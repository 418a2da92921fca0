package org.lantian.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.ForecastDay;
import org.lantian.warnings.CityWarning;
import org.lantian.warnings.Compliance;
import org.lantian.warnings.ComplianceReport;
import org.lantian.warnings.WarningLevelChanged;
import org.lantian.warnings.WarningView;
import org.lantian.warnings.Warnings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Heavy-pollution warnings (INTERFACES §5.3): bureau and admin keys post a city's daily
 * AQI forecast, which is stored and graded at once; bureau, emergency and admin keys read
 * the current warning of each city (§6) and each warning's emergency-reduction compliance
 * (JSON or CSV). Enterprise keys get 403, except for their own entry of a compliance
 * report.
 */
@RestController
@Tag(name = "Warnings")
class WarningsController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Warnings warnings;

	private final Compliance compliance;

	private final ZoneId zone;

	WarningsController(Warnings warnings, Compliance compliance, ZoneId zone) {
		this.warnings = warnings;
		this.compliance = compliance;
		this.zone = zone;
	}

	@PostMapping("/api/v1/forecasts")
	@Operation(summary = "A city's daily AQI forecast (bureau, admin): {\"city\": \"包头市\", \"issued\": ISO instant, "
			+ "\"days\": [{\"date\": \"2026-01-16\", \"aqi\": 230, \"driver\": \"pm25\"?}, …]}; consecutive days, "
			+ "AQI 0..500. Stored with its history and graded at once: 201 with the warning changes it caused and "
			+ "the city's warning")
	@ApiResponse(responseCode = "201", description = "Stored and graded: the changes it caused and the city's warning")
	@ApiResponse(responseCode = "400",
			description = "Missing or invalid field, named: city, issued, days[i].date (consecutive), days[i].aqi "
					+ "(0..500), days[i].driver")
	ResponseEntity<ForecastResponse> post(@RequestBody(required = false) @Nullable ForecastRequest body,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (!caller.hasAnyRole(Role.BUREAU, Role.ADMIN)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not post forecasts");
		}
		if (body == null) {
			throw ApiProblemException.badRequest("a forecast is required: {\"city\", \"issued\", \"days\"}");
		}
		AqiForecast forecast = body.toForecast();
		List<WarningLevelChanged> changes = this.warnings.submit(forecast);
		WarningView current = this.warnings.current(forecast.city())
			.map((w) -> WarningView.from(w, this.zone))
			.orElse(null);
		URI location = URI.create("/api/v1/warnings?city=" + UriUtils.encode(forecast.city(), StandardCharsets.UTF_8));
		return ResponseEntity.created(location)
			.body(new ForecastResponse(forecast.city(), ApiTime.at(forecast.issued(), this.zone).toString(),
					forecast.days().size(), changes.stream().map((c) -> WarningView.from(c, this.zone)).toList(),
					current));
	}

	@GetMapping("/api/v1/warnings")
	@Operation(summary = "The current heavy-pollution warning of each city, or of one (?city=): level "
			+ "(none/yellow/orange/red), since when, the rule and data that set it (bureau, emergency, admin)")
	@ApiResponse(responseCode = "200", description = "The warning of each city (one item with ?city=)")
	@ApiResponse(responseCode = "404", description = "No forecast or warning of that city yet")
	List<WarningView> list(
			@Parameter(description = "one city (盟市), e.g. 包头市; default every city with a "
					+ "forecast or warning") @RequestParam(required = false) @Nullable String city,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (!caller.hasAnyRole(Role.BUREAU, Role.EMERGENCY, Role.ADMIN)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read warnings");
		}
		if (city != null && !city.isBlank()) {
			CityWarning warning = this.warnings.current(city.trim())
				.orElseThrow(() -> ApiProblemException
					.notFound("no forecast or warning of '" + city.trim() + "' yet (post one to /api/v1/forecasts)"));
			return List.of(WarningView.from(warning, this.zone));
		}
		return this.warnings.current().stream().map((w) -> WarningView.from(w, this.zone)).toList();
	}

	@GetMapping("/api/v1/warnings/{id}/compliance")
	@Operation(summary = "A warning's emergency-reduction compliance (bureau, emergency, admin; an enterprise key "
			+ "sees only its own entry): each listed enterprise's cut owed per level and the cut measured from its "
			+ "stacks hour by hour (HJ 212 附录D 式(33): measured mg/m³ × standard dry m³/h × 10⁻⁶ = kg/h, not "
			+ "O₂-corrected), from the first full hour of the episode to now or its release",
			description = "JSON by default; CSV (one row per enterprise × pollutant × hour, UTF-8 with BOM) with "
					+ "Accept: text/csv or ?format=csv. The id is the one of GET /api/v1/warnings "
					+ "({city}-{episode start epoch ms}); 404 for an unknown id, 403 for an enterprise not listed "
					+ "in the warning's city.",
			responses = @ApiResponse(responseCode = "200",
					content = {
							@Content(mediaType = "application/json",
									schema = @Schema(implementation = ComplianceReport.class)),
							@Content(mediaType = "text/csv") }))
	@ApiResponse(responseCode = "400", description = "format is neither json nor csv")
	@ApiResponse(responseCode = "404", description = "No warning with that id")
	ResponseEntity<?> compliance(
			@Parameter(description = "the warning's id from GET /api/v1/warnings: "
					+ "{city}-{episode start epoch ms}, e.g. 包头市-1736899200000") @PathVariable String id,
			@Parameter(description = "json (default) or csv; overrides the Accept header") @RequestParam(
					required = false) @Nullable String format,
			@Parameter(description = "text/csv for the CSV; JSON otherwise") @RequestHeader(value = HttpHeaders.ACCEPT,
					required = false) @Nullable String accept,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		boolean enterprise = caller.role() == Role.ENTERPRISE;
		if (!enterprise && !caller.hasAnyRole(Role.BUREAU, Role.EMERGENCY, Role.ADMIN)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read compliance reports");
		}
		boolean csv = wantsCsv(format, accept);
		ComplianceReport report = this.compliance.report(id)
			.orElseThrow(
					() -> ApiProblemException.notFound("no warning '" + id + "' (ids come from /api/v1/warnings)"));
		if (enterprise) {
			List<ComplianceReport.EnterpriseCompliance> own = report.enterprises()
				.stream()
				.filter((e) -> e.enterprise().equals(caller.enterprise()))
				.toList();
			if (own.isEmpty()) {
				throw ApiProblemException.forbidden("enterprise " + caller.enterprise()
						+ " is not on the emergency reduction list of " + report.city());
			}
			report = new ComplianceReport(report.warningId(), report.city(), report.level(), report.levelName(),
					report.driver(), report.emergencyReduction(), report.episodeStart(), report.released(),
					report.period(), report.levels(), own);
		}
		if (csv) {
			String file = "compliance-" + report.warningId() + ".csv";
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
				.body(ComplianceCsv.bytes(report));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	/**
	 * CSV if {@code ?format=csv}, or without a format if the Accept header names
	 * {@code text/csv}.
	 */
	static boolean wantsCsv(@Nullable String format, @Nullable String accept) {
		if (format != null && !format.isBlank()) {
			String f = format.trim().toLowerCase(Locale.ROOT);
			if (!f.equals("csv") && !f.equals("json")) {
				throw ApiProblemException.badRequest("format: '" + format + "' is not json or csv");
			}
			return f.equals("csv");
		}
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
	}

	/**
	 * The body of {@code POST /api/v1/forecasts}; every field is checked with its name
	 * ({@code days[1].aqi: 501 is outside the AQI range 0..500}).
	 */
	record ForecastRequest(@Nullable String city, @Nullable String issued, @Nullable List<@Nullable DayRequest> days) {

		AqiForecast toForecast() {
			if (this.city == null || this.city.isBlank()) {
				throw ApiProblemException.badRequest("city: required, e.g. 包头市");
			}
			if (this.issued == null || this.issued.isBlank()) {
				throw ApiProblemException.badRequest("issued: required, an ISO-8601 instant with offset");
			}
			Instant at = ApiTime.parse("issued", this.issued);
			if (at == null) {
				throw ApiProblemException.badRequest("issued: required, an ISO-8601 instant with offset");
			}
			if (this.days == null || this.days.isEmpty()) {
				throw ApiProblemException.badRequest("days: empty, a forecast needs at least one day");
			}
			List<ForecastDay> parsed = new ArrayList<>();
			for (int i = 0; i < this.days.size(); i++) {
				DayRequest day = this.days.get(i);
				if (day == null) {
					throw ApiProblemException.badRequest("days[" + i + "]: missing");
				}
				parsed.add(day.toDay(i));
			}
			try {
				return AqiForecast.of(this.city.trim(), at, parsed);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblemException.badRequest(ex.getMessage());
			}
		}

	}

	/** One forecast day: date, daily AQI, optionally the expected driver. */
	record DayRequest(@Nullable String date, @Nullable Integer aqi, @Nullable String driver) {

		ForecastDay toDay(int index) {
			String field = "days[" + index + "]";
			if (this.date == null) {
				throw ApiProblemException.badRequest(field + ".date: required, e.g. 2026-01-16");
			}
			LocalDate day;
			try {
				day = LocalDate.parse(this.date.trim());
			}
			catch (DateTimeParseException ex) {
				throw ApiProblemException.badRequest(field + ".date: '" + this.date + "' is not a date (yyyy-MM-dd)");
			}
			if (this.aqi == null) {
				throw ApiProblemException.badRequest(field + ".aqi: required");
			}
			try {
				AqiForecast.checkDayAqi(index, this.aqi);
				Optional<EpisodeDriver> driver = (this.driver != null && !this.driver.isBlank())
						? Optional.of(EpisodeDriver.fromKey(this.driver.trim())) : Optional.empty();
				return new ForecastDay(day, this.aqi, driver);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblemException.badRequest(
						ex.getMessage().startsWith("days[") ? ex.getMessage() : field + ".driver: " + ex.getMessage());
			}
		}

	}

	/**
	 * What a posted forecast did: the changes it caused (empty if the levels hold) and
	 * the city's warning after it.
	 */
	record ForecastResponse(String city, String issued, int days, List<WarningView> changes,
			@Nullable WarningView warning) {
	}

}
