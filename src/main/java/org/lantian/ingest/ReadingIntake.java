package org.lantian.ingest;

import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;

/**
 * The one way readings enter Lantian: parse, validate against the catalogue, count, keep
 * rejections, store the rest durably. Every transport (MQTT, HTTP, later HJ 212) goes
 * through here.
 */
public interface ReadingIntake {

	/**
	 * Takes a JSON payload of INTERFACES §3.1: one reading object or an array of them.
	 * Never throws for bad input.
	 * @param source where it came from (topic, caller), for the dead letters
	 * @param topicSite the site named by the MQTT topic, which every item must match;
	 * {@code null} over HTTP
	 * @param mayPush whether the sender may push data for a site; if any item fails it,
	 * nothing is stored
	 */
	IntakeResult submitJson(Transport transport, String source, @Nullable SiteId topicSite, byte[] payload,
			Predicate<Site> mayPush);

	/**
	 * Takes readings a transport has already decoded and validated (HJ 212 frames), with
	 * the items it refused: counts both, keeps the refusals in the dead letters and
	 * stores the readings durably, exactly as {@link #submitJson} does.
	 * @param excerpt the input as text for the dead letters (passwords redacted by the
	 * dead-letter store)
	 */
	IntakeResult submitReadings(Transport transport, String source, List<Reading> readings,
			List<ItemRejection> rejections, String excerpt);

}
