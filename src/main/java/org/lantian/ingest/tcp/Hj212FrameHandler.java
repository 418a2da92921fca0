package org.lantian.ingest.tcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Hj212Access;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.ingest.IntakeResult;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212FormatException;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.ingest.hj212.Hj212ReadingMapper;
import org.lantian.ingest.pipeline.ReadingPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one candidate HJ 212 frame, whatever carried it: find the site by the MN the
 * frame names, decode with that site's conventions (CRC, length rule; STANDARDS §3.15),
 * check PW, reassemble split messages (PNUM/PNO), map, submit, and build the reply the
 * frame asks for (9014 or 9013, STANDARDS §3.12) once the readings are durable
 * (INTERFACES §4). Refused frames go to the dead letters and nothing of them is stored.
 * Never throws for bad input. Thread-safe.
 * <p>
 * Public for the MQTT adapter, which receives the same frames on
 * {@code lantian/v1/hj212/{MN}} (INTERFACES §3.2).
 */
public final class Hj212FrameHandler {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212FrameHandler.class);

	private final Hj212Decoder decoder;

	private final Hj212Encoder encoder;

	private final Hj212ReadingMapper mapper;

	private final SiteCatalogue catalogue;

	private final ReadingPipeline pipeline;

	private final MeterRegistry meters;

	private final Hj212Reassembly reassembly;

	private final Clock clock;

	Hj212FrameHandler(Hj212Decoder decoder, Hj212Encoder encoder, Hj212ReadingMapper mapper, SiteCatalogue catalogue,
			ReadingPipeline pipeline, MeterRegistry meters, Hj212Reassembly reassembly, Clock clock) {
		this.decoder = decoder;
		this.encoder = encoder;
		this.mapper = mapper;
		this.catalogue = catalogue;
		this.pipeline = pipeline;
		this.meters = meters;
		this.reassembly = reassembly;
		this.clock = clock;
		// registered at start, so that Prometheus shows zeros
		for (Transport transport : new Transport[] { Transport.HJ212_TCP, Transport.HJ212_MQTT }) {
			for (Outcome outcome : Outcome.values()) {
				counter(transport, outcome);
			}
		}
		Gauge.builder("lantian.ingest.hj212.split.pending", reassembly, Hj212Reassembly::pending)
			.description("Split HJ 212 messages (PNUM/PNO) waiting for their other packets")
			.register(meters);
	}

	/**
	 * Handles one frame received on a connection.
	 * @return whether the frame was refused before it could be authenticated, and the
	 * reply to send back when it is due (empty when none is due or storing failed)
	 */
	Received receive(Transport transport, String source, byte[] bytes) {
		Processed processed = process(transport, source, bytes, null);
		Handled handled = processed.handled();
		CompletableFuture<Optional<String>> reply = handled.replyDue().handle((done, failure) -> {
			if (failure != null) {
				LOG.warn("HJ 212 frame from {} not stored, no reply: {}", source, failure.toString());
				return Optional.empty();
			}
			return Optional.ofNullable(handled.reply());
		});
		return new Received(processed.refusal(), reply);
	}

	/**
	 * Handles one frame.
	 * @param transport how the frame arrived
	 * @param source where it came from (the TCP peer, the MQTT topic); split messages are
	 * put together per source
	 * @param bytes the frame, {@code ##} to CR LF
	 * @param expectedMn the MN the frame must carry (the one in an MQTT topic), or
	 * {@code null} for any; a frame with another MN is refused with
	 * {@link RejectionReason#SITE_MISMATCH}
	 * @return when the frame's readings are durable, and the reply to send then
	 */
	public Handled handle(Transport transport, String source, byte[] bytes, @Nullable String expectedMn) {
		return process(transport, source, bytes, expectedMn).handled();
	}

	/** Refuses bytes that cannot be a frame (the splitter's findings). */
	void refuse(Transport transport, String source, byte[] bytes, RejectionReason reason, String detail) {
		refuse(transport, source, bytes, reason, detail, null);
	}

	/**
	 * The source (a connection) is gone: the split messages it left unfinished are
	 * refused as {@link RejectionReason#SPLIT_INCOMPLETE}.
	 */
	void closed(String source) {
		abandon(this.reassembly.close(source));
	}

	/**
	 * Refuses the split messages not completed within the reassembly timeout; called
	 * periodically.
	 */
	void expireSplitMessages() {
		abandon(this.reassembly.expire(this.clock.instant()));
	}

	private Processed process(Transport transport, String source, byte[] bytes, @Nullable String expectedMn) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		// the MN is read before the CRC is checked, only to choose how to check it
		Optional<Site> named = Hj212Decoder.peekMn(text).flatMap(this.catalogue::findByMn);
		Hj212Decoder.Options conventions = conventions(named);
		Hj212Frame frame;
		try {
			frame = this.decoder.decode(text, conventions);
		}
		catch (Hj212FormatException ex) {
			return refuseFrame(transport, source, bytes, Hj212Refusals.of(ex.reason()), ex.getMessage(), null);
		}
		if (expectedMn != null && !expectedMn.equals(frame.mn())) {
			return refuseFrame(transport, source, bytes, RejectionReason.SITE_MISMATCH,
					"MN " + frame.mn() + " differs from the MN " + expectedMn + " in the topic", null);
		}
		Optional<Site> found = this.catalogue.findByMn(frame.mn());
		if (found.isEmpty()) {
			return refuseFrame(transport, source, bytes, RejectionReason.UNKNOWN_SITE,
					"MN " + frame.mn() + " is not in the site catalogue", null);
		}
		Site site = found.get();
		String siteId = site.id().value();
		if (named.isEmpty() || named.get() != site) {
			// cannot happen while peekMn reads the fields as the decoder does
			return refuseFrame(transport, source, bytes, RejectionReason.BAD_FRAME,
					"the MN could not be read before the CRC check", null);
		}
		Hj212Access access = site.hj212();
		if (access == null || !samePassword(frame.pw(), access.password())) {
			return refuseFrame(transport, source, bytes, RejectionReason.BAD_PASSWORD,
					"PW does not match the password of site " + siteId, siteId);
		}
		if (frame.pnum() != null) {
			return new Processed(part(transport, source, site, frame, text, conventions), null);
		}
		CompletableFuture<Void> durable = store(transport, source, site, frame, text);
		return new Processed(new Handled(durable, reply(frame, conventions)), null);
	}

	/** A site's conventions; the platform's for a frame whose MN names no site. */
	private Hj212Decoder.Options conventions(Optional<Site> site) {
		Hj212Access access = site.map(Site::hj212).orElse(null);
		return (access != null) ? this.decoder.options().forSite(access) : this.decoder.options();
	}

	/**
	 * One packet of a split message. Its reply (when asked for) is due at once, so that a
	 * logger that waits for it sends the next packet; the reply to the packet that
	 * completes the message is due once the whole message is durable. {@code durable} is
	 * the whole message's for every packet, so an MQTT message is acknowledged only then.
	 */
	private Handled part(Transport transport, String source, Site site, Hj212Frame frame, String text,
			Hj212Decoder.Options conventions) {
		String siteId = site.id().value();
		List<Hj212Reassembly.Abandoned> evicted = new ArrayList<>();
		Hj212Reassembly.Outcome outcome = this.reassembly.accept(transport, source, siteId, frame, text,
				this.clock.instant(), evicted);
		abandon(evicted);
		String reply = reply(frame, conventions);
		CompletableFuture<Void> now = CompletableFuture.completedFuture(null);
		if (outcome instanceof Hj212Reassembly.Held held) {
			count(transport, Outcome.HELD);
			return new Handled(held.durable(), reply, now);
		}
		if (outcome instanceof Hj212Reassembly.Duplicate duplicate) {
			LOG.debug("HJ 212 split packet PNO {} of QN {} from {} ({}) received again", frame.pno(), frame.qn(),
					source, siteId);
			count(transport, Outcome.HELD);
			return new Handled(duplicate.durable(), reply, now);
		}
		if (outcome instanceof Hj212Reassembly.Refused refused) {
			keep(transport, source, siteId, refused.reason(), refused.detail(), refused.parts());
			count(transport, Outcome.REJECTED);
			refused.durable().complete(null);
			return Handled.nothing();
		}
		Hj212Reassembly.Completed completed = (Hj212Reassembly.Completed) outcome;
		Hj212Frame message;
		try {
			message = Hj212Reassembly.merge(completed.parts());
		}
		catch (IllegalArgumentException ex) {
			keep(transport, source, siteId, RejectionReason.SPLIT_INCONSISTENT,
					completed.description() + ": " + ex.getMessage(), completed.parts());
			count(transport, Outcome.REJECTED);
			completed.durable().complete(null);
			return Handled.nothing();
		}
		CompletableFuture<Void> whole = completed.durable();
		store(transport, source, site, message, texts(completed.parts())).whenComplete((done, failure) -> {
			if (failure != null) {
				whole.completeExceptionally(failure);
			}
			else {
				whole.complete(null);
			}
		});
		return new Handled(whole, reply);
	}

	/** Maps and submits one upload (a frame, or a split message put together). */
	private CompletableFuture<Void> store(Transport transport, String source, Site site, Hj212Frame frame,
			String excerpt) {
		String siteId = site.id().value();
		Hj212ReadingMapper.Result result = this.mapper.map(frame, site);
		if (result instanceof Hj212ReadingMapper.NotDataUpload notData) {
			LOG.debug("Ignored HJ 212 CN {} from {} ({})", notData.cn(), source, siteId);
			count(transport, Outcome.IGNORED);
			return CompletableFuture.completedFuture(null);
		}
		Hj212ReadingMapper.Mapped mapped = (Hj212ReadingMapper.Mapped) result;
		IntakeResult intake = this.pipeline.submitReadings(transport, source, mapped.readings(), mapped.rejections(),
				excerpt);
		count(transport, (intake.accepted() > 0) ? Outcome.ACCEPTED : Outcome.REJECTED);
		if (!intake.rejections().isEmpty()) {
			LOG.debug("HJ 212 frame QN {} from {} ({}): {} item(s) refused, first: {}", frame.qn(), source, siteId,
					intake.rejections().size(), intake.rejections().get(0).reason());
		}
		return intake.durable();
	}

	/** The reply the frame asks for, in the sender's conventions, or {@code null}. */
	private @Nullable String reply(Hj212Frame frame, Hj212Decoder.Options conventions) {
		return Hj212Encoder.replyTo(frame).map((reply) -> this.encoder.encode(reply, conventions)).orElse(null);
	}

	private void abandon(List<Hj212Reassembly.Abandoned> abandoned) {
		for (Hj212Reassembly.Abandoned message : abandoned) {
			keep(message.transport(), message.source(), message.siteId(), RejectionReason.SPLIT_INCOMPLETE,
					message.detail(), message.parts());
			message.durable().complete(null);
		}
	}

	/** Keeps the packets of a refused split message in the dead letters, as one. */
	private void keep(Transport transport, String source, String siteId, RejectionReason reason, String detail,
			List<Hj212Reassembly.Part> parts) {
		LOG.debug("HJ 212 split message from {} refused: {} ({})", source, reason, detail);
		this.pipeline.reject(transport, source, texts(parts).getBytes(StandardCharsets.UTF_8),
				new ItemRejection(-1, reason, detail, siteId));
	}

	private static String texts(List<Hj212Reassembly.Part> parts) {
		StringBuilder text = new StringBuilder();
		for (Hj212Reassembly.Part part : parts) {
			text.append(part.text());
		}
		return text.toString();
	}

	private Handled refuse(Transport transport, String source, byte[] bytes, RejectionReason reason, String detail,
			@Nullable String siteId) {
		// the dead-letter store logs each rejection once, at WARN (S-16)
		LOG.debug("HJ 212 frame from {} refused: {} ({})", source, reason, detail);
		this.pipeline.reject(transport, source, bytes, new ItemRejection(-1, reason, detail, siteId));
		count(transport, Outcome.REJECTED);
		return Handled.nothing();
	}

	/** Refuses a frame before it was authenticated. */
	private Processed refuseFrame(Transport transport, String source, byte[] bytes, RejectionReason reason,
			String detail, @Nullable String siteId) {
		return new Processed(refuse(transport, source, bytes, reason, detail, siteId), reason);
	}

	private void count(Transport transport, Outcome outcome) {
		counter(transport, outcome).increment();
	}

	/** The registry keeps one counter per tag set and returns it again. */
	private Counter counter(Transport transport, Outcome outcome) {
		return Counter.builder("lantian.ingest.hj212.frames")
			.description("HJ 212 frames received, by transport and outcome: accepted, rejected, ignored (not data)"
					+ " or held (a packet of a split message)")
			.tag("transport", transport.tag())
			.tag("outcome", outcome.tag)
			.register(this.meters);
	}

	private static boolean samePassword(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What became of a frame.
	 *
	 * @param durable completes once the frame's readings are durable (for a packet of a
	 * split message: the whole message's), at once when there are none (refused or not a
	 * data upload); fails when they could not be stored
	 * @param reply the reply frame (CR LF included) to send once {@code durable}
	 * completed normally, or {@code null} when none is due
	 * @param replyDue when a transport that holds a connection to the sender may send the
	 * reply: {@code durable}, except for a packet that leaves its split message
	 * unfinished, whose reply is due at once
	 */
	public record Handled(CompletableFuture<Void> durable, @Nullable String reply, CompletableFuture<Void> replyDue) {

		/** A frame whose reply is due once it is durable. */
		public Handled(CompletableFuture<Void> durable, @Nullable String reply) {
			this(durable, reply, durable);
		}

		static Handled nothing() {
			return new Handled(CompletableFuture.completedFuture(null), null);
		}

	}

	/**
	 * What became of a frame received on a connection.
	 *
	 * @param refusal why it was refused before it could be authenticated (framing,
	 * length, CRC, unknown MN, PW): what counts towards closing the connection; else
	 * {@code null}
	 * @param reply the reply, completed when due
	 */
	record Received(@Nullable RejectionReason refusal, CompletableFuture<Optional<String>> reply) {
	}

	private record Processed(Handled handled, @Nullable RejectionReason refusal) {
	}

	enum Outcome {

		ACCEPTED("accepted"), REJECTED("rejected"), IGNORED("ignored"), HELD("held");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

	}

}
