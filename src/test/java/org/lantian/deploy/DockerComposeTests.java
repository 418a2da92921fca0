package org.lantian.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static checks of docker-compose.yml, the Dockerfile, the mosquitto configuration and
 * the Grafana provisioning. Dev and CI machines have no Docker engine (docs/adr/0005), so
 * these files are never run here: this test is what keeps them consistent with each other
 * and with the code.
 */
class DockerComposeTests {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

	private final JsonNode compose = yaml("docker-compose.yml");

	private final Map<String, JsonNode> services = services(this.compose);

	private final Dockerfile dockerfile = Dockerfile.read(file("Dockerfile"));

	@Test
	void startsTheWholeStackWithPinnedImages() {
		assertThat(this.services).containsKeys("mosquitto", "influxdb", "grafana", "lantian", "simulators");
		this.services.forEach((name, service) -> {
			String image = text(service, "image");
			assertThat(image).as("image of %s", name).isNotEmpty();
			String tag = image.substring(image.lastIndexOf(':') + 1);
			assertThat(image).as("image of %s is pinned", name).contains(":");
			assertThat(tag).as("image of %s", name).isNotEqualTo("latest").doesNotContain("/");
		});
		// INTERFACES §1: InfluxDB over the v1 HTTP API; the issue asks for 1.8 or newer.
		String influx = text(this.services.get("influxdb"), "image");
		assertThat(influx).matches("influxdb:1\\.(8|9|1[0-9])\\.[0-9]+.*");
		assertThat(this.dockerfile.images()).hasSize(2).allSatisfy((image) -> {
			assertThat(image).contains(":");
			assertThat(image).doesNotEndWith(":latest");
		});
	}

	@Test
	void dependenciesNameServicesOfThisFile() {
		this.services.forEach((name, service) -> {
			JsonNode dependsOn = service.path("depends_on");
			List<String> names = new ArrayList<>();
			if (dependsOn.isArray()) {
				dependsOn.forEach((dependency) -> names.add(dependency.asText()));
			}
			else {
				dependsOn.fieldNames().forEachRemaining(names::add);
			}
			assertThat(names).as("depends_on of %s", name).allSatisfy((dependency) -> {
				assertThat(this.services).containsKey(dependency);
				assertThat(dependency).isNotEqualTo(name);
			});
		});
		assertThat(dependencies("lantian")).contains("mosquitto", "influxdb");
		assertThat(dependencies("simulators")).contains("mosquitto", "lantian");
		assertThat(dependencies("grafana")).contains("influxdb");
	}

	@Test
	void buildsFromTheDockerfileInTheRepository() {
		this.services.forEach((name, service) -> {
			JsonNode build = service.path("build");
			if (build.isMissingNode()) {
				return;
			}
			String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
			String dockerfile = build.path("dockerfile").asText("Dockerfile");
			assertThat(root().resolve(context)).as("build context of %s", name).isDirectory();
			assertThat(root().resolve(context).resolve(dockerfile)).as("Dockerfile of %s", name).isRegularFile();
		});
		assertThat(this.services.get("lantian").has("build")).isTrue();
		// The simulators run from Lantian's image (the Spring Boot jar holds both mains).
		assertThat(text(this.services.get("simulators"), "image"))
			.isEqualTo(text(this.services.get("lantian"), "image"));
	}

	@Test
	void mountsOnlyFilesThatExistAndVolumesThatAreDeclared() {
		Set<String> declared = new HashSet<>();
		this.compose.path("volumes").fieldNames().forEachRemaining(declared::add);
		this.services.forEach((name, service) -> {
			for (Mount mount : mounts(service)) {
				if (mount.bind()) {
					assertThat(root().resolve(mount.source())).as("bind mount %s of %s", mount.source(), name).exists();
				}
				else {
					assertThat(declared).as("named volume %s of %s", mount.source(), name).contains(mount.source());
				}
			}
			service.path("env_file").forEach((envFile) -> assertThat(root().resolve(envFile.asText())).exists());
		});
	}

