package org.lantian.alerts.channel;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lantian.alerts.Alert;
import org.lantian.alerts.ChangeType;
import org.lantian.rules.Severity;

/**
 * Who gets which alert changes and heavy-pollution warning notices, and where: a role's
 * contacts, for some cities, from a minimum severity. An enterprise's route gets only the
 * alerts of that enterprise's sites, and the warnings of the cities whose emergency
 * reduction list names it; the other roles get every site's (and city-wide) alerts and
 * every city's warnings. Severity and changes filter alerts only: a warning has neither.
 *
 * @param enterprise the enterprise of an enterprise route
 * @param cities the cities, or empty for all (alerts and warnings)
 * @param changes the alert changes, or empty for all
 * @param warnings whether the route takes warning notices at all
 */
record Route(String name, Role role, @Nullable String enterprise, Set<String> cities, Severity minSeverity,
		Set<ChangeType> changes, List<String> webhooks, List<String> emails, boolean warnings) {

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
				Severity.fromKey(properties.minSeverity().trim()), changes, properties.webhooks(), properties.emails(),
				properties.warnings());
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

	/**
	 * Whether a warning notice of {@code city} reaches this route.
	 * @param listed the enterprises on the emergency reduction list of that city (应急减排清单:
	 * the listed enterprises of the area)
	 */
	boolean matchesWarning(String city, Set<String> listed) {
		if (!this.warnings) {
			return false;
		}
		if (!this.cities.isEmpty() && !this.cities.contains(city)) {
			return false;
		}
		return this.role != Role.ENTERPRISE || listed.contains(this.enterprise);
	}

}
