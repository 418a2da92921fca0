package org.lantian.ingest.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.Rejection;
import org.lantian.ingest.RejectionReason;

/**
 * Turns a JSON payload of INTERFACES §3.1 (one reading object or an array of them) into
 * {@link Reading}s, refusing each invalid item with the first {@link RejectionReason} it
 * meets. Numbers are read exactly, as {@link BigDecimal}s. Pure apart from Jackson: no
 * I/O, no logging; the clock only bounds future timestamps. Never throws for bad input.
 */
public final class JsonReadingParser {

	/** The most decimal places a value may carry. */
	static final int MAX_SCALE = 40;

	/** The most significant digits a value may carry. */
	static final int MAX_PRECISION = 40;

	/**
	 * Devices whose clock was reset report 1970 or 2000; nothing we store is older than
	 * this.
	 */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final int MAX_QUOTED_CHARS = 64;

	private static final String TIME_EXAMPLE = "2026-01-15T08:00:00+08:00";

	private static final String KNOWN_KEYS = Stream.of(Measurand.values())
		.map(Measurand::key)
		.collect(Collectors.joining(", "));

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	private static final ObjectReader READER = MAPPER.readerFor(JsonNode.class);

	/** For {@link CommonShapeParser}, which finds duplicate names itself. */
	private static final JsonFactory FAST_FACTORY = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	private final SiteCatalogue catalogue;

	private final Clock clock;

	private final Limits limits;

	private final CommonShapeParser commonShape;

	public JsonReadingParser(SiteCatalogue catalogue, Clock clock) {
		this(catalogue, clock, Limits.defaults());
	}

	public JsonReadingParser(SiteCatalogue catalogue, Clock clock, Limits limits) {
		this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.limits = Objects.requireNonNull(limits, "limits");
		this.commonShape = new CommonShapeParser(FAST_FACTORY, catalogue, limits);
	}

	public Limits limits() {
		return this.limits;
	}

	/** The catalogue site a refused item named, if it names one. */
	public Optional<Site> findSite(@Nullable String id) {
		return (id != null && SiteId.isWellFormed(id)) ? this.catalogue.find(SiteId.of(id)) : Optional.empty();
	}

	/**
	 * Parses one payload.
	 * @param topicSite the site named by the MQTT topic, which every item must name too;
	 * {@code null} over HTTP
	 */
	public ParsedPayload parse(byte[] payload, @Nullable SiteId topicSite) {
		return parse(payload, topicSite, true);
	}

	/** Parses with the tree only: for tests that compare it with the fast path. */
	ParsedPayload parseWithTree(byte[] payload, @Nullable SiteId topicSite) {
		return parse(payload, topicSite, false);
	}

	private ParsedPayload parse(byte[] payload, @Nullable SiteId topicSite, boolean fastPath) {
		if (payload.length > this.limits.maxPayloadBytes()) {
			return refuse(RejectionReason.OVERSIZED, "payload of " + payload.length + " bytes exceeds the maximum of "
					+ this.limits.maxPayloadBytes() + " bytes", payload);
		}
		Instant latest = this.clock.instant().plus(this.limits.maxFutureSkew());
		if (fastPath) {
			ParsedPayload valid = this.commonShape.parse(payload, topicSite, latest);
			if (valid != null) {
				return valid;
			}
		}
		JsonNode root;
		try {
			root = READER.readTree(payload);
		}
		catch (JsonProcessingException ex) {
			return refuse(RejectionReason.MALFORMED_JSON, "not valid JSON: " + describe(ex), payload);
		}
		catch (IOException | RuntimeException ex) {
			// Jackson reports number and nesting limits this way in some versions
			return refuse(RejectionReason.MALFORMED_JSON, "not valid JSON: " + ex.getClass().getSimpleName(), payload);
		}
		if (root == null || root.isMissingNode()) {
			return refuse(RejectionReason.MALFORMED_JSON,
					"empty payload: expected a JSON object or an array of objects", payload);
		}
		if (root.isObject()) {
			return parseItems(List.of(root), topicSite, latest);
		}
		if (!root.isArray()) {
			return refuse(RejectionReason.MALFORMED_JSON,
					"payload is " + article(root) + ", not a JSON object or an array of objects", payload);
		}
		if (root.isEmpty()) {
			return refuse(RejectionReason.MALFORMED_JSON, "empty array: a batch needs at least one reading", payload);
		}
		if (root.size() > this.limits.maxItems()) {
			return refuse(RejectionReason.OVERSIZED,
					"batch of " + root.size() + " readings exceeds the maximum of " + this.limits.maxItems(), payload);
		}
		List<JsonNode> items = new ArrayList<>(root.size());
		root.elements().forEachRemaining(items::add);
		return parseItems(items, topicSite, latest);
	}

