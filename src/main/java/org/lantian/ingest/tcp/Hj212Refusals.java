package org.lantian.ingest.tcp;

import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.hj212.Hj212FormatException;

/**
 * The rejection reasons of refused HJ 212 frames.
 */
final class Hj212Refusals {

	private Hj212Refusals() {
	}

	/** The rejection reason of a frame the decoder refused. */
	static RejectionReason of(Hj212FormatException.Reason reason) {
		switch (reason) {
			case BAD_CRC:
				return RejectionReason.BAD_CRC;
			case BAD_LENGTH:
				return RejectionReason.BAD_LENGTH;
			case TOO_LONG:
				return RejectionReason.OVERSIZED;
			default:
				return RejectionReason.BAD_FRAME;
		}
	}

}
