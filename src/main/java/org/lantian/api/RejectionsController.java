package org.lantian.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters: refused input with its reason, newest first. Operators and bureaus
 * see all; an enterprise sees the rejections of its own sites.
 */
@RestController
@Tag(name = "Readings")
@RequestMapping("/api/v1/rejections")
class RejectionsController {

	static final int MAX_LIMIT = 1000;

	private final Rejections rejections;

	private final SiteCatalogue catalogue;

	private final ZoneId zone;

	RejectionsController(Rejections rejections, SiteCatalogue catalogue, ZoneId zone) {
		this.rejections = rejections;
		this.catalogue = catalogue;
		this.zone = zone;
	}

	@GetMapping
	@Operation(summary = "Recently rejected input (dead letters), newest first: reason, transport, site, payload "
			+ "excerpt (bureau, enterprise for its own sites, admin)")
	@ApiResponse(responseCode = "200", description = "The rejections, newest first")
	@ApiResponse(responseCode = "400", description = "Unknown reason, malformed 'since', or limit outside 1–1000")
	List<RejectionResponse> list(
			@Parameter(description = "a rejection reason, e.g. UNKNOWN_SITE, BAD_CRC") @RequestParam(
					required = false) @Nullable String reason,
			@Parameter(description = "only this site's rejections") @RequestParam(
					required = false) @Nullable String site,
			@Parameter(description = "rejected at or after, ISO-8601 with offset") @RequestParam(
					required = false) @Nullable String since,
			@Parameter(description = "at most this many, 1–1000") @RequestParam(defaultValue = "100") int limit,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (caller.role() == Role.EMERGENCY) {
			throw ApiProblemException.forbidden("role emergency may not list rejections");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblemException.badRequest("parameter 'limit' must be between 1 and " + MAX_LIMIT);
		}
		RejectionReason wanted = parseReason(reason);
		List<Rejection> found = this.rejections.recent((caller.role() == Role.ENTERPRISE) ? MAX_LIMIT * 10 : limit,
				wanted, site, ApiTime.parse("since", since));
		return found.stream()
			.filter((rejection) -> isVisibleTo(rejection, caller))
			.limit(limit)
			.map((rejection) -> RejectionResponse.from(rejection, this.zone))
			.toList();
	}

	private boolean isVisibleTo(Rejection rejection, ApiCaller caller) {
		if (caller.role() != Role.ENTERPRISE) {
			return true;
		}
		String site = rejection.site();
		return site != null && SiteId.isWellFormed(site)
				&& this.catalogue.find(SiteId.of(site)).map(caller::canRead).orElse(false);
	}

	private static @Nullable RejectionReason parseReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		try {
			return RejectionReason.valueOf(reason.trim());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblemException.badRequest("unknown rejection reason: '" + reason + "'");
		}
	}

	record RejectionResponse(OffsetDateTime at, String transport, String reason, String detail, String source,
			@Nullable String site, String payload) {

		static RejectionResponse from(Rejection rejection, ZoneId zone) {
			return new RejectionResponse(ApiTime.at(rejection.at(), zone), rejection.transport().tag(),
					rejection.reason().name(), rejection.detail(), rejection.source(), rejection.site(),
					rejection.payload());
		}

	}

}
