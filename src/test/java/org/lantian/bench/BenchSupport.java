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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lantian.infra.LocalInfrastructure;

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

	/**
	 * The rules of {@code bench/ingest-load rules=N} (YAML list items): each for one load
	 * site, cycling through the rule types that look at every reading (threshold,
	 * sustained, rolling mean, rate of change, flat line), with thresholds the load never
	 * reaches — the shape of a province's configuration.
	 */
	static String loadRules(int count, List<String> sites) {
		String[] types = { "threshold", "sustained", "rolling-mean", "rate-of-change", "flat-line" };
		String[] parameters = { "{ key: pm25, above: 4000 }", "{ key: pm10, above: 4000, for: 10m }",
				"{ key: so2, above: 4000, window: 1h }", "{ key: pm25, window: 10m, rise: 100, minLevel: 4000 }",
				"{ key: pm25, samples: 50 }" };
		StringBuilder yaml = new StringBuilder();
		for (int i = 0; i < count; i++) {
			int type = i % types.length;
			yaml.append("  - { id: load-")
				.append(i)
				.append(", type: ")
				.append(types[type])
				.append(", severity: low, appliesTo: { sites: [")
				.append(sites.get(i % sites.size()))
				.append("] }, parameters: ")
				.append(parameters[type])
				.append(" }\n");
		}
		return yaml.toString();
	}

	/** The cumulative buckets of the storage lag histogram: upper bound in s → count. */
	static Map<Double, Double> lagBuckets(String base) {
		Map<Double, Double> buckets = new TreeMap<>();
		Matcher matcher = Pattern
			.compile("lantian_storage_lag_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\} ([0-9.E+-]+)")
			.matcher(get(base + "/actuator/prometheus"));
		while (matcher.find()) {
			double le = matcher.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
					: Double.parseDouble(matcher.group(1));
			buckets.put(le, Double.parseDouble(matcher.group(2)));
		}
		return buckets;
	}

	/**
	 * The upper bound of the first bucket that holds the quantile (the histogram's
	 * resolution).
	 */
	static double quantile(Map<Double, Double> cumulative, double quantile) {
		double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
		for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
			if (total > 0 && bucket.getValue() >= quantile * total) {
				return bucket.getKey();
			}
		}
		return Double.NaN;
	}

	/**
	 * The settings every benchmark gives the Lantian it starts: the shared broker and
	 * InfluxDB, the database, and fresh spool and dead-letter directories.
	 */
	static Map<String, String> lantianProperties(LocalInfrastructure infrastructure, String database) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("lantian.mqtt.url", infrastructure.mosquitto().url());
		properties.put("lantian.mqtt.client-id", "lantian-bench-" + LocalInfrastructure.randomHex());
		properties.put("lantian.influx.url", infrastructure.influxd().url());
		properties.put("lantian.influx.database", database);
		properties.put("lantian.spool.dir", infrastructure.newTempDirectory("bench-spool-").toString());
		properties.put("lantian.deadletters.dir", infrastructure.newTempDirectory("bench-dead-").toString());
		return properties;
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
