package org.lantian.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.lantian.catalogue.SiteCatalogueFile;
import org.lantian.domain.SiteCatalogue;
import org.lantian.simulator.run.LoadPlan;
import org.lantian.simulator.run.RunSettings;
import org.lantian.simulator.run.Runner;
import org.lantian.simulator.scenario.ScenarioFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's command line (issue 4):
 *
 * <pre>
 * simulators/run --scenario simulators/scenarios/live.yaml [--catalogue FILE]
 *     [--mqtt tcp://127.0.0.1:1883] [--hj212 127.0.0.1:9212] [--speed X] [--seed N]
 *     [--start 2026-01-15T00:00:00+08:00] [--client-id ID] [--state-dir var/simulator]
 * simulators/run --load sites=N rate=R seconds=S [link=mqtt_json|hj212_tcp|hj212_mqtt]
 *     [--load-catalogue var/simulator/load-sites.yaml] [--state-dir DIR]
 * </pre>
 *
 * {@code --speed}, {@code --seed} and {@code --start} override the scenario's. The MQTT
 * messages in flight are journalled under {@code --state-dir} (a load run keeps them in
 * memory unless {@code --state-dir} is given). SIGINT and SIGTERM stop the run cleanly:
 * no new samples, then a bounded wait for the outstanding acknowledgements. Exit status 0
 * on a clean end, 1 when something stayed unacknowledged, 2 for a usage error.
 */
public final class SimulatorMain {

	private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

	private SimulatorMain() {
	}

	public static void main(String[] args) throws Exception {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			LOG.error("{}\n{}", ex.getMessage(), Arguments.USAGE);
			System.exit(2);
			return;
		}
		RunSettings settings = RunSettings.of(arguments.mqtt, arguments.hj212Host, arguments.hj212Port,
				arguments.clientId, arguments.mqttJournal());
		Plan plan;
		if (arguments.load != null) {
			LoadPlan load = LoadPlan.create(LoadPlan.Settings.parse(arguments.load),
					(arguments.seed != null) ? arguments.seed : 1L, Instant.now(), arguments.loadCatalogue);
			LOG.info("load mode: {} sites in {}; start Lantian with LANTIAN_SITES={}", load.catalogue().size(),
					load.catalogueFile(), load.catalogueFile().toAbsolutePath());
			plan = load.plan();
		}
		else {
			SiteCatalogue catalogue = readCatalogue(arguments.catalogue);
			plan = ScenarioFile.read(arguments.scenario, catalogue);
			plan = new Plan(plan.name(), (arguments.seed != null) ? arguments.seed : plan.seed(),
					(arguments.start != null) ? arguments.start : plan.start(), plan.end(),
					(arguments.speed != null) ? arguments.speed : plan.speed(), plan.sampleInterval(), plan.points());
		}
		Runner runner = new Runner(plan, settings);
		CountDownLatch finished = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (finished.getCount() > 0) {
				LOG.info("stopping: waiting up to {} s for acknowledgements", settings.stopPatience().toSeconds());
				runner.stop();
				try {
					finished.await(settings.stopPatience().toSeconds() * 2 + 10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, "simulator-stop"));
		int left;
		try {
			left = runner.run();
		}
		finally {
			finished.countDown();
		}
		if (left > 0) {
			System.exit(1);
		}
	}

	private static SiteCatalogue readCatalogue(@Nullable Path file) throws IOException {
		if (file == null) {
			try (InputStream in = SimulatorMain.class.getClassLoader().getResourceAsStream(SiteCatalogueFile.BUNDLED)) {
				if (in == null) {
					throw new IllegalStateException(SiteCatalogueFile.BUNDLED + " is not on the class path");
				}
				return SiteCatalogueFile.read(in, SiteCatalogueFile.BUNDLED);
			}
		}
		try (InputStream in = Files.newInputStream(file)) {
			return SiteCatalogueFile.read(in, file.toString());
		}
	}

	/** The parsed command line. */
	static final class Arguments {

		static final String USAGE = """
				usage: simulators/run --scenario FILE [--catalogue FILE] [--mqtt URL] [--hj212 HOST:PORT]
				                      [--speed X] [--seed N] [--start ISO-INSTANT] [--client-id ID] [--state-dir DIR]
				       simulators/run --load sites=N rate=R seconds=S [link=mqtt_json|hj212_tcp|hj212_mqtt]
				                      [--load-catalogue FILE] [--mqtt URL] [--hj212 HOST:PORT] [--seed N]
				                      [--state-dir DIR]""";

		@Nullable Path scenario;

		@Nullable Path catalogue;

		String mqtt = "tcp://127.0.0.1:1883";

		String hj212Host = "127.0.0.1";

		int hj212Port = 9212;

		@Nullable Double speed;

		@Nullable Long seed;

		@Nullable Instant start;

		String clientId = "lantian-simulator-" + HexFormat.of().toHexDigits((int) ProcessHandle.current().pid());

		Path stateDir = Path.of("var", "simulator");

		boolean stateDirGiven;

		@Nullable List<String> load;

		Path loadCatalogue = Path.of("var", "simulator", "load-sites.yaml");

		/**
		 * Where the MQTT messages in flight are journalled: under the state directory for
		 * a scenario; nowhere (memory) for a load run, which a restart does not resume,
		 * unless {@code --state-dir} is given.
		 */
		@Nullable Path mqttJournal() {
			return (this.load == null || this.stateDirGiven) ? this.stateDir.resolve("mqtt") : null;
		}

		/**
		 * @throws IllegalArgumentException naming the argument that is wrong
		 */
		static Arguments parse(String[] args) {
			Arguments parsed = new Arguments();
			boolean clientIdGiven = false;
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (name.equals("--load")) {
					parsed.load = new ArrayList<>();
					while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
						parsed.load.add(args[++i]);
					}
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				String value = args[++i];
				try {
					switch (name) {
						case "--scenario" -> parsed.scenario = Path.of(value);
						case "--catalogue" -> parsed.catalogue = Path.of(value);
						case "--mqtt" -> parsed.mqtt = URI.create(value).toString();
						case "--hj212" -> {
							int colon = value.lastIndexOf(':');
							if (colon <= 0) {
								throw new IllegalArgumentException("--hj212 expects HOST:PORT, got '" + value + "'");
							}
							parsed.hj212Host = value.substring(0, colon);
							parsed.hj212Port = Integer.parseInt(value.substring(colon + 1));
						}
						case "--speed" -> parsed.speed = Double.parseDouble(value);
						case "--seed" -> parsed.seed = Long.parseLong(value);
						case "--start" -> parsed.start = Instant
							.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value));
						case "--client-id" -> {
							parsed.clientId = value;
							clientIdGiven = true;
						}
						case "--state-dir" -> {
							parsed.stateDir = Path.of(value);
							parsed.stateDirGiven = true;
						}
						case "--load-catalogue" -> parsed.loadCatalogue = Path.of(value);
						default -> throw new IllegalArgumentException("unknown option " + name);
					}
				}
				catch (RuntimeException ex) {
					throw new IllegalArgumentException(name + " " + value + ": " + ex.getMessage(), ex);
				}
			}
			if ((parsed.scenario == null) == (parsed.load == null)) {
				throw new IllegalArgumentException("give either --scenario FILE or --load sites=N rate=R seconds=S");
			}
			if (!clientIdGiven && parsed.scenario != null) {
				// one session per scenario: a restart resumes what the broker had not
				// acknowledged
				parsed.clientId = "lantian-sim-"
						+ parsed.scenario.getFileName().toString().replaceAll("[^A-Za-z0-9-]", "");
			}
			return parsed;
		}

	}

}