	@Test
	void publishesEachPortOnceAndOnLoopbackByDefault() {
		Set<Integer> hostPorts = new HashSet<>();
		this.services.forEach((name, service) -> {
			for (Port port : ports(service)) {
				assertThat(hostPorts.add(port.published())).as("host port %d of %s is unique", port.published(), name)
					.isTrue();
				// Every port stays on this host unless an operator overrides an address
				// variable on purpose (README "docker compose").
				assertThat(port.hostIp()).as("host address of %s port %d", name, port.published())
					.isEqualTo("127.0.0.1");
			}
		});
		assertThat(ports(this.services.get("lantian"))).extracting(Port::target).contains(8080, 9212);
		assertThat(this.dockerfile.exposed()).contains(8080, 9212);
	}

	@Test
	void everyRequiredVariableHasADevelopmentValue() throws IOException {
		Map<String, String> dev = envFile(file("src/main/docker/dev.env"));
		Matcher matcher = VARIABLE.matcher(Files.readString(file("docker-compose.yml")));
		while (matcher.find()) {
			String operator = matcher.group(2);
			boolean hasDefault = operator != null && operator.endsWith("-");
			if (!hasDefault) {
				assertThat(dev).as("src/main/docker/dev.env sets %s", matcher.group(1)).containsKey(matcher.group(1));
			}
		}
		// ApiKeyProperties: keys have at least 16 characters, or Lantian refuses to
		// start.
		Map<String, String> environment = environment(this.services.get("lantian"));
		environment.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches("LANTIAN_API_KEYS_[0-9]+_KEY"))
			.forEach((entry) -> assertThat(interpolate(entry.getValue(), dev)).as(entry.getKey())
				.hasSizeGreaterThanOrEqualTo(16));
	}

	@Test
	void lantianVariablesNameRealConfigurationProperties() throws IOException {
		List<PropertiesRecord> records = PropertiesRecord.scan(root().resolve("src/main/java"));
		assertThat(records).extracting(PropertiesRecord::prefix)
			.contains("lantian.mqtt", "lantian.influx", "lantian.api", "lantian.hj212", "lantian.spool");
		Map<String, String> variables = new LinkedHashMap<>(this.dockerfile.environment());
		variables.putAll(environment(this.services.get("lantian")));
		assertThat(variables).containsKeys("LANTIAN_MQTT_URL", "LANTIAN_INFLUX_URL", "LANTIAN_API_KEYS_0_KEY",
				"LANTIAN_HJ212_BIND_ADDRESS");
		variables.keySet()
			.stream()
			.filter((name) -> name.startsWith("LANTIAN_"))
			.forEach((name) -> assertThat(PropertiesRecord.binds(records, name))
				.as("%s binds to a component of a @ConfigurationProperties record", name)
				.isTrue());
		assertThat(PropertiesRecord.binds(records, "LANTIAN_MQTT_ULR")).isFalse();
	}

	@Test
	void lantianAndTheSimulatorsReachTheOtherServicesByName() {
		Map<String, String> lantian = environment(this.services.get("lantian"));
		assertThat(lantian).containsKeys("LANTIAN_MQTT_URL", "LANTIAN_INFLUX_URL", "LANTIAN_INFLUX_DATABASE");
		int mqttPort = mosquittoListener();
		assertThat(URI.create(lantian.get("LANTIAN_MQTT_URL"))).satisfies((url) -> {
			assertThat(url.getHost()).isEqualTo("mosquitto");
			assertThat(url.getPort()).isEqualTo(mqttPort);
		});
		assertThat(URI.create(lantian.get("LANTIAN_INFLUX_URL"))).satisfies((url) -> {
			assertThat(url.getHost()).isEqualTo("influxdb");
			assertThat(url.getPort()).isEqualTo(8086);
		});
		assertThat(lantian.get("LANTIAN_INFLUX_DATABASE"))
			.isEqualTo(environment(this.services.get("influxdb")).get("INFLUXDB_DB"));
		// In its own network namespace Lantian must listen on all interfaces
		// (application.yaml
		// binds loopback), or the published ports lead nowhere.
		assertThat(this.dockerfile.environment()).containsEntry("SERVER_ADDRESS", "0.0.0.0")
			.containsEntry("LANTIAN_HJ212_BIND_ADDRESS", "0.0.0.0");

		Map<String, String> arguments = options(this.services.get("simulators").path("command"));
		assertThat(URI.create(arguments.get("--mqtt"))).satisfies((url) -> {
			assertThat(url.getHost()).isEqualTo("mosquitto");
			assertThat(url.getPort()).isEqualTo(mqttPort);
		});
		assertThat(arguments.get("--hj212")).isEqualTo("lantian:9212");
	}

	@Test
	void simulatorsRunAScenarioFileThatIsInTheImage() {
		JsonNode simulators = this.services.get("simulators");
		String scenario = options(simulators.path("command")).get("--scenario");
		String workingDir = simulators.path("working_dir").asText(this.dockerfile.workdir());
		String inImage = scenario.startsWith("/") ? scenario : workingDir + "/" + scenario;
		assertThat(this.dockerfile.hostPathOf(inImage)).as("%s is copied into the image", inImage)
			.hasValue("simulators/scenarios/live.yaml");
		assertThat(file("simulators/scenarios/live.yaml")).isRegularFile();
		// The way scripts/hj212-decode starts another main class from the Boot jar.
		String entrypoint = String.join(" ", strings(simulators.path("entrypoint")));
		assertThat(entrypoint).contains("-Dloader.main=org.lantian.simulator.SimulatorMain")
			.contains("org.springframework.boot.loader.launch.PropertiesLauncher")
			.contains("-cp /app/app.jar");
		assertThat(this.dockerfile.copies())
			.anySatisfy((copy) -> assertThat(copy.destination()).isEqualTo("/app/app.jar"));
		assertThat(simulators.path("healthcheck").path("disable").asBoolean()).isTrue();
	}

	@Test
	void dockerfileCopiesWhatExistsAndBuildsAllSources() throws IOException {
		List<Copy> fromContext = this.dockerfile.copies().stream().filter((copy) -> copy.stage() == null).toList();
		assertThat(fromContext).isNotEmpty()
			.allSatisfy((copy) -> assertThat(root().resolve(copy.source())).as("COPY %s", copy.source()).exists());
		List<String> ignored = dockerIgnore();
		assertThat(fromContext).allSatisfy((copy) -> assertThat(ignored).as(".dockerignore vs COPY %s", copy.source())
			.noneMatch((pattern) -> copy.source().equals(pattern) || copy.source().startsWith(pattern + "/")));
		// Every source root the pom adds (build-helper) must be in the build stage.
		Matcher source = Pattern.compile("<source>([^<]+)</source>").matcher(Files.readString(file("pom.xml")));
		List<String> copied = fromContext.stream().map(Copy::source).toList();
		while (source.find()) {
			String root = source.group(1);
			assertThat(copied).as("the build stage copies %s", root)
				.anyMatch((copy) -> root.equals(copy) || root.startsWith(copy + "/"));
		}
		assertThat(this.dockerfile.user()).as("runs as a non-root user").isNotEmpty().isNotIn("root", "0");
		assertThat(this.dockerfile.healthcheck()).contains("/actuator/health");
		assertThat(this.dockerfile.entrypoint()).contains("$JAVA_OPTS").contains("-jar /app/app.jar");
	}

	@Test
	void mosquittoKeepsQueuedMessagesLikeScriptsRun() throws IOException {
		Map<String, String> config = mosquittoConfig();
		assertThat(mounts(this.services.get("mosquitto"))).anySatisfy((mount) -> {
			assertThat(mount.source()).isEqualTo("./src/main/docker/mosquitto/mosquitto.conf");
			assertThat(mount.target()).isEqualTo("/mosquitto/config/mosquitto.conf");
		});
		assertThat(config).containsEntry("persistence", "true");
		String location = config.get("persistence_location");
		// On a named volume, so that sessions and queues outlive the container.
		assertThat(mounts(this.services.get("mosquitto"))).anySatisfy((mount) -> {
			assertThat(location).startsWith(mount.target() + "/");
			assertThat(mount.bind()).isFalse();
		});
		// Lantian's persistent QoS 1 session must not lose messages while it is behind or
		// down (docs/adr/0002): the same limits as scripts/run and the IT harness.
		String run = Files.readString(file("scripts/run"));
		for (String key : List.of("max_queued_messages", "max_queued_bytes", "max_inflight_messages")) {
			Matcher matcher = Pattern.compile("(?m)^\\s*" + key + "\\s+(\\S+)$").matcher(run);
			assertThat(matcher.find()).as("scripts/run sets %s", key).isTrue();
			assertThat(config).as(key).containsEntry(key, matcher.group(1));
		}
		assertThat(Long.parseLong(config.get("max_queued_messages"))).isGreaterThanOrEqualTo(1_000_000L);
		assertThat(ports(this.services.get("mosquitto"))).extracting(Port::target).containsExactly(mosquittoListener());
	}

	@Test
	void grafanaIsProvisionedWithTheInfluxdbServiceAndItsDashboards() throws IOException {
		JsonNode grafana = this.services.get("grafana");
		List<Mount> mounts = mounts(grafana);
		Map<String, String> grafanaEnvironment = environment(grafana);
		Path provisioning = hostPath(mounts, "/etc/grafana/provisioning");

		JsonNode datasources = yaml(provisioning.resolve("datasources/influxdb.yaml")).path("datasources");
		assertThat(datasources).hasSize(1);
		JsonNode influx = datasources.get(0);
		assertThat(influx.path("type").asText()).isEqualTo("influxdb");
		URI url = URI.create(grafanaValue(influx.path("url").asText(), grafanaEnvironment));
		assertThat(this.services).containsKey(url.getHost());
		assertThat(url.getHost()).isEqualTo("influxdb");
		assertThat(url.getPort()).isEqualTo(8086);
		assertThat(grafanaValue(influx.path("jsonData").path("dbName").asText(), grafanaEnvironment))
			.isEqualTo(environment(this.services.get("influxdb")).get("INFLUXDB_DB"))
			.isEqualTo(environment(this.services.get("lantian")).get("LANTIAN_INFLUX_DATABASE"));
		String datasourceUid = influx.path("uid").asText();
		assertThat(datasourceUid).isNotEmpty();

		JsonNode providers = yaml(provisioning.resolve("dashboards/lantian.yaml")).path("providers");
		assertThat(providers).isNotEmpty();
		for (JsonNode provider : providers) {
			Path dashboards = hostPath(mounts,
					grafanaValue(provider.path("options").path("path").asText(), grafanaEnvironment));
			List<Path> files;
			try (Stream<Path> listing = Files.list(dashboards)) {
				files = listing.filter((path) -> path.toString().endsWith(".json")).toList();
			}
			assertThat(files).as("dashboards in %s", dashboards).isNotEmpty();
			for (Path dashboard : files) {
				JsonNode json = JSON.readTree(dashboard.toFile());
				assertThat(json.path("uid").asText()).as("fixed uid of %s", dashboard).isNotEmpty();
				assertThat(json.findValues("datasource")).as("data sources of %s", dashboard)
					.allSatisfy((datasource) -> assertThat(datasource.path("uid").asText()).isEqualTo(datasourceUid));
			}
		}
	}

	/**
	 * A provisioning value with {@code $NAME} and {@code ${NAME}} expanded from the
	 * service's environment, as Grafana does; an unset variable fails.
	 */
	private static String grafanaValue(String value, Map<String, String> environment) {
		Matcher matcher = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?").matcher(value);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String replacement = environment.get(matcher.group(1));
			assertThat(replacement).as("grafana's environment sets %s", matcher.group(1)).isNotNull();
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		return matcher.appendTail(out).toString();
	}

	private List<String> dependencies(String service) {
		List<String> names = new ArrayList<>();
		JsonNode dependsOn = this.services.get(service).path("depends_on");
		if (dependsOn.isArray()) {
			dependsOn.forEach((dependency) -> names.add(dependency.asText()));
		}
		else {
			dependsOn.fieldNames().forEachRemaining(names::add);
		}
		return names;
	}

	private int mosquittoListener() {
		String listener = mosquittoConfig().get("listener");
		assertThat(listener).as("mosquitto.conf has a listener").isNotNull();
		return Integer.parseInt(listener.split("\\s+")[0]);
	}

	private static Map<String, String> mosquittoConfig() {
		Map<String, String> config = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file("src/main/docker/mosquitto/mosquitto.conf"))) {
				String trimmed = line.strip();
				if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
					String[] parts = trimmed.split("\\s+", 2);
					config.put(parts[0], (parts.length > 1) ? parts[1] : "");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return config;
	}

	private static Path hostPath(List<Mount> mounts, String containerPath) {
		for (Mount mount : mounts) {
			if (mount.bind()
					&& (containerPath.equals(mount.target()) || containerPath.startsWith(mount.target() + "/"))) {
				return root().resolve(mount.source())
					.resolve(containerPath.substring(mount.target().length()).replaceFirst("^/", ""));
			}
		}
		throw new AssertionError("no bind mount provides " + containerPath + " in " + mounts);
	}

	private static List<String> dockerIgnore() throws IOException {
		Path file = file(".dockerignore");
		if (!Files.exists(file)) {
			return List.of();
		}
		return Files.readAllLines(file)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
			.map((line) -> line.replaceFirst("^/", "").replaceFirst("/$", ""))
			.toList();
	}

	private static Map<String, JsonNode> services(JsonNode compose) {
		Map<String, JsonNode> services = new LinkedHashMap<>();
		compose.path("services").fields().forEachRemaining((entry) -> services.put(entry.getKey(), entry.getValue()));
		return services;
	}

	private static Map<String, String> environment(JsonNode service) {
		Map<String, String> environment = new LinkedHashMap<>();
		JsonNode node = service.path("environment");
		if (node.isArray()) {
			node.forEach((entry) -> {
				String[] parts = entry.asText().split("=", 2);
				environment.put(parts[0], (parts.length > 1) ? parts[1] : "");
			});
		}
		else {
			node.fields().forEachRemaining((entry) -> environment.put(entry.getKey(), entry.getValue().asText()));
		}
		return environment;
	}

	private static List<String> strings(JsonNode node) {
		List<String> strings = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((item) -> strings.add(item.asText()));
		}
		else if (!node.isMissingNode()) {
			strings.addAll(List.of(node.asText().split("\\s+")));
		}
		return strings;
	}

	/** {@code --name value} pairs of a command. */
	private static Map<String, String> options(JsonNode command) {
		List<String> words = strings(command);
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < words.size(); i++) {
			if (words.get(i).startsWith("--") && i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
				options.put(words.get(i), words.get(++i));
			}
		}
		return options;
	}

	private static List<Mount> mounts(JsonNode service) {
		List<Mount> mounts = new ArrayList<>();
		for (JsonNode volume : service.path("volumes")) {
			if (volume.isTextual()) {
				String[] parts = interpolate(volume.asText(), Map.of()).split(":");
				String source = parts[0];
				mounts.add(new Mount(source, parts[1],
						source.startsWith(".") || source.startsWith("/") || source.startsWith("~")));
			}
			else {
				mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText(),
						"bind".equals(volume.path("type").asText())));
			}
		}
		return mounts;
	}

	private static List<Port> ports(JsonNode service) {
		List<Port> ports = new ArrayList<>();
		for (JsonNode port : service.path("ports")) {
			if (port.isTextual()) {
				String[] parts = interpolate(port.asText(), Map.of()).replaceFirst("/(tcp|udp)$", "").split(":");
				assertThat(parts).as("port %s names host address, host port and container port", port.asText())
					.hasSize(3);
				ports.add(new Port(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
			}
			else {
				ports.add(new Port(port.path("host_ip").asText(""), port.path("published").asInt(),
						port.path("target").asInt()));
			}
		}
		return ports;
	}

	/**
	 * Resolves compose variables as an empty environment would, except for the given
	 * values: {@code ${X:-default}} gives the default, {@code ${X:?message}} and
	 * {@code ${X}} give {@code <X>}.
	 */
	private static String interpolate(String text, Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String operator = matcher.group(2);
			String value;
			if (values.containsKey(name)) {
				value = values.get(name);
			}
			else if (operator != null && operator.endsWith("-")) {
				value = matcher.group(3);
			}
			else {
				value = "<" + name + ">";
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString().replace("$$", "$");
	}

	private static Map<String, String> envFile(Path file) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				String[] parts = trimmed.split("=", 2);
				values.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return values;
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asText("");
	}

	private static JsonNode yaml(String name) {
		return yaml(file(name));
	}

	private static JsonNode yaml(Path file) {
		try {
			return YAML.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not parse " + file, ex);
		}
	}

	private static Path file(String name) {
		return root().resolve(name);
	}

	private static Path root() {
		return Path.of("").toAbsolutePath();
	}

	private record Mount(String source, String target, boolean bind) {
	}

	private record Port(String hostIp, int published, int target) {
	}

	private record Copy(String stage, String source, String destination) {
	}

	/** The few instructions of a Dockerfile this test looks at, final stage first. */
	private record Dockerfile(List<String> images, List<Copy> copies, Map<String, String> environment,
			List<Integer> exposed, String workdir, String user, String healthcheck, String entrypoint) {

		private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

		static Dockerfile read(Path file) {
			List<String> instructions = new ArrayList<>();
			try {
				StringBuilder current = new StringBuilder();
				for (String line : Files.readAllLines(file)) {
					String trimmed = line.strip();
					if (trimmed.startsWith("#") && current.isEmpty()) {
						continue;
					}
					if (trimmed.endsWith("\\")) {
						current.append(trimmed, 0, trimmed.length() - 1).append(' ');
						continue;
					}
					current.append(trimmed);
					if (!current.toString().isBlank()) {
						instructions.add(current.toString().strip());
					}
					current.setLength(0);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			List<String> images = new ArrayList<>();
			List<Copy> copies = new ArrayList<>();
			Map<String, String> environment = new LinkedHashMap<>();
			List<Integer> exposed = new ArrayList<>();
			String workdir = "/";
			String user = "";
			String healthcheck = "";
			String entrypoint = "";
			for (String instruction : instructions) {
				String[] parts = instruction.split("\\s+", 2);
				String keyword = parts[0].toUpperCase();
				String rest = (parts.length > 1) ? parts[1] : "";
				switch (keyword) {
					case "FROM" -> {
						images.add(rest.split("\\s+")[0]);
						// Only the final stage's instructions describe the image.
						environment.clear();
						exposed.clear();
						workdir = "/";
						user = "";
					}
					case "COPY" -> copies.addAll(copy(rest, workdir));
					case "ENV" -> {
						Matcher matcher = ENV_PAIR.matcher(rest);
						while (matcher.find()) {
							environment.put(matcher.group(1), matcher.group(2).replace("\"", ""));
						}
					}
					case "EXPOSE" -> {
						for (String port : rest.split("\\s+")) {
							exposed.add(Integer.parseInt(port.replaceFirst("/(tcp|udp)$", "")));
						}
					}
					case "WORKDIR" -> workdir = rest.startsWith("/") ? rest : workdir + "/" + rest;
					case "USER" -> user = rest;
					case "HEALTHCHECK" -> healthcheck = rest;
					case "ENTRYPOINT" -> entrypoint = rest;
					default -> {
					}
				}
			}
			return new Dockerfile(images, copies, environment, exposed, workdir, user, healthcheck, entrypoint);
		}

		private static List<Copy> copy(String arguments, String workdir) {
			String stage = null;
			List<String> words = new ArrayList<>();
			for (String word : arguments.split("\\s+")) {
				if (word.startsWith("--from=")) {
					stage = word.substring("--from=".length());
				}
				else if (!word.startsWith("--")) {
					words.add(word);
				}
			}
			String destination = words.get(words.size() - 1);
			if (!destination.startsWith("/")) {
				destination = workdir + "/" + destination;
			}
			destination = destination.replaceAll("/\\./|/\\.$", "/").replaceAll("/+", "/");
			List<Copy> copies = new ArrayList<>();
			for (String source : words.subList(0, words.size() - 1)) {
				copies.add(new Copy(stage, source.replaceFirst("^\\./", "").replaceFirst("/$", ""), destination));
			}
			return copies;
		}

		/**
		 * The repository path that a COPY from the build context puts at {@code path}.
		 */
		java.util.Optional<String> hostPathOf(String path) {
			for (Copy copy : this.copies) {
				String destination = copy.destination().replaceFirst("/$", "");
				if (copy.stage() == null && path.startsWith(destination + "/")) {
					return java.util.Optional.of(copy.source() + path.substring(destination.length()));
				}
			}
			return java.util.Optional.empty();
		}

	}

	/**
	 * A {@code @ConfigurationProperties} record of src/main: its prefix and components.
	 */
	private record PropertiesRecord(String prefix, Set<String> components) {

		private static final Pattern ANNOTATION = Pattern.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)");

		private static final Pattern ANY_ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\((?:[^()\"]|\"[^\"]*\")*\\))?");

		static List<PropertiesRecord> scan(Path sources) throws IOException {
			List<PropertiesRecord> records = new ArrayList<>();
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					String text = Files.readString(file);
					Matcher matcher = ANNOTATION.matcher(text);
					if (matcher.find()) {
						records.add(new PropertiesRecord(matcher.group(1), components(text, matcher.end())));
					}
				}
			}
			return records;
		}

		private static Set<String> components(String text, int from) {
			int start = text.indexOf('(', text.indexOf("record ", from));
			int depth = 0;
			int end = start;
			boolean quoted = false;
			for (int i = start; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && c == '(') {
					depth++;
				}
				else if (!quoted && c == ')' && --depth == 0) {
					end = i;
					break;
				}
			}
			String header = ANY_ANNOTATION.matcher(text.substring(start + 1, end)).replaceAll(" ");
			String previous;
			do {
				previous = header;
				header = header.replaceAll("<[^<>]*>", "");
			}
			while (!header.equals(previous));
			Set<String> components = new HashSet<>();
			for (String component : header.split(",")) {
				String[] words = component.strip().split("\\s+");
				components.add(words[words.length - 1].toLowerCase());
			}
			return components;
		}

		/**
		 * Whether Spring's relaxed binding takes the environment variable to a component
		 * of a record: {@code LANTIAN_HJ212_BIND_ADDRESS} → {@code lantian.hj212} and
		 * {@code bindAddress}, {@code LANTIAN_API_KEYS_0_KEY} → {@code lantian.api} and
		 * {@code keys}.
		 */
		static boolean binds(List<PropertiesRecord> records, String variable) {
			PropertiesRecord best = null;
			for (PropertiesRecord record : records) {
				String prefix = record.prefix().toUpperCase().replace('.', '_').replace("-", "") + "_";
				if (variable.startsWith(prefix)
						&& (best == null || record.prefix().length() > best.prefix().length())) {
					best = record;
				}
			}
			if (best == null) {
				return false;
			}
			String rest = variable.substring(best.prefix().length() + 1);
			StringBuilder name = new StringBuilder();
			for (String segment : rest.split("_")) {
				if (segment.matches("[0-9]+")) {
					break;
				}
				name.append(segment.toLowerCase());
				if (best.components().contains(name.toString())) {
					return true;
				}
			}
			return false;
		}

	}

}
