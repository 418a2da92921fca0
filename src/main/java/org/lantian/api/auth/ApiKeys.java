package org.lantian.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The configured keys, looked up by their SHA-256 digest so that the comparison does not
 * depend on how much of a guessed key is right, and so that no key is kept in plain text
 * after start.
 */
final class ApiKeys {

	private final Map<String, ApiCaller> callersByDigest;

	private ApiKeys(Map<String, ApiCaller> callersByDigest) {
		this.callersByDigest = Map.copyOf(callersByDigest);
	}

	static ApiKeys of(List<ApiKeyProperties.Key> keys) {
		Map<String, ApiCaller> callers = new HashMap<>();
		for (ApiKeyProperties.Key key : keys) {
			Role role = Role.fromKey(key.role());
			String name = (key.name() != null) ? key.name() : role.name().toLowerCase(java.util.Locale.ROOT)
					+ ((key.enterprise() != null) ? ":" + key.enterprise() : "");
			ApiCaller caller = new ApiCaller(name, role, (role == Role.ENTERPRISE) ? key.enterprise() : null);
			if (callers.put(digest(key.key()), caller) != null) {
				throw new IllegalArgumentException("API key of '" + name + "' is configured twice");
			}
		}
		return new ApiKeys(callers);
	}

	Optional<ApiCaller> find(@Nullable String presented) {
		if (presented == null || presented.isEmpty()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.callersByDigest.get(digest(presented)));
	}

	int size() {
		return this.callersByDigest.size();
	}

	private static String digest(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
