package org.lantian.ingest.json;

import java.util.ArrayList;
import java.util.Collections;
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
		// loops, not streams: this runs for every MQTT message
		if (this.accepted.size() == 1) {
			return List.of(this.accepted.get(0).reading());
		}
		List<Reading> readings = new ArrayList<>(this.accepted.size());
		for (Accepted item : this.accepted) {
			readings.add(item.reading());
		}
		return Collections.unmodifiableList(readings);
	}

	public List<ItemRejection> rejections() {
		if (this.refused.isEmpty()) {
			return List.of();
		}
		List<ItemRejection> rejections = new ArrayList<>(this.refused.size());
		for (Refused item : this.refused) {
			rejections.add(item.rejection());
		}
		return Collections.unmodifiableList(rejections);
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
