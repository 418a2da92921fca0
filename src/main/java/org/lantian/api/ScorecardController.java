package org.lantian.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.airquality.AirQuality;
import org.lantian.airquality.CityScorecard;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.domain.evaluation.AirQualityTarget;
import org.lantian.domain.evaluation.Baseline;
import org.lantian.domain.evaluation.Scorecard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A city's target scorecard for a year (INTERFACES §5.2 {@code GET /api/v1/scorecard}):
 * good-days and heavy-days ratios over the effective days, the remaining budget of
 * non-good and heavy days, annual PM₂.₅ / PM₁₀ means with their validity and 95th
 * percentiles, the change against the baseline year, each beside its target; measured and
 * with the declared sand-dust days deducted.
 */
@RestController
@Tag(name = "Air quality")
class ScorecardController {

	private final AirQuality airQuality;

	ScorecardController(AirQuality airQuality) {
		this.airQuality = airQuality;
	}

	@GetMapping("/api/v1/scorecard")
	@Operation(summary = "A city's air-quality scorecard for a year against its targets (INTERFACES §5.2)")
	@ApiResponse(responseCode = "200", description = "The scorecard")
	@ApiResponse(responseCode = "400", description = "'city' or 'year' missing or invalid")
	@ApiResponse(responseCode = "404", description = "No ambient station of that city in the catalogue")
	ScorecardResponse scorecard(
			@Parameter(description = "city (盟市), e.g. 包头市",
					required = true) @RequestParam(required = false) @Nullable String city,
			@Parameter(description = "calendar year, e.g. 2026",
					required = true) @RequestParam(required = false) @Nullable Integer year,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (caller.role() == Role.ENTERPRISE) {
			throw ApiProblemException.forbidden("enterprise keys read only their own sites");
		}
		if (city == null || city.isBlank()) {
			throw ApiProblemException.badRequest("parameter 'city' is required, e.g. 包头市");
		}
		if (year == null) {
			throw ApiProblemException.badRequest("parameter 'year' is required, e.g. 2026");
		}
		CityScorecard scorecard;
		try {
			scorecard = this.airQuality.scorecard(city, year);
		}
		catch (IllegalArgumentException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("no ambient station")) {
				throw ApiProblemException.notFound(ex.getMessage());
			}
			throw ApiProblemException.badRequest(ex.getMessage());
		}
		return ScorecardResponse.from(scorecard);
	}

	/**
	 * The scorecard as JSON: {@code measured} and {@code withoutSandDust} each hold
	 * {@code days} (valid, good and heavy days, the ratios in percent, the verdicts and
	 * the remaining budget) and {@code pm25} / {@code pm10} (annual mean, 95th
	 * percentile, 表4 validity, change against the baseline, verdicts).
	 */
	record ScorecardResponse(String city, int year, LocalDate asOf, int daysInYear, int daysElapsed,
			boolean yearComplete, String rounding, @Nullable AirQualityTarget target, @Nullable Baseline baseline,
			Scorecard.Figures measured, Scorecard.Figures withoutSandDust, int sandDustDays,
			List<LocalDate> suspectedSandDustDays) {

		static ScorecardResponse from(CityScorecard city) {
			Scorecard s = city.scorecard();
			return new ScorecardResponse(s.area(), s.year(), s.asOf(), s.daysInYear(), s.daysElapsed(),
					s.isYearComplete(), s.rounding().toString(), s.target().orElse(null), s.baseline().orElse(null),
					s.measured(), s.withoutSandDust(), s.sandDustDays(), city.suspectedSandDustDays());
		}

	}

}
