package org.lantian.rules.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Measurand;
import org.springframework.boot.convert.DurationStyle;

/**
 * Typed access to a rule's parameters; every failure names the parameter, and
 * {@link #requireNoOthers()} rejects names the type does not know (typos).
 */
final class Parameters {

	private final Map<String, JsonNode> values;

	private final Set<String> known = new TreeSet<>();

	Parameters(Map<String, JsonNode> values) {
		this.values = values;
	}

	private @Nullable JsonNode node(String name) {
		this.known.add(name);
		JsonNode node = this.values.get(name);
		return (node == null || node.isNull()) ? null : node;
	}

	@Nullable BigDecimal decimal(String name) {
		JsonNode node = node(name);
		if (node == null) {
			return null;
		}
		if (!node.isNumber()) {
			throw new ParameterException(name, "must be a number, was '" + node.asText() + "'");
		}
		return node.decimalValue();
	}

	BigDecimal requiredDecimal(String name) {
		BigDecimal value = decimal(name);
		if (value == null) {
			throw new ParameterException(name, "required");
		}
		return value;
	}

	BigDecimal positive(String name) {
		BigDecimal value = requiredDecimal(name);
		if (value.signum() <= 0) {
			throw new ParameterException(name, "must be positive, was " + value.toPlainString());
		}
		return value;
	}

	int integer(String name, int fallback) {
		JsonNode node = node(name);
		if (node == null) {
			return fallback;
		}
		if (!node.canConvertToInt() || !node.isIntegralNumber()) {
			throw new ParameterException(name, "must be a whole number, was '" + node.asText() + "'");
		}
		return node.intValue();
	}

	boolean bool(String name, boolean fallback) {
		Boolean value = bool(name);
		return (value != null) ? value : fallback;
	}

	@Nullable Boolean bool(String name) {
		JsonNode node = node(name);
		if (node == null) {
			return null;
		}
		if (!node.isBoolean()) {
			throw new ParameterException(name, "must be true or false, was '" + node.asText() + "'");
		}
		return node.booleanValue();
	}

	@Nullable Duration duration(String name) {
		JsonNode node = node(name);
		if (node == null) {
			return null;
		}
		return parseDuration(name, node.asText());
	}

	Duration duration(String name, Duration fallback) {
		Duration value = duration(name);
		return (value != null) ? value : fallback;
	}

	Duration requiredDuration(String name) {
		Duration value = duration(name);
		if (value == null) {
			throw new ParameterException(name, "required (e.g. 15m, 2h, 30s)");
		}
		return value;
	}

	static Duration parseDuration(String name, String text) {
		try {
			Duration duration = DurationStyle.detectAndParse(text);
			if (duration.isNegative()) {
				throw new ParameterException(name, "must not be negative, was '" + text + "'");
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			if (ex instanceof ParameterException) {
				throw ex;
			}
			throw new ParameterException(name, "not a duration: '" + text + "' (e.g. 15m, 2h, 30s)");
		}
	}

	Measurand measurand(String name) {
		JsonNode node = node(name);
		if (node == null) {
			throw new ParameterException(name, "required (a key such as so2, pm25, nh3)");
		}
		return measurand(name, node.asText());
	}

	Set<Measurand> measurands(String name, Set<Measurand> fallback) {
		Set<Measurand> keys = EnumSet.noneOf(Measurand.class);
		for (String text : strings(name)) {
			keys.add(measurand(name, text));
		}
		return (this.values.containsKey(name)) ? keys : fallback;
	}

	Set<DataFlag> flags(String name) {
		Set<DataFlag> flags = EnumSet.noneOf(DataFlag.class);
		for (String text : strings(name)) {
			try {
				flags.add(DataFlag.parse(text));
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(name, ex.getMessage());
			}
		}
		if (flags.isEmpty()) {
			throw new ParameterException(name, "required: a list of HJ 212 data flags, e.g. [D]");
		}
		return flags;
	}

	Set<String> strings(String name) {
		JsonNode node = node(name);
		Set<String> texts = new LinkedHashSet<>();
		if (node == null) {
			return texts;
		}
		if (node.isArray()) {
			node.forEach((item) -> texts.add(item.asText()));
		}
		else if (node.isValueNode()) {
			texts.add(node.asText());
		}
		else {
			throw new ParameterException(name, "must be a list");
		}
		return texts;
	}

	private static Measurand measurand(String name, String text) {
		return Measurand.fromKey(text)
			.orElseThrow(() -> new ParameterException(name, "unknown key '" + text + "' (known: "
					+ String.join(", ", List.of(Measurand.values()).stream().map(Measurand::key).toList()) + ")"));
	}

	/** Fails on a parameter the type does not read. */
	void requireNoOthers() {
		List<String> unknown = new ArrayList<>();
		for (String name : this.values.keySet()) {
			if (!this.known.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new ParameterException(unknown.get(0), "unknown parameter" + (this.known.isEmpty()
					? " (this type takes none)" : " (known: " + String.join(", ", this.known) + ")"));
		}
	}

	/** A parameter that is missing or wrong. */
	static final class ParameterException extends IllegalArgumentException {

		private final String parameter;

		ParameterException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

	}

}
