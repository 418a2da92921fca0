package org.lantian.rules.config;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteKind;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.rules.Severity;
import org.lantian.rules.evaluation.Clearing;
import org.lantian.rules.evaluation.FlagRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates a rules file: {@code rules:} followed by one entry per rule. Every
 * problem is reported at once, each naming the rule (id and position) and the field; site
 * ids, cities, industries, fuels and limit profiles must exist in the catalogue, so that
 * a typo cannot silently select nothing.
 */
public final class RulesFile {

	private static final Logger LOG = LoggerFactory.getLogger(RulesFile.class);

	private static final List<String> KINDS = Arrays.stream(SiteKind.values()).map(SiteKind::key).toList();

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final Set<String> FIELDS = Set.of("id", "type", "severity", "description", "enabled", "appliesTo",
			"clearMargin", "clearFor", "parameters");

	private static final Set<String> SELECTOR_FIELDS = Set.of("sites", "kinds", "cities", "industries", "fuels",
			"limitProfiles");

	private RulesFile() {
	}

	/**
	 * The enabled rules of the file, in file order.
	 * @param name the file's name for error messages
	 * @throws InvalidRulesException naming every problem
	 */
	public static List<RuleDefinition> read(InputStream in, String name, SiteCatalogue catalogue, ZoneId zone) {
		JsonNode document;
		try {
			document = YAML.readTree(in);
		}
		catch (JsonProcessingException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw new InvalidRulesException(name, List.of("not YAML: " + ex.getOriginalMessage() + where));
		}
		catch (IOException ex) {
			throw new InvalidRulesException(name, List.of("cannot be read: " + ex.getMessage()));
		}
		if (document == null || !document.path("rules").isArray()) {
			throw new InvalidRulesException(name, List.of("no 'rules:' list"));
		}
		List<String> problems = new ArrayList<>();
		List<RuleDefinition> rules = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Vocabulary vocabulary = new Vocabulary(catalogue);
		int index = 0;
		for (JsonNode entry : document.path("rules")) {
			String id = entry.path("id").asText("");
			String where = "rules[" + index + "]" + (id.isEmpty() ? "" : " '" + id + "'");
			index++;
			List<String> entryProblems = new ArrayList<>();
			RuleDefinition rule = entry(entry, vocabulary, zone, entryProblems);
			entryProblems.forEach((problem) -> problems.add(where + ": " + problem));
			if (rule == null) {
				continue;
			}
			if (!ids.add(rule.id())) {
				problems.add(where + ": id: duplicate id '" + rule.id() + "'");
			}
			if (entry.path("enabled").asBoolean(true)) {
				rules.add(rule);
				warnAboutFlow(name, rule, catalogue, zone);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRulesException(name, problems);
		}
		return List.copyOf(rules);
	}

	private static RuleDefinition entry(JsonNode entry, Vocabulary vocabulary, ZoneId zone, List<String> problems) {
		if (!entry.isObject()) {
			problems.add("must be a mapping of id, type, severity, …");
			return null;
		}
		for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
			String field = names.next();
			if (!FIELDS.contains(field)) {
				problems.add(field + ": unknown field (known: " + String.join(", ", new TreeSet<>(FIELDS)) + ")");
			}
		}
		String id = entry.path("id").asText("");
		if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
			problems.add("id: required, lower-case letters, digits, '-', '_' or '.', was '" + id + "'");
		}
		RuleType type = null;
		try {
			type = RuleType.fromKey(required(entry, "type"));
		}
		catch (IllegalArgumentException ex) {
			problems.add("type: " + ex.getMessage());
		}
		Severity severity = null;
		try {
			severity = Severity.fromKey(required(entry, "severity"));
		}
		catch (IllegalArgumentException ex) {
			problems.add("severity: " + ex.getMessage());
		}
		if (entry.has("enabled") && !entry.get("enabled").isBoolean()) {
			problems.add("enabled: must be true or false");
		}
		Clearing clearing = clearing(entry, problems);
		SiteSelector selector = selector(entry.path("appliesTo"), vocabulary, problems);
		Map<String, JsonNode> parameters = new LinkedHashMap<>();
		JsonNode params = entry.path("parameters");
		if (!params.isMissingNode() && !params.isNull()) {
			if (!params.isObject()) {
				problems.add("parameters: must be a mapping");
			}
			else {
				params.fields().forEachRemaining((field) -> parameters.put(field.getKey(), field.getValue()));
			}
		}
		if (type == null || severity == null || clearing == null || selector == null || !problems.isEmpty()) {
			return null;
		}
		RuleDefinition rule = new RuleDefinition(id, type, severity, entry.path("description").asText(""), selector,
				clearing, parameters);
		try {
			type.create(rule, zone, OxygenCorrection.standard());
		}
		catch (Parameters.ParameterException ex) {
			problems.add("parameters." + ex.parameter() + ": " + ex.getMessage());
			return null;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add("parameters: " + ex.getMessage());
			return null;
		}
		return rule;
	}

	/**
	 * A flag rule that watches production by a share of the design flow cannot judge a
	 * stack without {@code designFlow}: not an error, since the same rules file serves
	 * every catalogue, but said once per rule. Ambient sites report no flue gas flow and
	 * are not named.
	 */
	private static void warnAboutFlow(String name, RuleDefinition rule, SiteCatalogue catalogue, ZoneId zone) {
		if (rule.type() != RuleType.FLAG) {
			return;
		}
		FlagRule flag = (FlagRule) rule.type().create(rule, zone, OxygenCorrection.standard());
		if (!flag.watchesProduction()) {
			return;
		}
		if (rule.parameters().containsKey("flowAbove") && rule.parameters().containsKey("flowShare")) {
			LOG.warn("Rules file {}: rule '{}' gives both flowAbove and flowShare; flowAbove applies to every site and"
					+ " flowShare is unused", name, rule.id());
		}
		Set<String> unjudged = new TreeSet<>();
		for (Site site : catalogue.sites()) {
			if (site.kind() == SiteKind.STACK && rule.appliesTo().matches(site)
					&& flag.productionThreshold(site).isEmpty()) {
				unjudged.add(site.id().value());
			}
		}
		if (!unjudged.isEmpty()) {
			List<String> shown = unjudged.stream().limit(10).toList();
			LOG.warn(
					"Rules file {}: rule '{}' judges flags while the flow shows production as a share of the design"
							+ " flow; {} stack(s) of the catalogue have no designFlow and get no such judgement: {}{}",
					name, rule.id(), unjudged.size(), String.join(", ", shown),
					(unjudged.size() > shown.size()) ? ", …" : "");
		}
	}

	private static String required(JsonNode entry, String field) {
		JsonNode node = entry.path(field);
		if (!node.isValueNode() || node.asText().isBlank()) {
			throw new IllegalArgumentException("required");
		}
		return node.asText();
	}

	private static Clearing clearing(JsonNode entry, List<String> problems) {
		BigDecimal margin = Clearing.DEFAULT.margin();
		Duration duration = Clearing.DEFAULT.duration();
		JsonNode marginNode = entry.path("clearMargin");
		if (!marginNode.isMissingNode()) {
			if (!marginNode.isNumber() || marginNode.decimalValue().signum() < 0
					|| marginNode.decimalValue().compareTo(BigDecimal.ONE) >= 0) {
				problems
					.add("clearMargin: must be a fraction in [0, 1) (0.05 = 5 %), was '" + marginNode.asText() + "'");
				return null;
			}
			margin = marginNode.decimalValue();
		}
		JsonNode forNode = entry.path("clearFor");
		if (!forNode.isMissingNode()) {
			try {
				duration = Parameters.parseDuration("clearFor", forNode.asText());
			}
			catch (IllegalArgumentException ex) {
				problems.add("clearFor: " + ex.getMessage());
				return null;
			}
		}
		return new Clearing(margin, duration);
	}

	private static SiteSelector selector(JsonNode node, Vocabulary vocabulary, List<String> problems) {
		if (node.isMissingNode() || node.isNull()) {
			return SiteSelector.ALL;
		}
		if (!node.isObject()) {
			problems.add("appliesTo: must be a mapping of sites, kinds, cities, industries, fuels, limitProfiles");
			return null;
		}
		int before = problems.size();
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String field = names.next();
			if (!SELECTOR_FIELDS.contains(field)) {
				problems.add("appliesTo." + field + ": unknown field (known: "
						+ String.join(", ", new TreeSet<>(SELECTOR_FIELDS)) + ")");
			}
		}
		Set<String> sites = names(node, "sites", vocabulary.sites, problems);
		Set<String> kindKeys = names(node, "kinds", Set.of("ambient", "stack"), problems);
		Set<String> cities = names(node, "cities", vocabulary.cities, problems);
		Set<String> industries = names(node, "industries", vocabulary.industries, problems);
		Set<String> fuels = names(node, "fuels", vocabulary.fuels, problems);
		Set<String> profiles = names(node, "limitProfiles", vocabulary.profiles, problems);
		if (problems.size() > before) {
			return null;
		}
		Set<SiteKind> kinds = new HashSet<>();
		kindKeys.forEach((key) -> kinds.add(SiteKind.fromKey(key)));
		return new SiteSelector(sites, kinds, cities, industries, fuels, profiles);
	}

	private static Set<String> names(JsonNode selector, String field, Set<String> known, List<String> problems) {
		JsonNode node = selector.path(field);
		Set<String> names = new TreeSet<>();
		if (node.isMissingNode() || node.isNull()) {
			return names;
		}
		if (node.isValueNode()) {
			names.add(node.asText());
		}
		else if (node.isArray()) {
			node.forEach((item) -> names.add(item.asText()));
		}
		else {
			problems.add("appliesTo." + field + ": must be a list");
			return names;
		}
		for (String name : names) {
			if (field.equals("kinds") && !KINDS.contains(name)) {
				problems.add(
						"appliesTo.kinds: '" + name + "' is not a site kind (one of " + String.join(", ", KINDS) + ")");
			}
			else if (!known.contains(name)) {
				// a rule for what this catalogue lacks matches nothing: the same rules
				// file serves
				// every catalogue (tests, load runs, other regions), so this is not an
				// error
				LOG.warn("Rules file: appliesTo.{}: '{}' is not in the site catalogue (known: {}); the selector matches"
						+ " nothing of it", field, name, String.join(", ", new TreeSet<>(known)));
			}
		}
		return names;
	}

	/** What a selector may name: the values the catalogue holds. */
	private static final class Vocabulary {

		private final Set<String> sites = new HashSet<>();

		private final Set<String> cities = new HashSet<>();

		private final Set<String> industries = new HashSet<>();

		private final Set<String> fuels = new HashSet<>();

		private final Set<String> profiles = new HashSet<>();

		Vocabulary(SiteCatalogue catalogue) {
			for (Site site : catalogue.sites()) {
				this.sites.add(site.id().value());
				this.cities.add(site.city());
				add(this.industries, site.industry());
				add(this.fuels, site.fuel());
				add(this.profiles, site.limitProfile());
			}
		}

		private static void add(Set<String> set, String value) {
			if (value != null) {
				set.add(value);
			}
		}

	}

}
