package org.lantian.infra;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Lantian as a separate JVM, so that a test can kill it with SIGKILL and start it again
 * on the same spool and MQTT session. Runs the application's own classes and dependencies
 * from this JVM's class path.
 */
public final class LantianProcess {

	private final Map<String, String> properties;

	private final Path log;

	private final int port;

	private Process process;

	public LantianProcess(int port, Map<String, String> properties, Path log) {
		this.port = port;
		this.properties = Map.copyOf(properties);
		this.log = log;
	}

	public void start() throws IOException {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
		// e.g. a flight recording while a benchmark runs
		String extra = System.getenv("LANTIAN_TEST_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(Arrays.asList(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", classPath, "org.lantian.LantianApplication", "--server.port=" + this.port));
		this.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Files.createDirectories(this.log.getParent());
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Lantian exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpResponse<Void> health = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.build(), HttpResponse.BodyHandlers.discarding());
				return health.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** SIGKILL: no shutdown hook, no graceful disconnect, no flush. */
	/** The running service's process id, or -1 (for the benchmarks' CPU accounting). */
	public long pid() {
		return (this.process != null && this.process.isAlive()) ? this.process.pid() : -1;
	}

	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	public void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

}
