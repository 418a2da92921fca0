package org.lantian.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mosquitto and one influxd per test JVM, started on first use and stopped by a
 * shutdown hook, which also deletes their temporary directory. Tests isolate themselves
 * with their own database ({@link #newDatabaseName()}) and topics.
 */
public final class LocalInfrastructure {

	private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static LocalInfrastructure shared;

	private static RuntimeException startFailure;

	private final Path directory;

	private final MosquittoProcess mosquitto;

	private final InfluxdProcess influxd;

	private LocalInfrastructure(Path directory) {
		this.directory = directory;
		this.mosquitto = new MosquittoProcess(directory.resolve("mosquitto"));
		this.influxd = new InfluxdProcess(directory.resolve("influxd"));
	}

	/**
	 * Returns the JVM's infrastructure, starting mosquitto and influxd on the first call.
	 * If that fails, this and every later call fail with the same cause, so that each
	 * test class reports it without waiting for another start.
	 * @return the running infrastructure
	 * @throws IllegalStateException if a binary is missing or would not start
	 */
	public static synchronized LocalInfrastructure shared() {
		if (shared == null && startFailure == null) {
			try {
				shared = start();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
			}
		}
		if (startFailure != null) {
			throw new IllegalStateException(
					"Local mosquitto and influxd are not available: " + startFailure.getMessage(), startFailure);
		}
		return shared;
	}

	private static LocalInfrastructure start() {
		Path directory = createTempDirectory();
		Thread hook = null;
		try {
			LocalInfrastructure infrastructure = new LocalInfrastructure(directory);
			hook = new Thread(infrastructure::shutDown, "lantian-it-infrastructure-shutdown");
			Runtime.getRuntime().addShutdownHook(hook);
			infrastructure.mosquitto.start();
			infrastructure.influxd.start();
			LOG.info("Started {} and {} for integration tests; data in {}, output in {}", infrastructure.mosquitto,
					infrastructure.influxd, directory, ChildProcess.logDirectory());
			return infrastructure;
		}
		catch (RuntimeException ex) {
			if (hook == null) {
				deleteRecursively(directory);
			}
			throw ex;
		}
	}

	public MosquittoProcess mosquitto() {
		return this.mosquitto;
	}

	public InfluxdProcess influxd() {
		return this.influxd;
	}

	/**
	 * Creates an empty directory that the shutdown hook deletes, for example a spool
	 * directory.
	 * @param prefix the start of the directory's name
	 * @return the new directory
	 */
	public Path newTempDirectory(String prefix) {
		try {
			return Files.createTempDirectory(this.directory, prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create a directory in " + this.directory, ex);
		}
	}

	/**
	 * Returns a fresh database name; InfluxDB keeps each test's data apart by database.
	 * @return {@code it_<16 hex digits>}
	 */
	public static String newDatabaseName() {
		return "it_" + randomHex();
	}

	/**
	 * Returns 16 random hex digits, for unique names of databases, clients and topics.
	 * @return the digits
	 */
	public static String randomHex() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private void shutDown() {
		try {
			this.mosquitto.stop();
		}
		finally {
			try {
				this.influxd.stop();
			}
			finally {
				deleteRecursively(this.directory);
			}
		}
	}

	private static Path createTempDirectory() {
		try {
			return Files.createTempDirectory("lantian-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create a temporary directory", ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			LOG.warn("Could not delete {}: {}", directory, ex.getMessage());
		}
	}

}
