package org.lantian.ingest.json;

import java.util.List;

import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.ingest.ItemRejection;

/**
 * What {@link JsonReadingParser} made of one payload: the valid readings and the refused
 * items, each in payload order.
 *
 * @param items how many items the payload held (0 if it was refused as a whole)
 */
public record ParsedPayload(int items, List<Accepted> accepted, List<Refused> refused) {

	public ParsedPayload {
		accepted = List.copyOf(accepted);
		refused = List.copyOf(refused);
	}

	static ParsedPayload refusedAsAWhole(Refused refused) {
		return new ParsedPayload(0, List.of(), List.of(refused));
	}

	/** The readings of the accepted items, in payload order. */
	public List<Reading> readings() {
		return this.accepted.stream().map(Accepted::reading).toList();
	}

	public List<ItemRejection> rejections() {
		return this.refused.stream().map(Refused::rejection).toList();
	}

	/**
	 * A valid item.
	 *
	 * @param index its position in the payload
	 * @param site the catalogue entry it names
	 */
	public record Accepted(int index, Site site, Reading reading) {
	}

	/**
	 * A refused item, or the whole payload.
	 *
	 * @param excerpt the refused JSON (or the start of the raw payload) for the dead
	 * letters
	 */
	public record Refused(ItemRejection rejection, String excerpt) {
	}

}
