package org.lantian.api;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.lantian.ingest.IntakeResult;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.ReadingIntake;
import org.lantian.ingest.Transport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readings pushed over HTTP (INTERFACES §5.1): the same JSON, validation and durability
 * as over MQTT. 202 once the accepted readings are durable; 400 with a reason per refused
 * item (the valid items of a batch are kept, as over MQTT; resending the whole batch is
 * harmless because a reading written twice is one point).
 */
@RestController
@Tag(name = "Readings")
@RequestMapping("/api/v1/readings")
class ReadingsController {

	private static final Logger LOG = LoggerFactory.getLogger(ReadingsController.class);

	/**
	 * How long a request waits for durability before answering 503 (the readings may
	 * still be stored).
	 */
	static final Duration DURABILITY_TIMEOUT = Duration.ofSeconds(30);

	/** The largest request body read at all. */
	static final int MAX_BODY_BYTES = 4 << 20;

	private final ReadingIntake intake;

	ReadingsController(ReadingIntake intake) {
		this.intake = intake;
	}

	@PostMapping(consumes = { "application/json", "application/*+json", "text/plain" })
	@Operation(summary = "Push readings over HTTP (INTERFACES §5.1)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "One reading of INTERFACES §3.1, or an array of them",
					content = @Content(mediaType = "application/json")))
	@ApiResponse(responseCode = "202", description = "Every item is durable (stored or spooled)")
	@ApiResponse(responseCode = "400", description = "Rejected items, each with its reason; nothing of them is stored")
	ResponseEntity<?> push(HttpServletRequest request, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller)
			throws IOException {
		if (!caller.hasAnyRole(Role.ENTERPRISE, Role.ADMIN)) {
			throw ApiProblemException.forbidden("role " + caller.role().name().toLowerCase(Locale.ROOT)
					+ " may not push readings (enterprise or admin keys only)");
		}
		byte[] payload = BoundedBody.read(request, MAX_BODY_BYTES, "send smaller batches");
		IntakeResult result = this.intake.submitJson(Transport.HTTP, "http:" + caller.name(), null, payload,
				caller::canPush);
		if (result.forbidden()) {
			throw ApiProblemException.forbidden("key '" + caller.name()
					+ "' may push readings only for its own sites; nothing of this request was stored");
		}
		awaitDurable(result);
		if (result.isFullyAccepted()) {
			return ResponseEntity.accepted().body(Map.of("accepted", result.accepted()));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				result.rejections().size() + " item(s) rejected, " + result.accepted() + " accepted and stored");
		problem.setType(URI.create("https://lantian.org/problems/rejected-readings"));
		problem.setProperty("accepted", result.accepted());
		problem.setProperty("rejections", result.rejections().stream().map(RejectedItem::from).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private static void awaitDurable(IntakeResult result) {
		try {
			result.durable().get(DURABILITY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE,
					"interrupted before the readings were durable");
		}
		catch (ExecutionException | TimeoutException ex) {
			LOG.error("Readings pushed over HTTP could not be made durable", ex);
			throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE,
					"the readings could not be made durable; retry later");
		}
	}

	record RejectedItem(int index, String reason, String detail, String site) {

		static RejectedItem from(ItemRejection rejection) {
			return new RejectedItem(rejection.index(), rejection.reason().name(), rejection.detail(),
					(rejection.site() != null) ? rejection.site() : "");
		}

	}

}
