package org.lantian.simulator.link;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.lantian.simulator.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's one MQTT client (Paho mqttv3 1.2.5; v5 has a QoS 1 publish bug), like a
 * gateway in front of a fleet of devices: QoS 1, a persistent session
 * ({@code cleanSession=false}) and a persistence, so that what the broker has not
 * acknowledged is sent again after a reconnect, and with a journal
 * ({@link JournalFilePersistence}) also after a restart with the same client id; a
 * publish refused while disconnected (or with the in-flight window full) is retried until
 * it is taken. HJ 212 replies on {@code <prefix>/hj212/+/reply} go to the logger of their
 * MN. Thread-safe.
 */
public final class MqttConnection implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);

	private static final int MAX_INFLIGHT = 1000;

	private static final long RETRY_MILLIS = 20;

	private final MqttAsyncClient client;

	private final MqttConnectOptions options = new MqttConnectOptions();

	private final String topicPrefix;

	private final LinkCounters counters;

	private final Map<String, Consumer<String>> replyHandlers = new ConcurrentHashMap<>();

	private final boolean durable;

	private volatile boolean closing;

	/**
	 * @param persistence directory of the journal of unacknowledged messages, or
	 * {@code null} to keep them in memory only (lost when the simulator stops)
	 */
	public MqttConnection(String serverUri, String clientId, @Nullable Path persistence, String topicPrefix,
			LinkCounters counters) {
		this.topicPrefix = Objects.requireNonNull(topicPrefix, "topicPrefix");
		this.counters = counters;
		this.durable = persistence != null;
		MqttClientPersistence store = (persistence != null) ? new JournalFilePersistence(persistence)
				: new MemoryPersistence();
		try {
			this.client = new MqttAsyncClient(serverUri, clientId, store);
		}
		catch (MqttException ex) {
			throw new IllegalArgumentException("cannot create an MQTT client for " + serverUri + ": " + ex, ex);
		}
		this.options.setCleanSession(false);
		this.options.setAutomaticReconnect(true);
		this.options.setMaxReconnectDelay(10_000);
		this.options.setMaxInflight(MAX_INFLIGHT);
		this.options.setKeepAliveInterval(30);
		this.client.setCallback(new Callback());
	}

	/**
	 * Connects, trying again with a growing pause until the broker answers; afterwards
	 * Paho reconnects by itself.
	 */
	public void connect() throws InterruptedException {
		long pause = 500;
		while (!this.closing) {
			try {
				this.client.connect(this.options).waitForCompletion(10_000);
				LOG.info("MQTT connected to {} as {}", this.client.getServerURI(), this.client.getClientId());
				subscribeReplies();
				return;
			}
			catch (MqttException ex) {
				LOG.warn("MQTT connection to {} failed ({}); trying again in {} ms", this.client.getServerURI(),
						ex.getMessage(), pause);
				Thread.sleep(pause);
				pause = Math.min(pause * 2, 10_000);
			}
		}
	}

	public boolean isConnected() {
		return this.client.isConnected();
	}

	/** {@code <prefix>/readings/<siteId>}, INTERFACES §3.1. */
	public String readingsTopic(String siteId) {
		return this.topicPrefix + "/readings/" + siteId;
	}

	/** {@code <prefix>/hj212/<MN>}, INTERFACES §3.2. */
	public String hj212Topic(String mn) {
		return this.topicPrefix + "/hj212/" + mn;
	}

	/** Sends the HJ 212 replies to frames of {@code mn} to {@code handler}. */
	public void onReplies(String mn, Consumer<String> handler) {
		this.replyHandlers.put(mn, handler);
	}

	/**
	 * Publishes with QoS 1, not retained; waits while disconnected or while the in-flight
	 * window is full.
	 * @throws InterruptedException when interrupted or closed while waiting
	 */
	public void publish(String topic, String payload) throws InterruptedException {
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		while (true) {
			if (this.closing) {
				throw new InterruptedException("MQTT connection closed");
			}
			try {
				this.client.publish(topic, bytes, 1, false);
				return;
			}
			catch (MqttException ex) {
				int reason = ex.getReasonCode();
				if (reason != MqttException.REASON_CODE_MAX_INFLIGHT
						&& reason != MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
						&& reason != MqttException.REASON_CODE_CONNECT_IN_PROGRESS
						&& reason != MqttException.REASON_CODE_CLIENT_DISCONNECTING) {
					LOG.warn("MQTT publish on {} refused ({}); trying again", topic, ex.getMessage());
				}
				Thread.sleep(RETRY_MILLIS);
			}
		}
	}

	/** Messages published and not yet acknowledged by the broker. */
	public int inFlight() {
		return this.client.getPendingDeliveryTokens().length;
	}

	/**
	 * Waits at most {@code patience} for the broker to acknowledge what is in flight,
	 * then disconnects; what is still unacknowledged stays in the journal, if there is
	 * one, for the next start with the same client id.
	 * @return the messages still unacknowledged after the wait
	 */
	public int close(Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		try {
			while (this.client.isConnected() && inFlight() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.closing = true;
		int left = inFlight();
		if (left > 0) {
			LOG.warn("MQTT: {} messages not acknowledged at stop{}", left,
					this.durable ? "; kept for the next start" : " (kept in memory only: lost)");
		}
		try {
			if (this.client.isConnected()) {
				this.client.disconnect(2_000).waitForCompletion(3_000);
			}
		}
		catch (MqttException ex) {
			LOG.debug("MQTT disconnect: {}", ex.getMessage());
		}
		try {
			this.client.close(true);
		}
		catch (MqttException ex) {
			LOG.debug("MQTT close: {}", ex.getMessage());
		}
		return left;
	}

	@Override
	public void close() {
		close(Duration.ofSeconds(10));
	}

	/** Always, so that a logger registered after the connection hears its replies. */
	private void subscribeReplies() {
		try {
			this.client.subscribe(this.topicPrefix + "/hj212/+/reply", 1)
				.waitForCompletion(TimeUnit.SECONDS.toMillis(10));
		}
		catch (MqttException ex) {
			LOG.warn("MQTT: cannot subscribe to the HJ 212 replies: {}", ex.getMessage());
		}
	}

	private final class Callback implements MqttCallbackExtended {

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
			if (reconnect) {
				LOG.info("MQTT reconnected to {}", serverUri);
				// the persistent session keeps the subscription; renewing it costs
				// nothing
				new Thread(MqttConnection.this::subscribeReplies, "simulator-mqtt-resubscribe").start();
			}
		}

		@Override
		public void connectionLost(Throwable cause) {
			if (!MqttConnection.this.closing) {
				LOG.warn("MQTT connection lost ({}); reconnecting", cause.getMessage());
			}
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			// never throw here: Paho would shut the client down
			try {
				String prefix = MqttConnection.this.topicPrefix + "/hj212/";
				if (topic.startsWith(prefix) && topic.endsWith("/reply")) {
					String mn = topic.substring(prefix.length(), topic.length() - "/reply".length());
					Consumer<String> handler = MqttConnection.this.replyHandlers.get(mn);
					if (handler != null) {
						handler.accept(new String(message.getPayload(), StandardCharsets.UTF_8));
					}
				}
			}
			catch (RuntimeException ex) {
				LOG.warn("MQTT: reply on {} not handled: {}", topic, ex.toString());
			}
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
			String[] topics = token.getTopics();
			boolean hj212 = topics != null && topics.length > 0
					&& topics[0].startsWith(MqttConnection.this.topicPrefix + "/hj212/");
			if (!hj212) {
				MqttConnection.this.counters.of(Link.MQTT_JSON).acked.increment();
			}
		}

	}

}
