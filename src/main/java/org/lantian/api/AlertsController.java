package org.lantian.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertNotFoundException;
import org.lantian.alerts.AlertQuery;
import org.lantian.alerts.AlertStatus;
import org.lantian.alerts.AlertView;
import org.lantian.alerts.Alerts;
import org.lantian.alerts.ChannelStatus;
import org.lantian.alerts.NotificationChannels;
import org.lantian.api.auth.ApiCaller;
import org.lantian.api.auth.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Alerts (INTERFACES §5.4): list, read with history, acknowledge, resolve, and the SSE
 * stream of changes. Bureau, emergency and admin keys read every alert; enterprise keys
 * read only their own sites' alerts (and their stream is filtered the same way). Bureau,
 * emergency and admin acknowledge; bureau and admin resolve by hand (§6).
 */
@RestController
@Tag(name = "Alerts")
@RequestMapping("/api/v1/alerts")
class AlertsController {

	/** How far back a list of resolved (or all) alerts looks without {@code from}. */
	static final Duration DEFAULT_SPAN = Duration.ofDays(30);

	private final Alerts alerts;

	private final NotificationChannels channels;

	private final AlertStream stream;

	private final ZoneId zone;

	private final Clock clock;

	AlertsController(Alerts alerts, NotificationChannels channels, AlertStream stream, ZoneId zone, Clock clock) {
		this.alerts = alerts;
		this.channels = channels;
		this.stream = stream;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Alerts by status, site and time of raise (INTERFACES §5.4); newest first. Without 'from', "
			+ "open and acknowledged alerts of any age and resolved ones raised in the last 30 days")
	@ApiResponse(responseCode = "200", description = "The alerts, newest first")
	@ApiResponse(responseCode = "400", description = "Unknown status, or 'from'/'to' malformed or not in order")
	@OpenToEveryRole
	List<AlertView> list(
			@Parameter(description = "open, acknowledged or resolved; default all") @RequestParam(
					required = false) @Nullable String status,
			@Parameter(description = "only this site's alerts, e.g. BT-STEEL-S1") @RequestParam(
					required = false) @Nullable String site,
			@Parameter(description = "raised at or after, ISO-8601 with offset") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "raised before, ISO-8601 with offset; default now") @RequestParam(
					required = false) @Nullable String to,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		AlertStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = AlertStatus.fromKey(status.trim());
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblemException.badRequest("parameter 'status': " + ex.getMessage());
			}
		}
		Instant now = this.clock.instant();
		Instant end = ApiTime.parse("to", to);
		Instant start = ApiTime.parse("from", from);
		boolean anyAge = (start == null);
		if (end == null) {
			end = now.plusSeconds(1);
		}
		if (start == null) {
			start = end.minus(DEFAULT_SPAN);
		}
		if (!start.isBefore(end)) {
			throw ApiProblemException.badRequest("'from' must be before 'to'");
		}
		String subject = (site != null && !site.isBlank()) ? site.trim() : null;
		return this.alerts.find(new AlertQuery(wanted, subject, start, end, anyAge))
			.stream()
			.filter((alert) -> canRead(caller, alert))
			.map((alert) -> AlertView.from(alert, this.zone))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One alert with its history (audit trail)")
	@ApiResponse(responseCode = "200", description = "The alert with its history")
	@ApiResponse(responseCode = "404", description = "No such alert")
	AlertView alert(@Parameter(description = "alert id") @PathVariable String id,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return AlertView.from(readable(id, caller), this.zone);
	}

	@PostMapping("/{id}/ack")
	@Operation(summary = "Acknowledge an open alert: {\"by\": who, \"comment\": why} (bureau, emergency, admin)")
	@ApiResponse(responseCode = "200", description = "The acknowledged alert")
	@ApiResponse(responseCode = "400", description = "The body is not JSON of {by, comment}")
	@ApiResponse(responseCode = "404", description = "No such alert")
	@ApiResponse(responseCode = "409", description = "The alert is not open (already acknowledged or resolved)")
	AlertView acknowledge(@Parameter(description = "alert id") @PathVariable String id,
			@RequestBody(required = false) @Nullable ChangeRequest body,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (!caller.hasAnyRole(Role.BUREAU, Role.EMERGENCY, Role.ADMIN)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not acknowledge alerts");
		}
		readable(id, caller);
		return AlertView.from(this.alerts.acknowledge(id, who(body, caller), comment(body)), this.zone);
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "Resolve an alert by hand: {\"by\": who, \"comment\": why} (bureau, admin)")
	@ApiResponse(responseCode = "200", description = "The resolved alert")
	@ApiResponse(responseCode = "400", description = "The body is not JSON of {by, comment}")
	@ApiResponse(responseCode = "404", description = "No such alert")
	@ApiResponse(responseCode = "409", description = "The alert is already resolved")
	AlertView resolve(@Parameter(description = "alert id") @PathVariable String id,
			@RequestBody(required = false) @Nullable ChangeRequest body,
			@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (!caller.hasAnyRole(Role.BUREAU, Role.ADMIN)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not resolve alerts");
		}
		readable(id, caller);
		return AlertView.from(this.alerts.resolve(id, who(body, caller), comment(body)), this.zone);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events of every alert change the caller may read: event name = change "
			+ "(raised, escalated, acknowledged, resolved), data = the alert; heartbeat comments when idle")
	@ApiResponse(responseCode = "200", description = "The event stream (text/event-stream)")
	@ApiResponse(responseCode = "503", description = "Too many alert streams are open")
	@OpenToEveryRole
	SseEmitter stream(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		SseEmitter emitter = this.stream.subscribe(caller);
		if (emitter == null) {
			throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "too many alert streams are open");
		}
		return emitter;
	}

	@GetMapping("/channels")
	@Operation(summary = "The notification channels: delivered, failed, dropped, queued, last error (bureau, admin)")
	List<ChannelStatus> channels(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		if (!caller.hasAnyRole(Role.BUREAU, Role.ADMIN)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read the channels");
		}
		return this.channels.statuses();
	}

	/** Whether the caller may read the alert: enterprise keys only their own sites'. */
	static boolean canRead(ApiCaller caller, Alert alert) {
		return caller.role() != Role.ENTERPRISE
				|| (alert.enterprise() != null && alert.enterprise().equals(caller.enterprise()));
	}

	private Alert readable(String id, ApiCaller caller) {
		Alert alert = this.alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id));
		if (!canRead(caller, alert)) {
			throw ApiProblemException.forbidden("key '" + caller.name() + "' may not read alert " + id);
		}
		return alert;
	}

	private static String who(@Nullable ChangeRequest body, ApiCaller caller) {
		return (body != null && body.by() != null && !body.by().isBlank()) ? body.by().trim() : caller.name();
	}

	private static @Nullable String comment(@Nullable ChangeRequest body) {
		return (body != null && body.comment() != null && !body.comment().isBlank()) ? body.comment().trim() : null;
	}

	/**
	 * Who acknowledges or resolves, and why.
	 *
	 * @param by the person; the key's name if absent
	 */
	record ChangeRequest(@Nullable String by, @Nullable String comment) {
	}

}
