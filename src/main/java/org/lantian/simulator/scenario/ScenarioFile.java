package org.lantian.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.simulator.Link;
import org.lantian.simulator.Plan;
import org.lantian.simulator.SimulatedPoint;
import org.lantian.simulator.model.EventKind;
import org.lantian.simulator.model.PointModels;
import org.lantian.simulator.model.SimulatedEvent;

/**
 * Reads a scenario file (YAML) into a {@link Plan}. The format, with every key:
 *
 * <pre>
 * name: winter-episode
 * seed: 20250108                      # the same seed gives the same data
 * start: 2025-01-08T00:00:00+08:00    # an ISO instant with its offset, or now
 * duration: P7D                       # or end: an ISO instant; neither runs until stopped
 * speed: 2000                         # simulated seconds per wall-clock second
 * sampleInterval: PT30S               # default PT30S
 * links: { ambient: mqtt-json, stack: hj212-tcp }   # per kind; these are the defaults
 * sites: all                          # or a list of selectors; the last match sets the link
 *   - { id: BT-STEEL-S1, link: hj212-mqtt }
 *   - { city: 包头市, kind: ambient }
 * events:
 *   - type: heavy-pollution           # see EventKind for the types
 *     cities: [包头市]                 # and/or sites: [ids], enterprises: [ids] (every
 *                                     # stack of the enterprise in the catalogue)
 *     start: P1D                      # after the scenario's start, or an ISO instant
 *     duration: P6D
 *     peakPm25: 260                   # heavy-pollution peakPm25, sand-dust peakPm10,
 *                                     # exceedance pollutant + factor, sudden-drop drop,
 *                                     # emission-cut cut (required, 0 &lt; cut &lt; 1),
 *                                     # flatline and sudden-drop an optional pollutant
 * </pre>
 *
 * Every problem is reported at once, with the file and the path of the value in it.
 */
public final class ScenarioFile {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(30);

	private static final Set<String> TOP_KEYS = Set.of("name", "seed", "start", "end", "duration", "speed",
			"sampleInterval", "links", "sites", "events");

	private static final Set<String> SELECTOR_KEYS = Set.of("id", "city", "kind", "link");

	private static final Set<String> EVENT_KEYS = Set.of("type", "sites", "cities", "enterprises", "start", "duration",
			"end", "pollutant", "peakPm25", "peakPm10", "factor", "drop", "cut");

	private ScenarioFile() {
	}

	/**
	 * Reads the scenario; {@code start: now} is the current instant, truncated to the
	 * second.
	 * @throws InvalidScenarioException naming every problem found
	 */
	public static Plan read(Path file, SiteCatalogue catalogue) {
		return read(file, catalogue, Clock.systemUTC());
	}

