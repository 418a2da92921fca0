package org.lantian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lantian.infra.FreePort;
import org.lantian.infra.LantianProcess;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.MosquittoProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AQI aggregation's throughput end to end (issue 5): {@code stations} ambient
 * stations of one city with {@code days} days of minute samples of the six pollutants,
 * written straight into InfluxDB as Lantian stores them; then Lantian recomputes the
 * whole range ({@code POST /api/v1/admin/recompute}) — hourly means from the minutes,
 * real-time and daily reports of every station and of the city, all written back — and
 * the run reports station-hours per second and the CPU per station-hour of Lantian and
 * InfluxDB. Then the year's scorecard of the city is asked {@code scorecards} times
 * ({@code GET /api/v1/scorecard}, if the endpoint exists) and its latency reported.
 * <p>
 * {@code bench/aqi-aggregation stations=10 days=365}
 */
public final class AqiAggregationBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(AqiAggregationBenchmark.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String CITY = "基准市";

	private static final String ADMIN = "bench-admin-key-000000000001";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Map<String, String> options;

	private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();

	private AqiAggregationBenchmark(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		System.setProperty(MosquittoProcess.AUTOSAVE_INTERVAL_PROPERTY, "60");
		Map<String, String> options = BenchSupport.options(args);
		int status = 1;
		try {
			new AqiAggregationBenchmark(options).run();
			status = 0;
		}
		catch (Exception ex) {
			LOG.error("AQI aggregation run failed", ex);
		}
		finally {
			System.exit(status);
		}
	}

	private void run() throws Exception {
		int stations = Integer.parseInt(this.options.getOrDefault("stations", "10"));
		int days = Integer.parseInt(this.options.getOrDefault("days", "365"));
		int scorecards = Integer.parseInt(this.options.getOrDefault("scorecards", "20"));
		LocalDate first = LocalDate.parse(this.options.getOrDefault("start", "2025-01-01"));
		String machine = BenchSupport.cpuModel();
		LOG.info("AQI aggregation run on {}: {} stations × {} days of minute samples from {}", machine, stations, days,
				first);

		String database = LocalInfrastructure.newDatabaseName();
		URI write = URI.create(this.infrastructure.influxd().url() + "/write?precision=ms&db=" + database);
		BenchSupport.get(this.infrastructure.influxd().url() + "/query?q=CREATE+DATABASE+" + database);
		long points = writeSamples(write, stations, first, days);

		int httpPort = FreePort.find();
		Map<String, String> properties = BenchSupport.lantianProperties(this.infrastructure, database);
		properties.put("lantian.sites", catalogue(stations).toString());
		properties.put("lantian.hj212.port", "0");
		properties.put("lantian.airquality.enabled", "false");
		properties.put("lantian.api.keys[0].key", ADMIN);
		properties.put("lantian.api.keys[0].role", "admin");
		LantianProcess lantian = new LantianProcess(httpPort, properties,
				Path.of("target", "bench-logs", "lantian-aqi.log"));
		lantian.start();
		String base = "http://127.0.0.1:" + httpPort;
		CpuTime cpu = new CpuTime(Map.of("lantian", lantian.pid(), "influxd", this.infrastructure.influxd().pid()));
		long stationHours = (long) stations * days * 24;
		double seconds;
		Map<String, Double> cpuPerHour;
		double[] scorecardMillis;
		try {
			int warmup = Math.min(days, Integer.parseInt(this.options.getOrDefault("warmup-days", "30")));
			if (warmup > 0) {
				LOG.info("warm-up: recomputing the first {} days (not measured)", warmup);
				recompute(base, first, first.plusDays(warmup));
			}
			Map<String, Double> before = cpu.sample();
			long start = System.nanoTime();
			recompute(base, first, first.plusDays(days));
			seconds = BenchSupport.seconds(System.nanoTime() - start);
			cpuPerHour = CpuTime.perItem(before, cpu.sample(), stationHours);
			scorecardMillis = scorecards(base, first.getYear(), scorecards);
		}
		finally {
			lantian.stop();
		}
		String report = report(machine, stations, days, points, stationHours, seconds, cpuPerHour, scorecardMillis);
		Path out = Path.of(this.options.getOrDefault("out", "bench/results"));
		Files.createDirectories(out);
		Path file = out
			.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").format(Instant.now().atOffset(ZoneOffset.UTC))
					+ "-aqi-aggregation.md");
		Files.writeString(file, report);
		LOG.info("Results written to {}:\n{}", file, report);
	}

	/** Recomputes [first, end) and waits until the job is done, logging its progress. */
	private static void recompute(String base, LocalDate first, LocalDate end) throws InterruptedException {
		String from = first.atStartOfDay(ZONE).toOffsetDateTime().toString();
		String to = end.atStartOfDay(ZONE).toOffsetDateTime().toString();
		String job = post(base + "/api/v1/admin/recompute", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
		String location = base + "/api/v1/admin/recompute/" + field(job, "\"id\":\"([^\"]+)\"");
		String status = "queued";
		long lastLog = System.nanoTime();
		while (!status.equals("done")) {
			Thread.sleep(100);
			String answer = get(location);
			status = field(answer, "\"status\":\"([a-z]+)\"");
			if (status.equals("failed")) {
				throw new IllegalStateException("recomputation failed: " + answer);
			}
			if (System.nanoTime() - lastLog > 5_000_000_000L) {
				lastLog = System.nanoTime();
				LOG.info("recomputing: {} of {} hours", field(answer, "\"hoursDone\":(\\d+)"),
						field(answer, "\"hoursTotal\":(\\d+)"));
			}
		}
	}

	/** Minute samples of every station, written a day of a station at a time. */
	private long writeSamples(URI write, int stations, LocalDate first, int days)
			throws IOException, InterruptedException {
		SplittableRandom random = new SplittableRandom(2026);
		long points = 0;
		long start = System.nanoTime();
		for (int d = 0; d < days; d++) {
			Instant midnight = first.plusDays(d).atStartOfDay(ZONE).toInstant();
			for (int s = 0; s < stations; s++) {
				StringBuilder lines = new StringBuilder(1440 * 140);
				String tags = "reading,city=" + CITY + ",kind=ambient,period=sample,site=" + site(s);
				for (int m = 0; m < 1440; m++) {
					// a gap of 20 minutes in one hour a day at each station: some invalid
					// hours
					if (m / 60 == (d + s) % 24 && m % 60 < 20) {
						continue;
					}
					lines.append(tags)
						.append(" pm25=")
						.append(random.nextInt(5, 250))
						.append(",pm10=")
						.append(random.nextInt(10, 400))
						.append(",so2=")
						.append(random.nextInt(2, 60))
						.append(",no2=")
						.append(random.nextInt(5, 90))
						.append(",co=")
						.append(random.nextInt(2, 30) / 10.0)
						.append(",o3=")
						.append(random.nextInt(5, 220))
						.append(' ')
						.append(midnight.plusSeconds(60L * m + 10).toEpochMilli())
						.append('\n');
					points++;
				}
				BenchSupport.writeLines(write, lines.toString());
			}
			if (d % 30 == 29) {
				LOG.info("written {} of {} days ({} points)", d + 1, days, points);
			}
		}
		LOG.info("{} samples written in {} s", points,
				String.format("%.1f", BenchSupport.seconds(System.nanoTime() - start)));
		return points;
	}

	private double[] scorecards(String base, int year, int count) throws InterruptedException {
		String url = base + "/api/v1/scorecard?city=" + URLEncoder.encode(CITY, StandardCharsets.UTF_8) + "&year="
				+ year;
		double[] millis = new double[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (response.statusCode() != 200) {
				LOG.warn("scorecard answered {}: {}", response.statusCode(), response.body());
				return new double[0];
			}
		}
		Arrays.sort(millis);
		return millis;
	}

	private static Path catalogue(int stations) throws IOException {
		StringBuilder yaml = new StringBuilder("sites:\n");
		for (int s = 0; s < stations; s++) {
			yaml.append("  - id: ")
				.append(site(s))
				.append("\n    name: 基准站")
				.append(s)
				.append("\n    kind: ambient\n    city: ")
				.append(CITY)
				.append("\n    district: 基准区\n    keyRegion: false\n");
		}
		Path file = Files.createTempFile("bench-aqi-sites-", ".yaml");
		Files.writeString(file, yaml);
		return file;
	}

	private static String site(int index) {
		return String.format("AQI-%02d", index);
	}

	private static String report(String machine, int stations, int days, long points, long stationHours, double seconds,
			Map<String, Double> cpuPerHour, double[] scorecardMillis) {
		long cityHours = (long) days * 24;
		StringBuilder out = new StringBuilder();
		out.append("# AQI aggregation run, ")
			.append(Instant.now().atOffset(ZoneOffset.UTC).withNano(0))
			.append("\n\nMachine: ")
			.append(machine)
			.append(".\n\n| | |\n|---|---|\n");
		out.append(String.format("| stations × days | %d × %d (%,d minute samples) |%n", stations, days, points));
		out.append(
				String.format("| recomputed | %,d station-hours + %,d city-hours, %,d station-days + %,d city-days |%n",
						stationHours, cityHours, (long) stations * days, days));
		out.append(String.format("| wall time | %.1f s |%n", seconds));
		out.append(String.format("| throughput | **%,.0f station-hours/s** (reads, computes and writes) |%n",
				stationHours / seconds));
		cpuPerHour.forEach(
				(name, micros) -> out.append(String.format("| CPU per station-hour, %s | %.0f µs |%n", name, micros)));
		if (scorecardMillis.length > 0) {
			out.append(String.format("| scorecard of the year (%d calls) | median %.1f ms, max %.1f ms |%n",
					scorecardMillis.length, scorecardMillis[scorecardMillis.length / 2],
					scorecardMillis[scorecardMillis.length - 1]));
		}
		else {
			out.append("| scorecard of the year | not measured (no endpoint) |\n");
		}
		return out.toString();
	}

	private static String field(String json, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + regex + " in " + json);
		}
		return matcher.group(1);
	}

	private static String get(String url) throws InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET()).body();
	}

	private static String post(String url, String json) throws InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
		if (response.statusCode() != 202) {
			throw new IllegalStateException("recompute answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
		try {
			return HTTP.send(request.header("Authorization", "Bearer " + ADMIN).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