	private ParsedPayload parseItems(List<JsonNode> items, @Nullable SiteId topicSite, Instant latest) {
		List<ParsedPayload.Accepted> accepted = new ArrayList<>(items.size());
		List<ParsedPayload.Refused> refused = new ArrayList<>();
		for (int index = 0; index < items.size(); index++) {
			JsonNode item = items.get(index);
			Item parsed = new Item(index);
			try {
				accepted.add(parsed.parse(item, topicSite, latest));
			}
			catch (InvalidItemException ex) {
				ItemRejection rejection = new ItemRejection(index, ex.reason, ex.getMessage(), parsed.site);
				refused.add(new ParsedPayload.Refused(rejection, excerpt(item)));
			}
		}
		return new ParsedPayload(items.size(), accepted, refused);
	}

	/**
	 * Validates one item; remembers the site it named so that a rejection can carry it.
	 */
	private final class Item {

		private final int index;

		private @Nullable String site;

		Item(int index) {
			this.index = index;
		}

		ParsedPayload.Accepted parse(JsonNode item, @Nullable SiteId topicSite, Instant latest)
				throws InvalidItemException {
			if (!item.isObject()) {
				throw new InvalidItemException(RejectionReason.MALFORMED_JSON,
						"item " + this.index + " is " + article(item) + ", not an object");
			}
			Site site = site(item, topicSite);
			JsonNode values = item.get("values");
			if (absent(values)) {
				throw new InvalidItemException(RejectionReason.MISSING_FIELD, "values is missing");
			}
			if (!values.isObject()) {
				throw new InvalidItemException(RejectionReason.MISSING_FIELD,
						"values is " + article(values) + ", not an object of key → number");
			}
			if (values.isEmpty()) {
				throw new InvalidItemException(RejectionReason.MISSING_FIELD, "values is empty");
			}
			Instant time = time(item.get("time"), latest);
			ReadingPeriod period = period(item.get("period"));
			Map<Measurand, BigDecimal> numbers = values(values, site);
			Map<Measurand, DataFlag> flags = flags(item.get("flags"), numbers);
			Map<Measurand, Measurement> measurements = new EnumMap<>(Measurand.class);
			numbers.forEach((measurand, value) -> measurements.put(measurand,
					new Measurement(value, flags.getOrDefault(measurand, DataFlag.N))));
			return new ParsedPayload.Accepted(this.index, site, new Reading(site.id(), time, period, measurements));
		}

		private Site site(JsonNode item, @Nullable SiteId topicSite) throws InvalidItemException {
			JsonNode node = item.get("site");
			if (absent(node)) {
				throw new InvalidItemException(RejectionReason.MISSING_FIELD, "site is missing");
			}
			if (!node.isTextual() || node.textValue().isBlank()) {
				throw new InvalidItemException(RejectionReason.MISSING_FIELD,
						"site must be a non-empty string, not " + describe(node));
			}
			String text = node.textValue();
			this.site = shorten(text);
			if (topicSite != null && !topicSite.value().equals(text)) {
				throw new InvalidItemException(RejectionReason.SITE_MISMATCH,
						"site " + quote(text) + " differs from the topic's site '" + topicSite + "'");
			}
			if (!SiteId.isWellFormed(text)) {
				throw new InvalidItemException(RejectionReason.UNKNOWN_SITE, "site " + quote(text)
						+ " is not a valid site id (letters, digits, '-', '_' or '.', at most 64)");
			}
			Optional<Site> site = JsonReadingParser.this.catalogue.find(SiteId.of(text));
			if (site.isEmpty()) {
				throw new InvalidItemException(RejectionReason.UNKNOWN_SITE,
						"site " + quote(text) + " is not in the site catalogue");
			}
			return site.get();
		}

		private Instant time(@Nullable JsonNode node, Instant latest) throws InvalidItemException {
			if (absent(node)) {
				throw new InvalidItemException(RejectionReason.MISSING_TIME,
						"time is missing (ISO-8601 with an offset, e.g. " + TIME_EXAMPLE + ")");
			}
			if (!node.isTextual()) {
				throw new InvalidItemException(RejectionReason.BAD_TIME,
						"time must be an ISO-8601 string with an offset (e.g. " + TIME_EXAMPLE + "), not "
								+ describe(node));
			}
			Instant time;
			try {
				time = IsoInstants.parse(node.textValue());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidItemException(RejectionReason.BAD_TIME, "time " + quote(node.textValue())
						+ " is not ISO-8601 with an offset (e.g. " + TIME_EXAMPLE + ")");
			}
			if (time.isBefore(EARLIEST)) {
				throw new InvalidItemException(RejectionReason.BAD_TIME,
						"time " + quote(node.textValue()) + " is before " + EARLIEST + " (is the device clock set?)");
			}
			if (time.isAfter(latest)) {
				throw new InvalidItemException(RejectionReason.BAD_TIME,
						"time " + quote(node.textValue()) + " lies more than "
								+ humanize(JsonReadingParser.this.limits.maxFutureSkew())
								+ " in the future (is the device clock set?)");
			}
			return time;
		}