	/**
	 * Reads the scenario, with {@code start: now} taken from the clock.
	 * @throws InvalidScenarioException naming every problem found
	 */
	public static Plan read(Path file, SiteCatalogue catalogue, Clock clock) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString(), catalogue, clock);
		}
		catch (IOException ex) {
			throw new InvalidScenarioException(file.toString(), List.of("cannot be read: " + ex.getMessage()));
		}
	}

	/**
	 * Reads a scenario from a stream.
	 * @param name the file's name for error messages
	 * @throws InvalidScenarioException naming every problem found
	 */
	public static Plan read(InputStream in, String name, SiteCatalogue catalogue, Clock clock) {
		JsonNode root;
		try {
			root = YAML.readTree(in);
		}
		catch (JsonProcessingException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw new InvalidScenarioException(name, List.of("not YAML: " + ex.getOriginalMessage() + where));
		}
		catch (IOException ex) {
			throw new InvalidScenarioException(name, List.of("cannot be read: " + ex.getMessage()));
		}
		if (root == null || !root.isObject()) {
			throw new InvalidScenarioException(name,
					List.of("the file must be a mapping with name, seed, start, sites"));
		}
		return new Reader(catalogue, clock).read(root, name);
	}

	/** One reading of one file, collecting problems. */
	private static final class Reader {

		private final SiteCatalogue catalogue;

		private final Clock clock;

		private final List<String> problems = new ArrayList<>();

		Reader(SiteCatalogue catalogue, Clock clock) {
			this.catalogue = catalogue;
			this.clock = clock;
		}

		Plan read(JsonNode root, String file) {
			unknownKeys(root, TOP_KEYS, "");
			String name = text(root, "name", "");
			long seed = 0;
			if (root.has("seed") && root.get("seed").canConvertToLong()) {
				seed = root.get("seed").asLong();
			}
			else {
				this.problems
					.add("seed: " + (root.has("seed") ? "not a whole number: " + root.get("seed") : "missing"));
			}
			Instant start = start(root);
			Instant end = end(root, start);
			double speed = 1;
			if (root.has("speed")) {
				JsonNode node = root.get("speed");
				if (node.isNumber() && node.asDouble() > 0 && !Double.isInfinite(node.asDouble())) {
					speed = node.asDouble();
				}
				else {
					this.problems.add("speed: must be a positive number: " + node);
				}
			}
			Duration sampleInterval = DEFAULT_SAMPLE_INTERVAL;
			if (root.has("sampleInterval")) {
				Duration interval = duration(root.get("sampleInterval"), "sampleInterval");
				if (interval != null) {
					sampleInterval = interval;
				}
			}
			Map<SiteKind, Link> links = links(root.get("links"));
			Map<Site, Link> selected = sites(root.get("sites"), links);
			List<SimulatedEvent> events = events(root.get("events"), start);
			if (!this.problems.isEmpty()) {
				throw new InvalidScenarioException(file, this.problems);
			}
			List<SimulatedPoint> points = new ArrayList<>();
			for (Map.Entry<Site, Link> entry : selected.entrySet()) {
				points.add(new SimulatedPoint(PointModels.of(entry.getKey(), seed, events), entry.getValue()));
			}
			try {
				return new Plan(name, seed, start, end, speed, sampleInterval, points);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidScenarioException(file, List.of(ex.getMessage()));
			}
		}

		private Instant start(JsonNode root) {
			Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
			if (!root.has("start")) {
				this.problems.add("start: missing (an ISO instant such as 2025-01-08T00:00:00+08:00, or now)");
				return now;
			}
			String text = root.get("start").asText();
			if ("now".equals(text)) {
				return now;
			}
			Instant start = instant(text, "start");
			return (start != null) ? start : now;
		}

		private @Nullable Instant end(JsonNode root, Instant start) {
			if (root.has("end") && root.has("duration")) {
				this.problems.add("end, duration: give one of them, not both");
				return null;
			}
			if (root.has("end")) {
				Instant end = instant(root.get("end").asText(), "end");
				if (end != null && !end.isAfter(start)) {
					this.problems.add("end: " + end + " is not after start " + start);
					return null;
				}
				return end;
			}
			if (root.has("duration")) {
				Duration duration = duration(root.get("duration"), "duration");
				return (duration != null) ? start.plus(duration) : null;
			}
			return null;
		}

		private Map<SiteKind, Link> links(@Nullable JsonNode node) {
			Map<SiteKind, Link> links = new LinkedHashMap<>();
			links.put(SiteKind.AMBIENT, Link.MQTT_JSON);
			links.put(SiteKind.STACK, Link.HJ212_TCP);
			if (node == null) {
				return links;
			}
			if (!node.isObject()) {
				this.problems.add("links: must be a mapping of kind (ambient, stack) to link");
				return links;
			}
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				try {
					SiteKind kind = SiteKind.fromKey(entry.getKey());
					Link link = link(entry.getValue(), "links." + entry.getKey());
					if (link != null) {
						links.put(kind, link);
					}
				}
				catch (IllegalArgumentException ex) {
					this.problems.add("links." + entry.getKey() + ": " + ex.getMessage());
				}
			}
			return links;
		}

		private Map<Site, Link> sites(@Nullable JsonNode node, Map<SiteKind, Link> links) {
			Map<Site, Link> selected = new LinkedHashMap<>();
			if (node == null) {
				this.problems.add("sites: missing (all, or a list of selectors by id, city and kind)");
				return selected;
			}
			if (node.isTextual() && "all".equals(node.asText())) {
				for (Site site : this.catalogue.sites()) {
					selected.put(site, links.get(site.kind()));
				}
				return selected;
			}
			if (!node.isArray() || node.isEmpty()) {
				this.problems.add("sites: must be all or a non-empty list of selectors, not " + node);
				return selected;
			}
			Map<Site, Link> matches = new LinkedHashMap<>();
			for (int i = 0; i < node.size(); i++) {
				String path = "sites[" + i + "]";
				JsonNode selector = node.get(i);
				if (selector.isTextual()) {
					Site site = site(selector.asText(), path);
					if (site != null) {
						matches.put(site, links.get(site.kind()));
					}
					continue;
				}
				if (!selector.isObject()) {
					this.problems.add(path + ": a selector is a site id or a mapping of id, city, kind and link");
					continue;
				}
				unknownKeys(selector, SELECTOR_KEYS, path + ".");
				Link link = selector.has("link") ? link(selector.get("link"), path + ".link") : null;
				List<Site> sites = select(selector, path);
				for (Site site : sites) {
					matches.put(site, (link != null) ? link : links.get(site.kind()));
				}
			}
			// catalogue order, whatever the order of the selectors
			for (Site site : this.catalogue.sites()) {
				Link link = matches.get(site);
				if (link != null) {
					selected.put(site, link);
				}
			}
			return selected;
		}

		private List<Site> select(JsonNode selector, String path) {
			List<Site> sites = new ArrayList<>();
			if (selector.has("id")) {
				if (selector.has("city") || selector.has("kind")) {
					this.problems.add(path + ": an id selects one site; city and kind do not go with it");
				}
				Site site = site(selector.get("id").asText(), path + ".id");
				if (site != null) {
					sites.add(site);
				}
				return sites;
			}
			SiteKind kind = null;
			if (selector.has("kind")) {
				try {
					kind = SiteKind.fromKey(selector.get("kind").asText());
				}
				catch (IllegalArgumentException ex) {
					this.problems.add(path + ".kind: " + ex.getMessage());
					return sites;
				}
			}
			String city = selector.has("city") ? selector.get("city").asText() : null;
			if (kind == null && city == null) {
				this.problems.add(path + ": selects nothing (give an id, a city or a kind)");
				return sites;
			}
			for (Site site : this.catalogue.sites()) {
				if ((kind == null || site.kind() == kind) && (city == null || site.city().equals(city))) {
					sites.add(site);
				}
			}
			if (sites.isEmpty()) {
				this.problems
					.add(path + ": no site of the catalogue matches" + ((city != null) ? " city '" + city + "'" : "")
							+ ((kind != null) ? " kind " + kind.key() : ""));
			}
			return sites;
		}

		private List<SimulatedEvent> events(@Nullable JsonNode node, Instant start) {
			List<SimulatedEvent> events = new ArrayList<>();
			if (node == null) {
				return events;
			}
			if (!node.isArray()) {
				this.problems.add("events: must be a list");
				return events;
			}
			for (int i = 0; i < node.size(); i++) {
				SimulatedEvent event = event(node.get(i), "events[" + i + "]", start);
				if (event != null) {
					events.add(event);
				}
			}
			return events;
		}

		private @Nullable SimulatedEvent event(JsonNode node, String path, Instant scenarioStart) {
			if (!node.isObject()) {
				this.problems.add(path + ": an event is a mapping of type, sites or cities, start and duration");
				return null;
			}
			int before = this.problems.size();
			unknownKeys(node, EVENT_KEYS, path + ".");
			EventKind kind = null;
			if (!node.has("type")) {
				this.problems.add(path + ".type: missing");
			}
			else {
				try {
					kind = EventKind.fromKey(node.get("type").asText());
				}
				catch (IllegalArgumentException ex) {
					this.problems.add(path + ".type: " + ex.getMessage());
				}
			}
			Set<SiteId> sites = new LinkedHashSet<>();
			if (node.has("sites")) {
				for (String id : list(node.get("sites"), path + ".sites")) {
					Site site = site(id, path + ".sites");
					if (site != null) {
						sites.add(site.id());
					}
				}
			}
			if (node.has("cities")) {
				for (String city : list(node.get("cities"), path + ".cities")) {
					boolean found = false;
					for (Site site : this.catalogue.sites()) {
						if (site.city().equals(city)) {
							sites.add(site.id());
							found = true;
						}
					}
					if (!found) {
						this.problems.add(path + ".cities: no site of the catalogue is in '" + city + "'");
					}
				}
			}
			if (node.has("enterprises")) {
				for (String enterprise : list(node.get("enterprises"), path + ".enterprises")) {
					boolean found = false;
					for (Site site : this.catalogue.sites()) {
						if (site.enterprise() != null && site.enterprise().id().equals(enterprise)) {
							sites.add(site.id());
							found = true;
						}
					}
					if (!found) {
						this.problems.add(path + ".enterprises: no site of the catalogue belongs to enterprise '"
								+ enterprise + "'");
					}
				}
			}
			if (!node.has("sites") && !node.has("cities") && !node.has("enterprises")) {
				this.problems.add(path + ": names no sites (give sites, cities, enterprises or several)");
			}
			Instant start = null;
			if (!node.has("start")) {
				this.problems.add(path + ".start: missing (an ISO instant, or a duration after the scenario's start)");
			}
			else {
				String text = node.get("start").asText();
				if (text.startsWith("P") || text.startsWith("p")) {
					Duration offset = duration(node.get("start"), path + ".start");
					start = (offset != null) ? scenarioStart.plus(offset) : null;
				}
				else {
					start = instant(text, path + ".start");
				}
			}
			Instant end = null;
			if (node.has("duration") == node.has("end")) {
				this.problems.add(path + ": give duration or end (one of them)");
			}
			else if (node.has("duration")) {
				Duration duration = duration(node.get("duration"), path + ".duration");
				end = (start != null && duration != null) ? start.plus(duration) : null;
			}
			else {
				end = instant(node.get("end").asText(), path + ".end");
			}
			Measurand pollutant = null;
			if (node.has("pollutant")) {
				String key = node.get("pollutant").asText();
				pollutant = Measurand.fromKey(key).filter(Measurand::isConcentration).orElse(null);
				if (pollutant == null) {
					this.problems.add(path + ".pollutant: not a concentration measurand: '" + key + "'");
				}
			}
			double magnitude = (kind != null) ? SimulatedEvent.defaultMagnitude(kind) : 0;
			String parameter = (kind != null) ? parameterOf(kind) : null;
			for (String key : List.of("peakPm25", "peakPm10", "factor", "drop", "cut")) {
				if (!node.has(key)) {
					continue;
				}
				if (!key.equals(parameter)) {
					this.problems
						.add(path + "." + key + ": not a parameter of a " + ((kind != null) ? kind.key() : "this")
								+ " event" + ((parameter != null) ? " (it takes " + parameter + ")" : ""));
				}
				else if (!node.get(key).isNumber() || node.get(key).asDouble() < 0) {
					this.problems.add(path + "." + key + ": must be a number not below 0: " + node.get(key));
				}
				else {
					magnitude = node.get(key).asDouble();
				}
			}
			if (kind == EventKind.EXCEEDANCE && pollutant == null && !node.has("pollutant")) {
				this.problems.add(path + ".pollutant: an exceedance needs the pollutant (e.g. so2, nox, pm)");
			}
			if (kind == EventKind.SUDDEN_DROP && magnitude > 1) {
				this.problems.add(path + ".drop: a fraction from 0 to 1: " + magnitude);
			}
			if (kind == EventKind.EMISSION_CUT) {
				if (node.has("pollutant")) {
					this.problems
						.add(path + ".pollutant: an emission cut lowers production, so every pollutant; it takes none");
				}
				if (!node.has("cut")) {
					this.problems.add(path + ".cut: an emission cut needs its size, a fraction (e.g. 0.3 for 30 %)");
				}
				else if (node.get("cut").isNumber() && node.get("cut").asDouble() >= 0
						&& (magnitude <= 0 || magnitude >= 1)) {
					this.problems.add(path + ".cut: a fraction between 0 and 1 (both excluded): " + node.get("cut"));
				}
			}
			if (kind != null) {
				for (SiteId id : sites) {
					Site site = this.catalogue.find(id).orElseThrow();
					boolean applies = (site.kind() == SiteKind.AMBIENT) ? kind.appliesToAmbient()
							: kind.appliesToStacks();
					if (!applies && (node.has("sites") || node.has("enterprises"))) {
						this.problems.add(path + ": a " + kind.key() + " event does not apply to " + site.kind().key()
								+ " site " + id);
					}
				}
			}
			if (this.problems.size() > before || kind == null || start == null || end == null) {
				return null;
			}
			if (!end.isAfter(start)) {
				this.problems.add(path + ": ends (" + end + ") before it starts (" + start + ")");
				return null;
			}
			return new SimulatedEvent(kind, sites, start, end, pollutant, magnitude);
		}

		private static @Nullable String parameterOf(EventKind kind) {
			switch (kind) {
				case HEAVY_POLLUTION:
					return "peakPm25";
				case SAND_DUST:
					return "peakPm10";
				case EXCEEDANCE:
					return "factor";
				case SUDDEN_DROP:
					return "drop";
				case EMISSION_CUT:
					return "cut";
				default:
					return null;
			}
		}

		private List<String> list(JsonNode node, String path) {
			List<String> values = new ArrayList<>();
			if (node.isTextual()) {
				values.add(node.asText());
			}
			else if (node.isArray()) {
				node.forEach((element) -> values.add(element.asText()));
			}
			else {
				this.problems.add(path + ": must be a name or a list of names");
			}
			return values;
		}

		private @Nullable Site site(String id, String path) {
			if (!SiteId.isWellFormed(id)) {
				this.problems.add(path + ": not a site id: '" + id + "'");
				return null;
			}
			Site site = this.catalogue.find(SiteId.of(id)).orElse(null);
			if (site == null) {
				this.problems.add(path + ": unknown site '" + id + "' (not in the catalogue)");
			}
			return site;
		}

		private @Nullable Link link(JsonNode node, String path) {
			String key = node.asText();
			for (Link link : Link.values()) {
				if (link.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
					return link;
				}
			}
			this.problems.add(path + ": unknown link '" + key + "' (mqtt-json, hj212-tcp or hj212-mqtt)");
			return null;
		}

		private @Nullable Instant instant(String text, String path) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				this.problems
					.add(path + ": not an ISO instant with an offset (e.g. 2025-01-08T00:00:00+08:00): '" + text + "'");
				return null;
			}
		}

		private @Nullable Duration duration(JsonNode node, String path) {
			String text = node.asText();
			try {
				Duration duration = Duration.parse(text);
				if (duration.isNegative() || duration.isZero()) {
					this.problems.add(path + ": must be positive: " + text);
					return null;
				}
				return duration;
			}
			catch (DateTimeParseException ex) {
				this.problems.add(path + ": not an ISO duration (e.g. PT30S, PT6H, P7D): '" + text + "'");
				return null;
			}
		}

		private String text(JsonNode root, String key, String path) {
			JsonNode node = root.get(key);
			if (node == null || !node.isTextual() || node.asText().isBlank()) {
				this.problems.add(path + key + ": missing or blank");
				return "unnamed";
			}
			return node.asText();
		}

		private void unknownKeys(JsonNode node, Set<String> known, String path) {
			node.fieldNames().forEachRemaining((key) -> {
				if (!known.contains(key)) {
					this.problems.add(path + key + ": unknown key (known: "
							+ String.join(", ", known.stream().sorted().toList()) + ")");
				}
			});
		}

	}

}
