package org.lantian.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mosquitto or influxd child process. Its output is appended to
 * {@code target/it-logs/<name>.log}; it is stopped with SIGTERM and, if it does not exit
 * in time, SIGKILL.
 */
final class ChildProcess {

	private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final int LINES_SHOWN_ON_FAILURE = 40;

	private final String name;

	private final List<String> command;

	private final Path log;

	private Process process;

	private long logOffsetAtStart;

	ChildProcess(String name, List<String> command) {
		this.name = name;
		this.command = List.copyOf(command);
		this.log = logDirectory().resolve(name + ".log");
	}

	static Path logDirectory() {
		return Path.of("target", "it-logs").toAbsolutePath();
	}

	Path log() {
		return this.log;
	}

	/**
	 * Starts the process and waits until {@code isReady} holds.
	 * @param readyTimeout how long to wait
	 * @param isReady the readiness probe, polled every 50 ms
	 * @throws IllegalStateException if the process exits or is not ready in time; the
	 * message carries the last lines of its output
	 */
	synchronized void start(Duration readyTimeout, BooleanSupplier isReady) {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		Process started = launch();
		try {
			Awaitility.await(this.name + " ready")
				.atMost(readyTimeout)
				.pollInSameThread()
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> {
					if (!started.isAlive()) {
						throw new IllegalStateException(this.name + " exited with code " + started.exitValue()
								+ " before it was ready. " + lastLines());
					}
					return isReady.getAsBoolean();
				});
		}
		catch (ConditionTimeoutException ex) {
			stop();
			throw new IllegalStateException(
					this.name + " was not ready within " + readyTimeout.toMillis() + " ms. " + lastLines(), ex);
		}
		LOG.info("{} started (pid {}), output in {}", this.name, started.pid(), this.log);
	}

	private Process launch() {
		try {
			Files.createDirectories(this.log.getParent());
			String banner = "=== " + Instant.now() + " " + String.join(" ", this.command) + System.lineSeparator();
			Files.writeString(this.log, banner, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			this.logOffsetAtStart = Files.size(this.log);
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.log.toFile()))
				.start();
			return this.process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + this.name + " (" + this.command + ")", ex);
		}
	}

	/** The running process's id, or -1. */
	synchronized long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Sends SIGTERM (mosquitto then saves its persistence database), waits, then sends
	 * SIGKILL if the process is still running. Does nothing if it is not running.
	 */
	synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				LOG.warn("{} did not stop within {} s after SIGTERM; killing it", this.name, STOP_TIMEOUT.toSeconds());
				running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Sends SIGKILL, as a crash would, and waits for the process to go.
	 */
	synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		try {
			running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Whether the output of the latest start contains {@code text}, ignoring case.
	 * @param text what to look for
	 * @return whether it was printed
	 */
	boolean printed(String text) {
		return outputOfLatestStart().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
	}

	private String lastLines() {
		String[] lines = outputOfLatestStart().split("\\R");
		String tail = String.join(System.lineSeparator(),
				Arrays.copyOfRange(lines, Math.max(0, lines.length - LINES_SHOWN_ON_FAILURE), lines.length));
		return "Last lines of " + this.log + ":" + System.lineSeparator() + tail;
	}

	private String outputOfLatestStart() {
		try (RandomAccessFile file = new RandomAccessFile(this.log.toFile(), "r")) {
			long length = Math.max(0, file.length() - this.logOffsetAtStart);
			byte[] bytes = new byte[(int) Math.min(length, 1 << 20)];
			file.seek(file.length() - bytes.length);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(could not read " + this.log + ": " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
