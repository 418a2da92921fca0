package org.lantian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load benchmarks share: reading Lantian's actuator, waiting, the machine's CPU,
 * and sampling the service's heap.
 */
final class BenchSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.E+-]+)");

	private BenchSupport() {
	}

	/**
	 * Command-line options {@code name=value} (a bare {@code name} is an empty value), in
	 * order.
	 */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		return options;
	}

	/** The body of a GET. */
	static String get(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Posts line protocol to an InfluxDB {@code /write} URI.
	 * @throws IllegalStateException unless InfluxDB answers 204
	 */
	static void writeLines(URI write, String lines) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(write).POST(HttpRequest.BodyPublishers.ofString(lines)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 204) {
			throw new IllegalStateException("InfluxDB answered " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * A meter's value from {@code /actuator/metrics/<name>}, or 0 when it cannot be read.
	 */
	static double metric(String base, String name) {
		try {
			Matcher matcher = VALUE.matcher(get(base + "/actuator/metrics/" + name));
			return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("gave up after " + timeout);
			}
			Thread.sleep(100);
		}
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/** The CPU's model name from {@code /proc/cpuinfo}. */
	static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	/** Samples Lantian's used heap every second through its actuator. */
	static final class HeapSampler extends Thread {

		private final String base;

		private volatile long maxBytes;

		HeapSampler(String base) {
			super("heap-sampler");
			this.base = base;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				this.maxBytes = Math.max(this.maxBytes, (long) metric(this.base, "jvm.memory.used?tag=area:heap"));
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long maxBytes() {
			return this.maxBytes;
		}

	}

}
