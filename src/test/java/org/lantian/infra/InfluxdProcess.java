package org.lantian.infra;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An InfluxDB 1.x server ({@code influxd}, Debian package {@code influxdb}) on free
 * loopback ports, for integration tests. Its data survives {@link #restart()}.
 */
public final class InfluxdProcess {

	private static final Logger LOG = LoggerFactory.getLogger(InfluxdProcess.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final Path binary;

	private final Path directory;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private volatile int port;

	private volatile int rpcPort;

	private ChildProcess process;

	private boolean startedBefore;

	/**
	 * Creates a server whose configuration and data live in {@code directory}; nothing
	 * runs until {@link #start()}.
	 * @param directory an empty directory owned by this server
	 */
	public InfluxdProcess(Path directory) {
		this.binary = ExternalBinary.influxd();
		this.directory = directory;
		choosePorts();
	}

	private void choosePorts() {
		List<Integer> ports = FreePort.find(2);
		this.port = ports.get(0);
		this.rpcPort = ports.get(1);
	}

	/**
	 * Starts the server and waits until {@code GET /ping} answers 204. The first start
	 * moves to other ports once if a chosen one was taken meanwhile; later starts keep
	 * the ports.
	 */
	public synchronized void start() {
		try {
			launch();
		}
		catch (IllegalStateException ex) {
			if (this.startedBefore || !this.process.printed("address already in use")) {
				throw ex;
			}
			int taken = this.port;
			choosePorts();
			LOG.warn("A port was taken before influxd could bind it (HTTP {}); retrying on HTTP {}, RPC {}", taken,
					this.port, this.rpcPort);
			launch();
		}
		this.startedBefore = true;
	}

	private void launch() {
		Path config = writeConfig();
		this.process = new ChildProcess("influxd-" + this.port,
				List.of(this.binary.toString(), "-config", config.toString()));
		this.process.start(READY_TIMEOUT, this::answersPing);
	}

	/**
	 * Stops the server gracefully (SIGTERM, then SIGKILL after a timeout).
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
		}
	}

	/**
	 * Stops the server and starts it again on the same ports with the same data.
	 */
	public synchronized void restart() {
		stop();
		start();
	}

	/** The running process's id, or -1 (for the benchmarks' CPU accounting). */
	public synchronized long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	public int port() {
		return this.port;
	}

	/**
	 * Returns the base URL of the v1 HTTP API.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Runs a read-only InfluxQL statement ({@code SELECT}, {@code SHOW}) with
	 * {@code GET /query}, for assertions.
	 * @param influxQl the statement
	 * @param database the database it runs in
	 * @return the raw JSON answer; statement errors are inside it, as InfluxDB reports
	 * them with status 200
	 */
	public String query(String influxQl, String database) {
		URI uri = URI.create(url() + "/query?db=" + encode(database) + "&q=" + encode(influxQl));
		return send(HttpRequest.newBuilder(uri).GET(), 200);
	}

	/**
	 * Every row of the first statement's series, column → value (numbers as
	 * {@link BigDecimal}), the series' tags merged in: what is really stored, for
	 * assertions.
	 * @param influxQl a {@code SELECT}
	 * @param database the database it runs in
	 * @return the rows, empty when there is no series
	 */
	public List<Map<String, Object>> rows(String influxQl, String database) {
		JsonNode answer;
		try {
			answer = JSON.readTree(query(influxQl, database));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JsonNode result = answer.path("results").path(0);
		if (result.has("error")) {
			throw new IllegalStateException(influxQl + ": " + result.get("error").asText());
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (JsonNode series : result.path("series")) {
			List<String> columns = new ArrayList<>();
			series.path("columns").forEach((column) -> columns.add(column.asText()));
			for (JsonNode values : series.path("values")) {
				Map<String, Object> row = new LinkedHashMap<>();
				series.path("tags").fields().forEachRemaining((tag) -> row.put(tag.getKey(), tag.getValue().asText()));
				for (int i = 0; i < columns.size(); i++) {
					JsonNode value = values.path(i);
					row.put(columns.get(i), (value.isNull() || value.isMissingNode()) ? null
							: value.isNumber() ? new BigDecimal(value.asText()) : value.asText());
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * The sum of the {@code count} column of a {@code SELECT count(..)}; 0 without
	 * series.
	 */
	public long count(String influxQl, String database) {
		return rows(influxQl, database).stream()
			.mapToLong((row) -> ((BigDecimal) row.get("count")).longValueExact())
			.sum();
	}

	/**
	 * Writes line protocol with millisecond timestamps ({@code POST /write}).
	 * @param database an existing database
	 * @param lineProtocol one or more lines
	 */
	public void write(String database, String lineProtocol) {
		URI uri = URI.create(url() + "/write?db=" + encode(database) + "&precision=ms");
		send(HttpRequest.newBuilder(uri).POST(BodyPublishers.ofString(lineProtocol, StandardCharsets.UTF_8)), 204);
	}

	public void createDatabase(String name) {
		execute("CREATE DATABASE " + identifier(name));
	}

	public void dropDatabase(String name) {
		execute("DROP DATABASE " + identifier(name));
	}

	private void execute(String influxQl) {
		String answer = send(HttpRequest.newBuilder(URI.create(url() + "/query"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("q=" + encode(influxQl))), 200);
		if (answer.contains("\"error\"")) {
			throw new IllegalStateException(influxQl + " failed: " + answer);
		}
	}

	private String send(HttpRequest.Builder request, int expectedStatus) {
		HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
		try {
			HttpResponse<String> response = this.http.send(built, BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != expectedStatus) {
				throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), ex);
		}
	}

	private boolean answersPing() {
		HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build();
		try {
			return this.http.send(ping, BodyHandlers.discarding()).statusCode() == 204;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Path writeConfig() {
		Path config = this.directory.resolve("influxdb.conf");
		// Upstream 1.x reads reporting-disabled; Debian's 1.6 build renamed it to
		// reporting-enabled. Each ignores the other's key.
		String text = """
				# Generated by org.lantian.infra.InfluxdProcess for integration tests.
				reporting-disabled = true
				reporting-enabled = false
				bind-address = %s

				[meta]
				  dir = %s

				[data]
				  dir = %s
				  wal-dir = %s
				  query-log-enabled = false

				[monitor]
				  store-enabled = false

				[http]
				  bind-address = %s
				  log-enabled = false
				""".formatted(toml("127.0.0.1:" + this.rpcPort), toml(this.directory.resolve("meta")),
				toml(this.directory.resolve("data")), toml(this.directory.resolve("wal")),
				toml("127.0.0.1:" + this.port));
		try {
			Files.createDirectories(this.directory);
			Files.writeString(config, text);
			return config;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write " + config, ex);
		}
	}

	private static String toml(Object value) {
		return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String identifier(String name) {
		return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "influxd on " + url();
	}

}