		private ReadingPeriod period(@Nullable JsonNode node) throws InvalidItemException {
			if (absent(node)) {
				return ReadingPeriod.SAMPLE;
			}
			if (node.isTextual()) {
				for (ReadingPeriod period : ReadingPeriod.values()) {
					if (period.key().equals(node.textValue())) {
						return period;
					}
				}
			}
			throw new InvalidItemException(RejectionReason.BAD_PERIOD,
					"period " + describe(node) + " is not one of sample, minute, hour, day");
		}

		private Map<Measurand, BigDecimal> values(JsonNode values, Site site) throws InvalidItemException {
			Map<Measurand, BigDecimal> numbers = new EnumMap<>(Measurand.class);
			for (Map.Entry<String, JsonNode> field : values.properties()) {
				Measurand measurand = measurand("values", field.getKey());
				numbers.put(measurand, number(measurand, field.getValue(), site));
			}
			return numbers;
		}

		private BigDecimal number(Measurand measurand, JsonNode node, Site site) throws InvalidItemException {
			String key = measurand.key();
			if (node.isTextual() && isNonFiniteWord(node.textValue())) {
				throw new InvalidItemException(RejectionReason.NON_FINITE,
						key + ": " + quote(node.textValue()) + " is not a finite number");
			}
			if (!node.isNumber()) {
				String hint = node.isTextual() ? " (send numbers without quotes)" : "";
				throw new InvalidItemException(RejectionReason.NON_NUMERIC,
						key + ": " + describe(node) + " is not a number" + hint);
			}
			if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
				throw new InvalidItemException(RejectionReason.NON_FINITE,
						key + ": " + node.asText() + " is not a finite number");
			}
			BigDecimal value = node.decimalValue();
			// 1E-999999999 is "plausible" but would take a gigabyte to write out
			if (value.scale() > MAX_SCALE || value.precision() > MAX_PRECISION) {
				throw new InvalidItemException(RejectionReason.OUT_OF_RANGE,
						key + ": " + describe(node) + " has more digits than any instrument reports (at most "
								+ MAX_SCALE + " decimal places and " + MAX_PRECISION + " digits)");
			}
			if (!measurand.isPlausible(value)) {
				throw new InvalidItemException(RejectionReason.OUT_OF_RANGE,
						key + ": " + display(value) + " " + measurand.unitAt(site.kind()).symbol()
								+ " is outside the plausible range " + display(measurand.plausibleMin()) + "–"
								+ display(measurand.plausibleMax()));
			}
			return value;
		}

		private Map<Measurand, DataFlag> flags(@Nullable JsonNode flags, Map<Measurand, BigDecimal> numbers)
				throws InvalidItemException {
			Map<Measurand, DataFlag> result = new EnumMap<>(Measurand.class);
			if (absent(flags)) {
				return result;
			}
			if (!flags.isObject()) {
				throw new InvalidItemException(RejectionReason.BAD_FLAG,
						"flags is " + article(flags) + ", not an object of key → flag letter");
			}
			for (Map.Entry<String, JsonNode> field : flags.properties()) {
				Measurand measurand = measurand("flags", field.getKey());
				if (!numbers.containsKey(measurand)) {
					throw new InvalidItemException(RejectionReason.UNKNOWN_KEY,
							"flags: " + measurand.key() + " has no value in values");
				}
				JsonNode node = field.getValue();
				try {
					if (!node.isTextual()) {
						throw new IllegalArgumentException("not a one-letter string");
					}
					result.put(measurand, DataFlag.parse(node.textValue()));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidItemException(RejectionReason.BAD_FLAG, "flags: " + measurand.key() + ": "
							+ describe(node) + " is not an HJ 212 data flag (one of N, F, M, S, D, C, T, B)");
				}
			}
			return result;
		}

