package org.lantian.alerts.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lantian.alerts.Alert;
import org.lantian.alerts.ChangeType;

/**
 * The webhooks and e-mail addresses an alert change goes to: the union over the routes it
 * matches, each once.
 */
final class Routing {

	private final List<Route> routes;

	Routing(List<Route> routes) {
		this.routes = List.copyOf(routes);
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

	int size() {
		return this.routes.size();
	}

	record Recipients(List<String> webhooks, List<String> emails) {
	}

}
