package org.lantian.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools
 * Protocol with nothing but the JDK's WebSocket client and Jackson: it starts the browser
 * with {@code --remote-debugging-port=0}, reads the DevTools address from its standard
 * error, attaches to the first page and sends commands ({@code Page.navigate},
 * {@code Runtime.evaluate}, {@code Input.insertText}, {@code Page.captureScreenshot}).
 */
final class HeadlessChromium implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final Path profile;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final WebSocket socket;

	private HeadlessChromium(Process process, Path profile, String pageSocket) {
		this.process = process;
		this.profile = profile;
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create(pageSocket), new Listener())
			.join();
	}

	/** The browser binary: {@code chromium} on the PATH, or in /usr/bin. */
	static Path binary() {
		Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map(Path::of);
		return Stream.concat(path, Stream.of(Path.of("/usr/bin")))
			.flatMap((dir) -> Stream.of(dir.resolve("chromium"), dir.resolve("chromium-browser")))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"chromium is not installed (PATH, /usr/bin): run scripts/install-deps.sh (Debian package chromium)"));
	}

	static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("lantian-chromium-");
		List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless=new",
				"--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
				"--window-size=" + width + "," + height, "--no-first-run", "--no-default-browser-check",
				"--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--lang=en-US"));
		if ("root".equals(System.getProperty("user.name"))) {
			// Chromium refuses to start its sandbox as root (CI containers run as root)
			command.add("--no-sandbox");
		}
		command.add("about:blank");
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		CompletableFuture<String> address = new CompletableFuture<>();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader err = new BufferedReader(
					new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = err.readLine()) != null) {
					lines.add(line);
					Matcher matcher = DEVTOOLS.matcher(line);
					if (matcher.find()) {
						address.complete(matcher.group(1));
					}
				}
			}
			catch (IOException ex) {
				// the browser is gone
			}
			address.completeExceptionally(new IllegalStateException("chromium ended: " + lines));
		}, "chromium-stderr");
		reader.setDaemon(true);
		reader.start();
		String browserSocket;
		try {
			browserSocket = address.get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new IllegalStateException("chromium did not print its DevTools address: " + lines, ex);
		}
		URI browser = URI.create(browserSocket);
		String list = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		String page = null;
		for (JsonNode target : JSON.readTree(list)) {
			if ("page".equals(target.path("type").asText())) {
				page = target.path("webSocketDebuggerUrl").asText();
				break;
			}
		}
		if (page == null) {
			throw new IllegalStateException("chromium has no page target: " + list);
		}
		HeadlessChromium chromium = new HeadlessChromium(process, profile, page);
		chromium.output.addAll(lines);
		chromium.send("Page.enable", Map.of());
		chromium.send("Runtime.enable", Map.of());
		return chromium;
	}

	/** Sends a DevTools command and waits for its result. */
	JsonNode send(String method, Map<String, ?> params) {
		int id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.pending.put(id, answer);
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("method", method);
		message.set("params", JSON.valueToTree(params));
		try {
			this.socket.sendText(JSON.writeValueAsString(message), true).join();
			JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			if (reply.has("error")) {
				throw new IllegalStateException(method + " failed: " + reply.get("error"));
			}
			return reply.path("result");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(method + " got no answer: " + ex, ex);
		}
		finally {
			this.pending.remove(id);
		}
	}

	void navigate(String url) {
		JsonNode result = send("Page.navigate", Map.of("url", url));
		if (result.hasNonNull("errorText")) {
			throw new IllegalStateException("navigation to " + url + " failed: " + result.get("errorText"));
		}
	}

	/**
	 * Evaluates a JavaScript expression in the page (promises awaited) and returns its
	 * value as JSON; a thrown exception fails.
	 */
	JsonNode evaluate(String expression) {
		JsonNode result = send("Runtime.evaluate",
				Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
		if (result.has("exceptionDetails")) {
			throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
		}
		return result.path("result").path("value");
	}

	/** Types text into the focused element, as a keyboard would. */
	void type(String text) {
		send("Input.insertText", Map.of("text", text));
	}

	/**
	 * Saves a PNG of the whole page (beyond the viewport) and returns its size in bytes.
	 */
	long screenshot(Path file) throws IOException {
		JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
		JsonNode size = metrics.path("cssContentSize");
		double width = Math.max(1, size.path("width").asDouble(1400));
		double height = Math.min(Math.max(1, size.path("height").asDouble(1000)), 8000);
		JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip",
				Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
		Files.createDirectories(file.getParent());
		Files.write(file, png);
		return png.length;
	}

	/**
	 * Waits until the JavaScript condition holds in the page.
	 * @throws AssertionError after {@code timeout}, with the condition and what the
	 * browser said
	 */
	void waitFor(String condition, Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(200))
				.alias(condition)
				.until(() -> evaluate("Boolean(" + condition + ")").asBoolean());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "; browser console: " + output(), ex);
		}
	}

	/** Types the API key into the dashboard's login form and submits it. */
	void logIn(String key) {
		evaluate("document.querySelector('#api-key').value = ''; document.querySelector('#api-key').focus()");
		type(key);
		evaluate("document.querySelector('#login-form button[type=submit]').click()");
	}

	/**
	 * What the browser said: its standard error and the page's console, less D-Bus noise.
	 */
	List<String> output() {
		return this.output.stream().filter((line) -> !line.contains("dbus") && !line.isBlank()).toList();
	}

	@Override
	public void close() throws IOException {
		try {
			this.socket.abort();
		}
		finally {
			this.process.descendants().forEach(ProcessHandle::destroy);
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.descendants().forEach(ProcessHandle::destroyForcibly);
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				String message = this.text.toString();
				this.text.setLength(0);
				try {
					JsonNode json = JSON.readTree(message);
					if (json.has("id")) {
						CompletableFuture<JsonNode> answer = HeadlessChromium.this.pending.get(json.get("id").asInt());
						if (answer != null) {
							answer.complete(json);
						}
					}
					else if ("Runtime.consoleAPICalled".equals(json.path("method").asText())
							|| "Runtime.exceptionThrown".equals(json.path("method").asText())) {
						HeadlessChromium.this.output.add(json.path("params").toString());
					}
				}
				catch (IOException ex) {
					HeadlessChromium.this.output.add("unreadable DevTools message: " + ex.getMessage());
				}
			}
			webSocket.request(1);
			return null;
		}

	}

}
