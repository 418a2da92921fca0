package org.lantian.ingest.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;

/**
 * The fast path of {@link JsonReadingParser}: reads a payload in one pass over Jackson's
 * tokens, without building a tree, and answers only when every item is valid. At the
 * first thing it does not like — invalid, unusual or merely unexpected — it gives up and
 * returns {@code null}, and the tree parser reads the payload again and explains. So the
 * two can never disagree on what is valid; {@code JsonReadingParserPropertyTests} checks
 * that they agree on the readings too.
 * <p>
 * Why: building the tree was a fifth of the CPU the MQTT thread spent per reading (JFR,
 * bench/ingest-load), and nearly every payload is valid.
 */
final class CommonShapeParser {

	private final JsonFactory factory;

	private final SiteCatalogue catalogue;

	private final JsonReadingParser.Limits limits;

	CommonShapeParser(JsonFactory factory, SiteCatalogue catalogue, JsonReadingParser.Limits limits) {
		this.factory = factory;
		this.catalogue = catalogue;
		this.limits = limits;
	}

	/**
	 * The readings of a payload whose every item is valid, or {@code null}.
	 * @param latest the latest acceptable time
	 */
	@Nullable ParsedPayload parse(byte[] payload, @Nullable SiteId topicSite, Instant latest) {
		try (JsonParser parser = this.factory.createParser(payload)) {
			JsonToken first = parser.nextToken();
			List<ParsedPayload.Accepted> accepted;
			if (first == JsonToken.START_OBJECT) {
				ParsedPayload.Accepted item = item(parser, 0, topicSite, latest);
				if (item == null) {
					return null;
				}
				accepted = List.of(item);
			}
			else if (first == JsonToken.START_ARRAY) {
				accepted = new ArrayList<>();
				JsonToken token;
				while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
					if (accepted.size() == this.limits.maxItems()) {
						return null;
					}
					ParsedPayload.Accepted item = item(parser, accepted.size(), topicSite, latest);
					if (item == null) {
						return null;
					}
					accepted.add(item);
				}
				if (token != JsonToken.END_ARRAY || accepted.isEmpty()) {
					return null;
				}
			}
			else {
				return null;
			}
			if (parser.nextToken() != null) {
				return null;
			}
			return new ParsedPayload(accepted.size(), accepted, List.of());
		}
		catch (Exception ex) {
			// malformed, duplicate keys, numbers beyond Jackson's limits: the tree parser
			// says which
			return null;
		}
	}

	/** One item, its START_OBJECT just read; {@code null} unless it is valid. */
	private ParsedPayload.@Nullable Accepted item(JsonParser parser, int index, @Nullable SiteId topicSite,
			Instant latest) throws Exception {
		// The factory does not look for duplicate names (its HashSet per object was a
		// twentieth of all allocation): a name seen twice sends the payload to the tree
		// parser, which refuses it.
		Site site = null;
		Instant time = null;
		ReadingPeriod period = ReadingPeriod.SAMPLE;
		boolean periodSeen = false;
		Map<Measurand, BigDecimal> values = null;
		Map<Measurand, DataFlag> flags = null;
		boolean flagsSeen = false;
		String name;
		while ((name = parser.nextFieldName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "site" -> {
					site = (site == null && token == JsonToken.VALUE_STRING) ? site(parser.getText(), topicSite) : null;
					if (site == null) {
						return null;
					}
				}
				case "time" -> {
					time = (time == null && token == JsonToken.VALUE_STRING) ? time(parser.getText(), latest) : null;
					if (time == null) {
						return null;
					}
				}
				case "period" -> {
					if (periodSeen) {
						return null;
					}
					periodSeen = true;
					period = (token == JsonToken.VALUE_NULL) ? ReadingPeriod.SAMPLE
							: (token == JsonToken.VALUE_STRING) ? period(parser.getText()) : null;
					if (period == null) {
						return null;
					}
				}
				case "values" -> {
					values = (values == null && token == JsonToken.START_OBJECT) ? values(parser) : null;
					if (values == null) {
						return null;
					}
				}
				case "flags" -> {
					if (flagsSeen) {
						return null;
					}
					flagsSeen = true;
					if (token != JsonToken.VALUE_NULL) {
						flags = (token == JsonToken.START_OBJECT) ? flags(parser) : null;
						if (flags == null) {
							return null;
						}
					}
				}
				default -> {
					// a field we do not read could hide a duplicate name: the tree
					// decides
					return null;
				}
			}
		}
		if (parser.currentToken() != JsonToken.END_OBJECT || site == null || time == null || values == null) {
			return null;
		}
		Map<Measurand, Measurement> measurements = new EnumMap<>(Measurand.class);
		for (Map.Entry<Measurand, BigDecimal> value : values.entrySet()) {
			Measurand measurand = value.getKey();
			if (!JsonReadingParser.isAcceptable(measurand, value.getValue())) {
				return null;
			}
			DataFlag flag = (flags != null) ? flags.getOrDefault(measurand, DataFlag.N) : DataFlag.N;
			measurements.put(measurand, new Measurement(value.getValue(), flag));
		}
		if (flags != null && !values.keySet().containsAll(flags.keySet())) {
			return null;
		}
		return new ParsedPayload.Accepted(index, site, new Reading(site.id(), time, period, measurements));
	}

	private @Nullable Site site(String text, @Nullable SiteId topicSite) {
		if (text.isBlank() || (topicSite != null && !topicSite.value().equals(text)) || !SiteId.isWellFormed(text)) {
			return null;
		}
		Optional<Site> site = this.catalogue.find(SiteId.of(text));
		return site.orElse(null);
	}

	private static @Nullable Instant time(String text, Instant latest) {
		Instant time = IsoInstants.fastParse(text);
		if (time == null || time.isBefore(JsonReadingParser.EARLIEST) || time.isAfter(latest)) {
			return null;
		}
		return time;
	}

	private static @Nullable ReadingPeriod period(String text) {
		for (ReadingPeriod period : ReadingPeriod.values()) {
			if (period.key().equals(text)) {
				return period;
			}
		}
		return null;
	}

	private static @Nullable Map<Measurand, BigDecimal> values(JsonParser parser) throws Exception {
		Map<Measurand, BigDecimal> values = new EnumMap<>(Measurand.class);
		String key;
		while ((key = parser.nextFieldName()) != null) {
			Measurand measurand = Measurand.fromKey(key).orElse(null);
			JsonToken token = parser.nextToken();
			if (measurand == null || (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT)
					|| parser.isNaN()) {
				return null;
			}
			if (values.put(measurand, parser.getDecimalValue()) != null) {
				return null;
			}
		}
		return values.isEmpty() ? null : values;
	}

	private static @Nullable Map<Measurand, DataFlag> flags(JsonParser parser) throws Exception {
		Map<Measurand, DataFlag> flags = new EnumMap<>(Measurand.class);
		String key;
		while ((key = parser.nextFieldName()) != null) {
			Measurand measurand = Measurand.fromKey(key).orElse(null);
			if (measurand == null || parser.nextToken() != JsonToken.VALUE_STRING) {
				return null;
			}
			String code = parser.getText();
			if (code.length() != 1) {
				return null;
			}
			if (flags.put(measurand, DataFlag.parse(code)) != null) {
				return null;
			}
		}
		return flags;
	}

}
