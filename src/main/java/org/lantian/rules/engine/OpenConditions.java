package org.lantian.rules.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantian.rules.Severity;
import org.lantian.storage.AlertRecord;

/**
 * The rule conditions that were active when the service stopped, read from the alert
 * journal: one per unresolved alert (open or acknowledged), with the severity the rule
 * engine last published for it — an escalation by the alerts timer is the alert's, not
 * the condition's.
 *
 * @param bySubject subject → rule id → key → severity
 */
record OpenConditions(Map<String, Map<String, Map<String, Severity>>> bySubject) {

	/** Who the alerts module names as the author of the rule engine's changes. */
	static final String BY_RULES = "rules";

	private static final Set<String> RULE_CHANGES = Set.of("raised", "escalated");

	static final OpenConditions NONE = new OpenConditions(Map.of());

	OpenConditions {
		bySubject = Map.copyOf(bySubject);
	}

	/**
	 * @param records every change of every unresolved alert
	 * ({@link org.lantian.storage.AlertJournal#unresolved()})
	 */
	static OpenConditions of(List<AlertRecord> records) {
		Map<String, List<AlertRecord>> byAlert = records.stream()
			.collect(Collectors.groupingBy(AlertRecord::alert, LinkedHashMap::new, Collectors.toList()));
		Map<String, Map<String, Map<String, Severity>>> bySubject = new HashMap<>();
		for (List<AlertRecord> changes : byAlert.values()) {
			List<AlertRecord> ordered = changes.stream().sorted(Comparator.comparingInt(AlertRecord::seq)).toList();
			AlertRecord last = ordered.get(ordered.size() - 1);
			if ("resolved".equals(last.status())) {
				continue;
			}
			Severity severity = severity(ordered.get(0).severity(), Severity.MEDIUM);
			for (AlertRecord change : ordered) {
				if (BY_RULES.equals(change.by()) && RULE_CHANGES.contains(change.change())) {
					severity = severity(change.severity(), severity);
				}
			}
			bySubject.computeIfAbsent(last.subject(), (k) -> new HashMap<>())
				.computeIfAbsent(last.rule(), (k) -> new HashMap<>())
				.put(last.key(), severity);
		}
		return new OpenConditions(bySubject);
	}

	private static Severity severity(String key, Severity otherwise) {
		try {
			return Severity.fromKey(key);
		}
		catch (IllegalArgumentException ex) {
			return otherwise;
		}
	}

	/** The subjects with an open condition of any rule. */
	Set<String> subjects() {
		return this.bySubject.keySet();
	}

	/** The open conditions of one rule and subject: key → severity. */
	Map<String, Severity> of(String rule, String subject) {
		return this.bySubject.getOrDefault(subject, Map.of()).getOrDefault(rule, Map.of());
	}

	/** The open conditions of rules not among {@code rules}: subject → rule → keys. */
	Map<String, Map<String, Map<String, Severity>>> ofRulesOtherThan(Set<String> rules) {
		Map<String, Map<String, Map<String, Severity>>> other = new HashMap<>();
		this.bySubject.forEach((subject, byRule) -> byRule.forEach((rule, keys) -> {
			if (!rules.contains(rule)) {
				other.computeIfAbsent(subject, (k) -> new HashMap<>()).put(rule, keys);
			}
		}));
		return other;
	}

}
