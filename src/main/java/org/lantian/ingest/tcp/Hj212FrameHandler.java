package org.lantian.ingest.tcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
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
 * Handles one candidate HJ 212 frame, whatever carried it: decode, find the site by MN,
 * check PW, map, submit, and build the 9014 data reply once the readings are durable
 * (INTERFACES §4, STANDARDS §3.12). Refused frames go to the dead letters and nothing of
 * them is stored. Never throws for bad input. Thread-safe.
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

	Hj212FrameHandler(Hj212Decoder decoder, Hj212Encoder encoder, Hj212ReadingMapper mapper, SiteCatalogue catalogue,
			ReadingPipeline pipeline, MeterRegistry meters) {
		this.decoder = decoder;
		this.encoder = encoder;
		this.mapper = mapper;
		this.catalogue = catalogue;
		this.pipeline = pipeline;
		this.meters = meters;
		// registered at start, so that Prometheus shows zeros
		for (Transport transport : new Transport[] { Transport.HJ212_TCP, Transport.HJ212_MQTT }) {
			for (Outcome outcome : Outcome.values()) {
				counter(transport, outcome);
			}
		}
	}

	/**
	 * Handles one frame received on the TCP listener.
	 * @return the reply frame to send back, completed once it is due: empty when the
	 * frame does not ask for one, was refused, or its readings could not be stored
	 */
	CompletableFuture<Optional<String>> handle(Transport transport, String source, byte[] bytes) {
		Handled handled = handle(transport, source, bytes, null);
		return handled.durable().handle((done, failure) -> {
			if (failure != null) {
				LOG.warn("HJ 212 frame from {} not stored, no reply: {}", source, failure.toString());
				return Optional.empty();
			}
			return Optional.ofNullable(handled.reply());
		});
	}

	/**
	 * Handles one frame.
	 * @param transport how the frame arrived
	 * @param source where it came from (the TCP peer, the MQTT topic)
	 * @param bytes the frame, {@code ##} to CR LF
	 * @param expectedMn the MN the frame must carry (the one in an MQTT topic), or
	 * {@code null} for any; a frame with another MN is refused with
	 * {@link RejectionReason#SITE_MISMATCH}
	 * @return when the frame's readings are durable, and the reply to send then
	 */
	public Handled handle(Transport transport, String source, byte[] bytes, @Nullable String expectedMn) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		Hj212Frame frame;
		try {
			frame = this.decoder.decode(text);
		}
		catch (Hj212FormatException ex) {
			return refuse(transport, source, bytes, Hj212Refusals.of(ex.reason()), ex.getMessage(), null);
		}
		if (expectedMn != null && !expectedMn.equals(frame.mn())) {
			return refuse(transport, source, bytes, RejectionReason.SITE_MISMATCH,
					"MN " + frame.mn() + " differs from the MN " + expectedMn + " in the topic", null);
		}
		Optional<Site> found = this.catalogue.findByMn(frame.mn());
		if (found.isEmpty()) {
			return refuse(transport, source, bytes, RejectionReason.UNKNOWN_SITE,
					"MN " + frame.mn() + " is not in the site catalogue", null);
		}
		Site site = found.get();
		String siteId = site.id().value();
		Hj212Access access = site.hj212();
		if (access == null || !samePassword(frame.pw(), access.password())) {
			return refuse(transport, source, bytes, RejectionReason.BAD_PASSWORD,
					"PW does not match the password of site " + siteId, siteId);
		}
		Hj212ReadingMapper.Result result = this.mapper.map(frame, site);
		if (result instanceof Hj212ReadingMapper.NotDataUpload notData) {
			LOG.debug("Ignored HJ 212 CN {} from {} ({})", notData.cn(), source, siteId);
			count(transport, Outcome.IGNORED);
			return Handled.nothing();
		}
		Hj212ReadingMapper.Mapped mapped = (Hj212ReadingMapper.Mapped) result;
		IntakeResult intake = this.pipeline.submitReadings(transport, source, mapped.readings(), mapped.rejections(),
				text);
		count(transport, (intake.accepted() > 0) ? Outcome.ACCEPTED : Outcome.REJECTED);
		if (!intake.rejections().isEmpty()) {
			LOG.debug("HJ 212 frame QN {} from {} ({}): {} item(s) refused, first: {}", frame.qn(), source, siteId,
					intake.rejections().size(), intake.rejections().get(0).reason());
		}
		// a reply means "stored": the caller sends it only once the readings are durable
		String reply = frame.replyRequested() ? this.encoder.encode(Hj212Encoder.dataReply(frame)) : null;
		return new Handled(intake.durable(), reply);
	}

	/** Refuses bytes that cannot be a frame (the splitter's findings). */
	void refuse(Transport transport, String source, byte[] bytes, RejectionReason reason, String detail) {
		refuse(transport, source, bytes, reason, detail, null);
	}

	private Handled refuse(Transport transport, String source, byte[] bytes, RejectionReason reason, String detail,
			@Nullable String siteId) {
		// the dead-letter store logs each rejection once, at WARN (S-16)
		LOG.debug("HJ 212 frame from {} refused: {} ({})", source, reason, detail);
		this.pipeline.reject(transport, source, bytes, new ItemRejection(-1, reason, detail, siteId));
		count(transport, Outcome.REJECTED);
		return Handled.nothing();
	}

	private void count(Transport transport, Outcome outcome) {
		counter(transport, outcome).increment();
	}

	/** The registry keeps one counter per tag set and returns it again. */
	private Counter counter(Transport transport, Outcome outcome) {
		return Counter.builder("lantian.ingest.hj212.frames")
			.description("HJ 212 frames received, by transport and outcome: accepted, rejected or ignored (not data)")
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
	 * @param durable completes once the frame's readings are durable, at once when there
	 * are none (refused or not a data upload); fails when they could not be stored
	 * @param reply the reply frame (CR LF included) to send once {@code durable}
	 * completed normally, or {@code null} when none is due
	 */
	public record Handled(CompletableFuture<Void> durable, @Nullable String reply) {

		static Handled nothing() {
			return new Handled(CompletableFuture.completedFuture(null), null);
		}

	}

	enum Outcome {

		ACCEPTED("accepted"), REJECTED("rejected"), IGNORED("ignored");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

	}

}
