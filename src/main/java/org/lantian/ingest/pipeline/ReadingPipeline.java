package org.lantian.ingest.pipeline;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.ingest.IntakeResult;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.ReadingIntake;
import org.lantian.ingest.ReadingStore;
import org.lantian.ingest.ReadingsReceived;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Rejections;
import org.lantian.ingest.Transport;
import org.lantian.ingest.json.JsonReadingParser;
import org.lantian.ingest.json.ParsedPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

import org.springframework.stereotype.Component;

/**
 * The {@link ReadingIntake} every transport uses: parses, checks that the sender may push
 * for each site, keeps each rejection in the dead letters, hands the accepted readings to
 * the {@link ReadingStore} in one call, and counts. Stores in call order, so a transport
 * that calls in order (MQTT: one thread) keeps its order.
 */
@Component
public class ReadingPipeline implements ReadingIntake, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(ReadingPipeline.class);

	/** How long durable payloads gather before they are told in one event. */
	private static final long ANNOUNCE_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final JsonReadingParser parser;

	private final ReadingStore store;

	private final Rejections rejections;

	private final Clock clock;

	private final ReadingsAnnouncer announcer;

	private final Map<Transport, Map<Outcome, Counter>> messages = new EnumMap<>(Transport.class);

	private final Map<Transport, Counter> acceptedReadings = new EnumMap<>(Transport.class);

	private final Map<Transport, Map<RejectionReason, Counter>> rejectedReadings = new EnumMap<>(Transport.class);

	public ReadingPipeline(JsonReadingParser parser, ReadingStore store, Rejections rejections, MeterRegistry meters,
			Clock clock, ApplicationEventPublisher events) {
		this.parser = parser;
		this.store = store;
		this.rejections = rejections;
		this.clock = clock;
		this.announcer = new ReadingsAnnouncer(events, ANNOUNCE_DELAY_NANOS);
		// Registered up front, so that every series exists (at zero) before the first
		// message.
		for (Transport transport : Transport.values()) {
			Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
			for (Outcome outcome : Outcome.values()) {
				byOutcome.put(outcome,
						Counter.builder("lantian.ingest.messages")
							.description("Payloads received, by transport and what became of them")
							.tag("transport", transport.tag())
							.tag("outcome", outcome.tag())
							.register(meters));
			}
			this.messages.put(transport, byOutcome);
			this.acceptedReadings.put(transport, readingCounter(meters, transport, "accepted", "none"));
			Map<RejectionReason, Counter> byReason = new EnumMap<>(RejectionReason.class);
			for (RejectionReason reason : RejectionReason.values()) {
				byReason.put(reason, readingCounter(meters, transport, "rejected", reason.name()));
			}
			this.rejectedReadings.put(transport, byReason);
		}
	}

	private static Counter readingCounter(MeterRegistry meters, Transport transport, String outcome, String reason) {
		return Counter.builder("lantian.ingest.readings")
			.description("Readings (items of a payload) accepted for storage or rejected, by reason")
			.tag("transport", transport.tag())
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(meters);
	}

	@Override
	public IntakeResult submitJson(Transport transport, String source, @Nullable SiteId topicSite, byte[] payload,
			Predicate<Site> mayPush) {
		ParsedPayload parsed = this.parser.parse(payload, topicSite);
		Optional<Site> forbidden = firstForbidden(parsed, mayPush);
		if (forbidden.isPresent()) {
			return forbid(transport, source, payload, parsed, forbidden.get());
		}
		boolean batch = parsed.items() > 1;
		for (ParsedPayload.Refused refused : parsed.refused()) {
			countRejected(transport, refused.rejection().reason(), 1);
			keep(transport, source, refused.rejection(), batch, refused.excerpt());
		}
		List<Reading> readings = parsed.readings();
		this.acceptedReadings.get(transport).increment(readings.size());
		countMessage(transport, outcome(readings.size(), parsed.refused().size()));
		return new IntakeResult(readings.size(), parsed.rejections(), false, store(transport, readings));
	}

	@Override
	public IntakeResult submitReadings(Transport transport, String source, List<Reading> readings,
			List<ItemRejection> rejections, String excerpt) {
		for (ItemRejection rejection : rejections) {
			countRejected(transport, rejection.reason(), 1);
			keep(transport, source, rejection, readings.size() + rejections.size() > 1, excerpt);
		}
		this.acceptedReadings.get(transport).increment(readings.size());
		countMessage(transport, outcome(readings.size(), rejections.size()));
		return new IntakeResult(readings.size(), rejections, false, store(transport, readings));
	}

	/**
	 * The first site of the payload the sender may not push for; refused items count too:
	 * they would be kept under that site's dead letters. (A loop, not a stream: this runs
	 * for every MQTT message.)
	 */
	private Optional<Site> firstForbidden(ParsedPayload parsed, Predicate<Site> mayPush) {
		for (ParsedPayload.Accepted accepted : parsed.accepted()) {
			if (!mayPush.test(accepted.site())) {
				return Optional.of(accepted.site());
			}
		}
		for (ParsedPayload.Refused refused : parsed.refused()) {
			Optional<Site> site = this.parser.findSite(refused.rejection().site());
			if (site.isPresent() && !mayPush.test(site.get())) {
				return site;
			}
		}
		return Optional.empty();
	}

	/**
	 * Refuses a whole payload for a reason a transport found before parsing (a topic that
	 * names no valid site): kept in the dead letters and counted like any other
	 * rejection.
	 */
	public IntakeResult reject(Transport transport, String source, byte[] payload, ItemRejection rejection) {
		countRejected(transport, rejection.reason(), 1);
		keep(transport, source, rejection, false, JsonReadingParser.excerpt(payload));
		countMessage(transport, Outcome.REJECTED);
		return new IntakeResult(0, List.of(rejection), false, CompletableFuture.completedFuture(null));
	}

	/**
	 * Nothing of a payload that names a forbidden site is stored; one rejection stands
	 * for all of it.
	 */
	private IntakeResult forbid(Transport transport, String source, byte[] payload, ParsedPayload parsed, Site site) {
		ItemRejection rejection = new ItemRejection(-1, RejectionReason.FORBIDDEN_SITE,
				"the sender may not push data for site " + site.id(), site.id().value());
		// Kept without its site and payload: the site's own enterprise must not see
		// another sender's data in its dead letters, and nothing of the request is
		// stored.
		keep(transport, source, new ItemRejection(-1, rejection.reason(), rejection.detail(), null), false, "");
		// Every item is counted once: the valid ones as refused for the site, the others
		// for their own reason.
		countRejected(transport, RejectionReason.FORBIDDEN_SITE, parsed.accepted().size());
		for (ParsedPayload.Refused refused : parsed.refused()) {
			countRejected(transport, refused.rejection().reason(), 1);
		}
		countMessage(transport, Outcome.FORBIDDEN);
		return new IntakeResult(0, List.of(rejection), true, CompletableFuture.completedFuture(null));
	}

	private CompletableFuture<Void> store(Transport transport, List<Reading> readings) {
		if (readings.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> durable;
		try {
			durable = this.store.store(readings);
			if (durable == null) {
				return CompletableFuture
					.failedFuture(new IllegalStateException("the reading store returned no future"));
			}
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		// told once durable, so that whoever reads them back from storage finds them
		return durable.thenRun(() -> this.announcer.announce(new ReadingsReceived(transport, readings)));
	}

	/** Tells listeners what is still pending. */
	@Override
	public void destroy() {
		this.announcer.close();
	}

	private void keep(Transport transport, String source, ItemRejection rejection, boolean batch, String excerpt) {
		String detail = (batch && rejection.index() >= 0) ? "item " + rejection.index() + ": " + rejection.detail()
				: rejection.detail();
		this.rejections.record(new Rejection(this.clock.instant(), transport, rejection.reason(), detail, source,
				rejection.site(), excerpt));
	}

	private void countRejected(Transport transport, RejectionReason reason, int readings) {
		this.rejectedReadings.get(transport).get(reason).increment(readings);
	}

	private void countMessage(Transport transport, Outcome outcome) {
		this.messages.get(transport).get(outcome).increment();
	}

	private static Outcome outcome(int accepted, int rejected) {
		if (accepted == 0) {
			return Outcome.REJECTED;
		}
		return (rejected == 0) ? Outcome.ACCEPTED : Outcome.PARTIAL;
	}

	/** What became of a payload; a bounded metric tag. */
	enum Outcome {

		ACCEPTED, PARTIAL, REJECTED, FORBIDDEN;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
