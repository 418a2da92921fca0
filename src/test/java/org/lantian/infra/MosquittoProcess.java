package org.lantian.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mosquitto 2.x broker on a free loopback port, for integration tests. Persistence is
 * on, so {@link #restart()} and {@link #kill()} followed by {@link #start()} keep
 * persistent sessions, their subscriptions and their queued QoS 1 messages.
 */
public final class MosquittoProcess {

	private static final Logger LOG = LoggerFactory.getLogger(MosquittoProcess.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

	/**
	 * The system property that sets {@code autosave_interval} (seconds). Tests that kill
	 * the broker want its state on disk within a second (the default here); the
	 * benchmarks set the deployment's 60 s of scripts/run, since saving the in-memory
	 * database every second costs the broker CPU in proportion to what it holds.
	 */
	public static final String AUTOSAVE_INTERVAL_PROPERTY = "lantian.infra.mosquitto.autosave-interval";

	private final Path binary;

	private final Path directory;

	private volatile int port;

	private ChildProcess process;

	private boolean startedBefore;

	/**
	 * Creates a broker whose configuration and data live in {@code directory}; nothing
	 * runs until {@link #start()}.
	 * @param directory an empty directory owned by this broker
	 */
	public MosquittoProcess(Path directory) {
		this.binary = ExternalBinary.mosquitto();
		this.directory = directory;
		this.port = FreePort.find();
	}

	/**
	 * Starts the broker and waits until it accepts TCP connections. The first start moves
	 * to another port once if the chosen one was taken meanwhile; later starts keep the
	 * port.
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
			this.port = FreePort.find();
			LOG.warn("Port {} was taken before mosquitto could bind it; retrying on {}", taken, this.port);
			launch();
		}
		this.startedBefore = true;
	}

	private void launch() {
		Path config = writeConfig();
		this.process = new ChildProcess("mosquitto-" + this.port,
				List.of(this.binary.toString(), "-c", config.toString()));
		this.process.start(READY_TIMEOUT, this::acceptsConnections);
	}

	/**
	 * Stops the broker gracefully (SIGTERM, which saves the persistence database).
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
		}
	}

	/**
	 * Kills the broker with SIGKILL, as a crash would. What it keeps is what its last
	 * autosave (every second) wrote.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	/**
	 * Stops the broker gracefully and starts it again on the same port with the same data
	 * directory.
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
	 * Returns the broker URL in Paho's form.
	 * @return {@code tcp://127.0.0.1:<port>}
	 */
	public String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/**
	 * Publishes one non-retained QoS 1 message from a short-lived client and returns once
	 * the broker has acknowledged it.
	 * @param topic the topic
	 * @param payload the payload, UTF-8 encoded
	 */
	public void publish(String topic, String payload) {
		publish(topic, payload.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Publishes one non-retained QoS 1 message from a short-lived client and returns once
	 * the broker has acknowledged it.
	 * @param topic the topic
	 * @param payload the payload
	 */
	public void publish(String topic, byte[] payload) {
		String clientId = "lantian-it-publisher-" + LocalInfrastructure.randomHex();
		try (MqttClient client = new MqttClient(url(), clientId, new MemoryPersistence())) {
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(true);
			client.connect(options);
			client.publish(topic, payload, 1, false);
			client.disconnect();
		}
		catch (MqttException ex) {
			throw new IllegalStateException("could not publish to " + topic + " on " + url(), ex);
		}
	}

	private Path writeConfig() {
		Path data = this.directory.resolve("data");
		Path config = this.directory.resolve("mosquitto.conf");
		// As root, mosquitto drops to user "mosquitto", which cannot write our private
		// temporary directory; naming the current user keeps it as it is.
		String text = """
				# Generated by org.lantian.infra.MosquittoProcess for integration tests.
				user %s
				listener %d 127.0.0.1
				allow_anonymous true
				persistence true
				persistence_location %s/
				autosave_interval %d
				max_queued_messages 1000000
				max_queued_bytes 0
				max_inflight_messages 0
				log_dest stdout
				log_type error
				log_type warning
				log_type notice
				log_type information
				log_type subscribe
				log_type unsubscribe
				log_timestamp_format %%Y-%%m-%%dT%%H:%%M:%%S
				""".formatted(System.getProperty("user.name"), this.port, data,
				Integer.getInteger(AUTOSAVE_INTERVAL_PROPERTY, 1));
		try {
			Files.createDirectories(data);
			Files.writeString(config, text);
			return config;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write " + config, ex);
		}
	}

	private boolean acceptsConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "mosquitto on " + url();
	}

}
