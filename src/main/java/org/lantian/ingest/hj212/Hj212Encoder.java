package org.lantian.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes {@link Hj212Frame}s as HJ 212 frames (表2) and builds the platform's replies
 * (STANDARDS §3.12). Stateless and thread-safe.
 */
public final class Hj212Encoder {

	/** CN 9014 数据应答 (表9). */
	public static final String CN_DATA_REPLY = "9014";

	/** CN 9013 通知应答 (表9). */
	public static final String CN_NOTIFICATION_REPLY = "9013";

	/** The Flag of platform replies: HJ 212-2017, no split, no reply (§3.12). */
	private static final int REPLY_FLAG = 4;

	/** The legacy length convention also counts the CRC and CR LF (STANDARDS §3.11). */
	private static final int LEGACY_EXTRA = 6;

	/**
	 * The frame text: {@code ##}, the 4-digit UTF-8 length, the data segment, its CRC and
	 * CR LF.
	 * @throws IllegalArgumentException if the data segment exceeds 1024 bytes (表2)
	 */
	public String encode(Hj212Frame frame) {
		return encode(frame, Hj212Decoder.Options.STANDARD);
	}

	/**
	 * The frame text in a sender's conventions (STANDARDS §3.11): its CRC and its length
	 * rule, so that a device answers can check what it receives the way it sends.
	 * @throws IllegalArgumentException if the data segment exceeds 1024 bytes (表2)
	 */
	public String encode(Hj212Frame frame, Hj212Decoder.Options conventions) {
		String segment = segment(frame);
		byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
		int length = bytes.length;
		if (length > Hj212Decoder.MAX_SEGMENT_LENGTH) {
			throw new IllegalArgumentException("data segment of " + length + " bytes exceeds "
					+ Hj212Decoder.MAX_SEGMENT_LENGTH + "; split it with PNUM/PNO");
		}
		int declared = length + (conventions.legacyLength() ? LEGACY_EXTRA : 0);
		return "##" + "%04d".formatted(declared) + segment + Hj212Crc.hex(Hj212Crc.compute(bytes, conventions.crc()))
				+ "\r\n";
	}

	/**
	 * The reply the platform owes a frame from a site (STANDARDS §3.12, 表9), if any: only
	 * when its Flag has the A bit; 9014 数据应答 to the uploads 2011, 2031, 2041, 2051, 2061
	 * and 2081; 9013 通知应答 to the notification 1013 (time calibration request). Other CNs
	 * get none: replies and results (9011–9014) are never answered, and a CN the platform
	 * did not ask for is not acknowledged.
	 */
	public static Optional<Hj212Frame> replyTo(Hj212Frame frame) {
		if (!frame.replyRequested()) {
			return Optional.empty();
		}
		switch (frame.cn()) {
			case "2011", "2031", "2041", "2051", "2061", "2081":
				return Optional.of(dataReply(frame));
			case "1013":
				return Optional.of(notificationReply(frame));
			default:
				return Optional.empty();
		}
	}

	/**
	 * The data segment in the order of 表3: QN, ST, CN, PW, MN, Flag, PNUM, PNO, CP.
	 */
	static String segment(Hj212Frame frame) {
		StringBuilder segment = new StringBuilder(64 + frame.cp().length());
		if (frame.qn() != null) {
			segment.append("QN=").append(frame.qn()).append(';');
		}
		segment.append("ST=").append(frame.st()).append(';');
		segment.append("CN=").append(frame.cn()).append(';');
		segment.append("PW=").append(frame.pw()).append(';');
		segment.append("MN=").append(frame.mn()).append(';');
		if (frame.flag() != null) {
			segment.append("Flag=").append(frame.flag()).append(';');
		}
		if (frame.pnum() != null) {
			segment.append("PNUM=").append(frame.pnum()).append(';');
			segment.append("PNO=").append(frame.pno()).append(';');
		}
		return segment.append("CP=&&").append(frame.cp()).append("&&").toString();
	}

	/**
	 * The 9014 data reply to an upload whose Flag has the A bit: same QN, PW and MN,
	 * ST=91, Flag=4, {@code CP=&&&&} (§3.12; with Flag=7, one per split part).
	 * @throws IllegalArgumentException if the upload does not ask for a reply
	 */
	public static Hj212Frame dataReply(Hj212Frame upload) {
		return reply(upload, CN_DATA_REPLY);
	}

	/**
	 * The 9013 notification reply to a notification that asks for one (e.g. 1013 time
	 * calibration request, §3.12): same QN, PW and MN, ST=91, Flag=4, {@code CP=&&&&}.
	 * @throws IllegalArgumentException if the notification does not ask for a reply
	 */
	public static Hj212Frame notificationReply(Hj212Frame notification) {
		return reply(notification, CN_NOTIFICATION_REPLY);
	}

	private static Hj212Frame reply(Hj212Frame request, String cn) {
		if (!request.replyRequested()) {
			throw new IllegalArgumentException(
					"CN=" + request.cn() + " with Flag=" + request.flag() + " does not ask for a reply");
		}
		return new Hj212Frame(request.qn(), Hj212Frame.ST_SYSTEM_INTERACTION, cn, request.pw(), request.mn(),
				REPLY_FLAG, null, null, "");
	}

}
