package org.lantian.alerts.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.lantian.alerts.Alert;
import org.lantian.alerts.ChangeType;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;

/**
 * The webhooks and e-mail addresses an alert change or a warning notice goes to: the
 * union over the routes it matches, each once. Which enterprises a city's warning
 * concerns comes from the emergency reduction list.
 */
final class Routing {

	private final List<Route> routes;

	private final ReductionList reductions;

	Routing(List<Route> routes, ReductionList reductions) {
		this.routes = List.copyOf(routes);
		this.reductions = reductions;
	}

	/** Routing without an emergency reduction list: no enterprise gets warnings. */
	Routing(List<Route> routes) {
		this(routes, ReductionList.of(CutPercents.seedDefault(), List.of(), List.of()));
	}

	Recipients recipients(Alert alert, ChangeType change) {
		Set<String> webhooks = new LinkedHashSet<>();
		Set<String> emails = new LinkedHashSet<>();
		for (Route route : this.routes) {
			if (route.matches(alert, change)) {
				webhooks.addAll(route.webhooks());
				emails.addAll(route.emails());
			}
		}
		return new Recipients(List.copyOf(webhooks), List.copyOf(emails));
	}

	/** The recipients of a warning notice of {@code city}. */
	Recipients warningRecipients(String city) {
		Set<String> listed = this.reductions.entriesOf(city)
			.stream()
			.map(ReductionEntry::enterpriseId)
			.collect(Collectors.toSet());
		Set<String> webhooks = new LinkedHashSet<>();
		Set<String> emails = new LinkedHashSet<>();
		for (Route route : this.routes) {
			if (route.matchesWarning(city, listed)) {
				webhooks.addAll(route.webhooks());
				emails.addAll(route.emails());
			}
		}
		return new Recipients(List.copyOf(webhooks), List.copyOf(emails));
	}

	int size() {
		return this.routes.size();
	}

	record Recipients(List<String> webhooks, List<String> emails) {
	}

}
