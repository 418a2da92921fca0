package org.lantian.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The alert resource of INTERFACES §5.4, the same over REST, SSE, MQTT (§3.3) and
 * webhooks: {@code id, rule, site, key, severity, status, raisedAt, updatedAt, value,
 * threshold, message}, then {@code change} (the latest change), {@code city},
 * {@code enterprise}, the acknowledgement and resolution, and the {@code history}.
 * Timestamps carry the reporting zone's offset.
 *
 * @param site the site id, or the city's name for a city-wide alert
 */
public record AlertView(String id, String rule, String site, String key, String severity, String status,
		OffsetDateTime raisedAt, OffsetDateTime updatedAt, @Nullable BigDecimal value, @Nullable BigDecimal threshold,
		String message, String change, @Nullable String city, @Nullable String enterprise,
		@Nullable String acknowledgedBy, @Nullable OffsetDateTime acknowledgedAt, @Nullable String acknowledgeComment,
		@Nullable String resolvedBy, @Nullable OffsetDateTime resolvedAt, @Nullable String resolveComment,
		List<Entry> history) {

	public static AlertView from(Alert alert, ZoneId zone) {
		AlertChange ack = alert.acknowledgement();
		AlertChange resolution = alert.resolution();
		return new AlertView(alert.id(), alert.rule(), alert.subject(), alert.key(), alert.severity().key(),
				alert.status().key(), alert.raisedAt().atZone(zone).toOffsetDateTime(),
				alert.updatedAt().atZone(zone).toOffsetDateTime(), alert.value(), alert.threshold(), alert.message(),
				alert.lastChange().type().key(), alert.city(), alert.enterprise(), (ack != null) ? ack.by() : null,
				(ack != null) ? ack.at().atZone(zone).toOffsetDateTime() : null, (ack != null) ? ack.comment() : null,
				(resolution != null) ? resolution.by() : null,
				(resolution != null) ? resolution.at().atZone(zone).toOffsetDateTime() : null,
				(resolution != null) ? resolution.comment() : null,
				alert.history().stream().map((change) -> Entry.from(change, zone)).toList());
	}

	/** One audit-trail entry. */
	public record Entry(int seq, String change, OffsetDateTime at, String by, @Nullable String comment, String status,
			String severity) {

		static Entry from(AlertChange change, ZoneId zone) {
			return new Entry(change.seq(), change.type().key(), change.at().atZone(zone).toOffsetDateTime(),
					change.by(), change.comment(), change.status().key(), change.severity().key());
		}

	}

}