		private Measurand measurand(String where, String key) throws InvalidItemException {
			Optional<Measurand> measurand = Measurand.fromKey(key);
			if (measurand.isEmpty()) {
				throw new InvalidItemException(RejectionReason.UNKNOWN_KEY,
						where + ": unknown key " + quote(key) + " (known: " + KNOWN_KEYS + ")");
			}
			return measurand.get();
		}

	}

	/**
	 * Whether a value of the measurand is written with few enough digits and plausible.
	 */
	static boolean isAcceptable(Measurand measurand, BigDecimal value) {
		return value.scale() <= MAX_SCALE && value.precision() <= MAX_PRECISION && measurand.isPlausible(value);
	}

	private static ParsedPayload refuse(RejectionReason reason, String detail, byte[] payload) {
		return ParsedPayload
			.refusedAsAWhole(new ParsedPayload.Refused(ItemRejection.ofPayload(reason, detail), excerpt(payload)));
	}

	/**
	 * The start of a raw payload as text: enough for the dead letters, which keep a few
	 * kilobytes.
	 */
	public static String excerpt(byte[] payload) {
		int length = Math.min(payload.length, Rejection.MAX_PAYLOAD_CHARS * 4);
		return new String(payload, 0, length, StandardCharsets.UTF_8);
	}

	private static String excerpt(JsonNode item) {
		return item.toString();
	}

	private static boolean absent(@Nullable JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	private static boolean isNonFiniteWord(String text) {
		String word = text.strip();
		if (word.startsWith("+") || word.startsWith("-")) {
			word = word.substring(1);
		}
		return word.equalsIgnoreCase("NaN") || word.equalsIgnoreCase("Infinity") || word.equalsIgnoreCase("Inf");
	}

	/**
	 * A node for a message: strings quoted and shortened, numbers and literals as
	 * written, containers by kind.
	 */
	private static String describe(JsonNode node) {
		if (node.isTextual()) {
			return quote(node.textValue());
		}
		if (node.isContainerNode()) {
			return article(node);
		}
		if (node.isBigDecimal()) {
			return display(node.decimalValue());
		}
		return shorten(node.asText());
	}

	private static String article(JsonNode node) {
		JsonNodeType type = node.getNodeType();
		return switch (type) {
			case ARRAY -> "an array";
			case OBJECT, POJO -> "an object";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> "empty";
		};
	}

	private static String quote(String text) {
		return "'" + shorten(text) + "'";
	}

	/** User text in a message: at most 64 characters, control characters escaped. */
	private static String shorten(String text) {
		String cut = (text.length() > MAX_QUOTED_CHARS) ? text.substring(0, MAX_QUOTED_CHARS) + "…" : text;
		StringBuilder result = new StringBuilder(cut.length());
		cut.codePoints().forEach((c) -> {
			if (Character.isISOControl(c)) {
				result.append(String.format("\\u%04x", c));
			}
			else {
				result.appendCodePoint(c);
			}
		});
		return result.toString();
	}

	/** A number as people write it, unless that would be absurdly long (1e999999). */
	private static String display(BigDecimal value) {
		if (Math.abs(value.scale()) <= 20 && value.precision() <= 40) {
			return value.toPlainString();
		}
		String text = value.toString();
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

	private static String humanize(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0 && seconds > 0) {
			return (seconds / 3600) + " h";
		}
		if (seconds % 60 == 0 && seconds > 0) {
			return (seconds / 60) + " min";
		}
		return seconds + " s";
	}

	private static String describe(JsonProcessingException ex) {
		String message = Objects.requireNonNullElse(ex.getOriginalMessage(), ex.getClass().getSimpleName());
		int end = message.indexOf('\n');
		String first = (end >= 0) ? message.substring(0, end) : message;
		String where = (ex.getLocation() != null)
				? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
		return shortenLong(first) + where;
	}

	private static String shortenLong(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	/**
	 * What the parser accepts.
	 *
	 * @param maxPayloadBytes payloads larger than this are refused unread
	 * ({@code OVERSIZED})
	 * @param maxItems batches with more items are refused as a whole ({@code OVERSIZED})
	 * @param maxFutureSkew how far ahead of our clock a device's {@code time} may be
	 * ({@code BAD_TIME})
	 */
	public record Limits(long maxPayloadBytes, int maxItems, Duration maxFutureSkew) {

		public Limits {
			if (maxPayloadBytes < 1) {
				throw new IllegalArgumentException("maximum payload size must be positive: " + maxPayloadBytes);
			}
			if (maxItems < 1) {
				throw new IllegalArgumentException("maximum batch size must be positive: " + maxItems);
			}
			if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
				throw new IllegalArgumentException("maximum future skew must not be negative: " + maxFutureSkew);
			}
		}

		/** 1 MiB, 10,000 items, 10 minutes. */
		public static Limits defaults() {
			return new Limits(1024 * 1024, 10_000, Duration.ofMinutes(10));
		}

	}

	/** An item's first problem; control flow inside the parser only, never leaves it. */
	private static final class InvalidItemException extends Exception {

		private static final long serialVersionUID = 1L;

		private final RejectionReason reason;

		InvalidItemException(RejectionReason reason, String detail) {
			super(detail, null, false, false);
			this.reason = reason;
		}

	}

}
