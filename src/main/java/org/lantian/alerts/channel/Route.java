package org.lantian.alerts.channel;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lantian.alerts.Alert;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.Severity;

/**
 * Who gets which alert changes, and where: a role's contacts, for some cities, from a
 * minimum severity. An enterprise's route gets only the alerts of that enterprise's
 * sites; the other roles get every site's (and city-wide) alerts.
 *
 * @param enterprise the enterprise of an enterprise route
 * @param cities the cities, or empty for all
 * @param changes the changes, or empty for all
 */
record Route(String name, Role role, @Nullable String enterprise, Set<String> cities, Severity minSeverity,
		Set<ChangeType> changes, List<String> webhooks, List<String> emails) {

	enum Role {

		BUREAU, ENTERPRISE, EMERGENCY, ADMIN

	}

	Route {
		cities = Set.copyOf(cities);
		changes = Set.copyOf(changes);
		webhooks = List.copyOf(webhooks);
		emails = List.copyOf(emails);
		if (role == Role.ENTERPRISE && (enterprise == null || enterprise.isBlank())) {
			throw new IllegalArgumentException("route '" + name + "': an enterprise route needs its enterprise");
		}
		for (String url : webhooks) {
			if (!url.startsWith("http://") && !url.startsWith("https://")) {
				throw new IllegalArgumentException("route '" + name + "': webhook is not an http(s) URL: " + url);
			}
		}
		for (String address : emails) {
			if (address.indexOf('@') < 1) {
				throw new IllegalArgumentException("route '" + name + "': not an e-mail address: " + address);
			}
		}
	}

	/** The route of a configuration entry, or an exception naming what is wrong. */
	static Route from(ChannelProperties.RouteProperties properties, int index) {
		String name = (properties.name() != null) ? properties.name() : "routes[" + index + "]";
		Role role;
		try {
			role = Role.valueOf(properties.role().trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("route '" + name + "': unknown role '" + properties.role()
					+ "' (bureau, enterprise, emergency or admin)");
		}
		Set<ChangeType> changes = properties.changes()
			.stream()
			.map((key) -> ChangeType.fromKey(key.trim()))
			.collect(Collectors.toSet());
		return new Route(name, role, properties.enterprise(), Set.copyOf(properties.cities()),
				Severity.fromKey(properties.minSeverity().trim()), changes, properties.webhooks(), properties.emails());
	}

	boolean matches(Alert alert, ChangeType change) {
		if (this.role == Role.ENTERPRISE && !this.enterprise.equals(alert.enterprise())) {
			return false;
		}
		if (!this.cities.isEmpty() && (alert.city() == null || !this.cities.contains(alert.city()))) {
			return false;
		}
		return alert.severity().compareTo(this.minSeverity) >= 0
				&& (this.changes.isEmpty() || this.changes.contains(change));
	}

}
