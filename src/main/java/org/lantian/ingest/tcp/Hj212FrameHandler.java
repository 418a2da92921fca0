package org.lantian.ingest.tcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
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
 */
final class Hj212FrameHandler {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212FrameHandler.class);

	private final Hj212Decoder decoder;

	private final Hj212Encoder encoder;

	private final Hj212ReadingMapper mapper;

	private final SiteCatalogue catalogue;

	private final ReadingPipeline pipeline;

	private final Map<Outcome, Counter> frames = new EnumMap<>(Outcome.class);

	Hj212FrameHandler(Hj212Decoder decoder, Hj212Encoder encoder, Hj212ReadingMapper mapper, SiteCatalogue catalogue,
			ReadingPipeline pipeline, MeterRegistry meters) {
		this.decoder = decoder;
		this.encoder = encoder;
		this.mapper = mapper;
		this.catalogue = catalogue;
		this.pipeline = pipeline;
		for (Outcome outcome : Outcome.values()) {
			this.frames.put(outcome,
					Counter.builder("lantian.ingest.hj212.frames")
						.description("HJ 212 frames received, by outcome: accepted, rejected or ignored (not data)")
						.tag("outcome", outcome.tag)
						.register(meters));
		}
	}

	/**
	 * Handles one frame.
	 * @return the reply frame to send back, completed once it is due: empty when the
	 * frame does not ask for one, was refused, or its readings could not be stored
	 */
	CompletableFuture<Optional<String>> handle(Transport transport, String source, byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		Hj212Frame frame;
		try {
			frame = this.decoder.decode(text);
		}
		catch (Hj212FormatException ex) {
			return refuse(transport, source, bytes, Hj212Refusals.of(ex.reason()), ex.getMessage(), null);
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
			count(Outcome.IGNORED);
			return CompletableFuture.completedFuture(Optional.empty());
		}
		Hj212ReadingMapper.Mapped mapped = (Hj212ReadingMapper.Mapped) result;
		IntakeResult intake = this.pipeline.submitReadings(transport, source, mapped.readings(), mapped.rejections(),
				text);
		count((intake.accepted() > 0) ? Outcome.ACCEPTED : Outcome.REJECTED);
		if (!intake.rejections().isEmpty()) {
			LOG.debug("HJ 212 frame QN {} from {} ({}): {} item(s) refused, first: {}", frame.qn(), source, siteId,
					intake.rejections().size(), intake.rejections().get(0).reason());
		}
		if (!frame.replyRequested()) {
			return CompletableFuture.completedFuture(Optional.empty());
		}
		// a reply means "stored": only once the readings are durable
		return intake.durable().handle((done, failure) -> {
			if (failure != null) {
				LOG.warn("HJ 212 frame QN {} from {} ({}) not stored, no reply: {}", frame.qn(), source, siteId,
						failure.toString());
				return Optional.empty();
			}
			return Optional.of(this.encoder.encode(Hj212Encoder.dataReply(frame)));
		});
	}

	/** Refuses bytes that cannot be a frame (the splitter's findings). */
	CompletableFuture<Optional<String>> refuse(Transport transport, String source, byte[] bytes, RejectionReason reason,
			String detail) {
		return refuse(transport, source, bytes, reason, detail, null);
	}

	private CompletableFuture<Optional<String>> refuse(Transport transport, String source, byte[] bytes,
			RejectionReason reason, String detail, @Nullable String siteId) {
		// the dead-letter store logs each rejection once, at WARN (S-16)
		LOG.debug("HJ 212 frame from {} refused: {} ({})", source, reason, detail);
		this.pipeline.reject(transport, source, bytes, new ItemRejection(-1, reason, detail, siteId));
		count(Outcome.REJECTED);
		return CompletableFuture.completedFuture(Optional.empty());
	}

	private void count(Outcome outcome) {
		this.frames.get(outcome).increment();
	}

	private static boolean samePassword(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

	enum Outcome {

		ACCEPTED("accepted"), REJECTED("rejected"), IGNORED("ignored");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

	}

}
