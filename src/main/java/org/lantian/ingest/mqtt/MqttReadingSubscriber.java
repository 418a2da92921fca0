package org.lantian.ingest.mqtt;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.SiteId;
import org.lantian.ingest.IntakeResult;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;
import org.lantian.ingest.pipeline.ReadingPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Receives JSON readings (INTERFACES §3.1), and HJ 212 frames (§3.2, routed to
 * {@link Hj212OverMqtt}), over MQTT with a persistent session and QoS 1, and acknowledges
 * each message only once its readings are durable. Hands every message to the
 * {@link ReadingPipeline} on Paho's delivery thread, which keeps the order, and never
 * throws there nor waits for storage: the acknowledgement is attached to the pipeline's
 * durable future. Acknowledgements go out in the order the messages arrived (MQTT 3.1.1
 * §4.6).
 * <p>
 * A message whose readings could not be made durable is not acknowledged; the broker
 * delivers it again when the session resumes. Messages that are rejected as a whole are
 * acknowledged at once: they will never become valid.
 */
class MqttReadingSubscriber implements MqttCallbackExtended, SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(MqttReadingSubscriber.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration SUBSCRIBE_RETRY = Duration.ofSeconds(5);

	private static final long QUIESCE_MILLIS = 1000;

	private static final long DISCONNECT_TIMEOUT_MILLIS = 5000;

	private static final int SUBSCRIPTION_REFUSED = 0x80;

	/** MQTT 3.1.1 §3.4.1: the fixed header byte of PUBACK. */
	private static final byte PUBACK = 0x40;

	private final MqttProperties properties;

	/** {@code <prefix>/readings/}, kept: every message is matched against it. */
	private final String readingsTopicPrefix;

	/** Plain TCP sockets with buffered input and coalesced output; null for TLS. */
	private final @Nullable BufferedSocketFactory sockets;

	private final ReadingPipeline pipeline;

	private final @Nullable Hj212OverMqtt hj212;

	private final Counter reconnects;

	private final Counter acked;

	private final Counter notAcked;

	private final Object lifecycle = new Object();

	/** Messages not yet settled, in arrival order; guarded by itself. */
	private final Deque<Delivery> deliveries = new ArrayDeque<>();

	private volatile @Nullable MqttAsyncClient client;

	private volatile @Nullable ScheduledExecutorService connector;

	private volatile boolean running;

	private volatile boolean subscribed;

	private int failedAttempts;

	private boolean resumeScheduled;

	private final AtomicInteger failedResumes = new AtomicInteger();

	private final AtomicBoolean resuming = new AtomicBoolean();

	MqttReadingSubscriber(MqttProperties properties, ReadingPipeline pipeline, MeterRegistry meters) {
		this(properties, pipeline, null, meters);
	}

	/**
	 * @param hj212 HJ 212 over MQTT, or {@code null} to receive JSON readings only
	 */
	MqttReadingSubscriber(MqttProperties properties, ReadingPipeline pipeline, @Nullable Hj212OverMqtt hj212,
			MeterRegistry meters) {
		this.properties = properties;
		this.readingsTopicPrefix = properties.readingsTopicPrefix();
		this.sockets = properties.url().startsWith("tcp://") ? new BufferedSocketFactory() : null;
		this.pipeline = pipeline;
		this.hj212 = hj212;
		Gauge.builder("lantian.ingest.mqtt.connected", this, (subscriber) -> subscriber.isConnected() ? 1 : 0)
			.description("Whether the MQTT ingest client is connected to the broker (1) or not (0)")
			.register(meters);
		this.reconnects = Counter.builder("lantian.ingest.mqtt.reconnects")
			.description("Reconnections of the MQTT ingest client: after a lost connection, or to have the broker "
					+ "deliver messages again whose readings did not become durable")
			.register(meters);
		this.acked = acks(meters, "acked");
		this.notAcked = acks(meters, "not_acked");
	}

	private static Counter acks(MeterRegistry meters, String outcome) {
		return Counter.builder("lantian.ingest.mqtt.acks")
			.description("QoS 1 messages acknowledged to the broker, or left unacknowledged because their readings "
					+ "did not become durable (the broker delivers those again)")
			.tag("outcome", outcome)
			.register(meters);
	}

	// Lifecycle

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			MqttAsyncClient client;
			try {
				client = new MqttAsyncClient(this.properties.url(), this.properties.clientId(),
						new MemoryPersistence());
			}
			catch (MqttException | IllegalArgumentException ex) {
				throw new IllegalStateException("Cannot create an MQTT client for " + this.properties.url(), ex);
			}
			client.setCallback(this);
			client.setManualAcks(true);
			ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "lantian-mqtt-connect");
				thread.setDaemon(true);
				return thread;
			});
			this.client = client;
			this.connector = connector;
			this.failedAttempts = 0;
			this.running = true;
			LOG.info("Connecting to {} as {} to receive {}", this.properties.url(), this.properties.clientId(),
					String.join(" and ", filters()));
			connector.execute(this::connect);
		}
	}

	/**
	 * Waits a bounded time for readings in flight to become durable and be acknowledged,
	 * then disconnects. What is still unacknowledged then stays with the broker, which
	 * delivers it again to the next session.
	 */
	@Override
	public void stop() {
		MqttAsyncClient client;
		synchronized (this.lifecycle) {
			if (!this.running) {
				return;
			}
			this.running = false;
			client = this.client;
			ScheduledExecutorService connector = this.connector;
			if (connector != null) {
				connector.shutdownNow();
			}
		}
		awaitDeliveries(this.properties.drainTimeout());
		if (client != null) {
			try {
				if (client.isConnected()) {
					client.disconnect(QUIESCE_MILLIS).waitForCompletion(DISCONNECT_TIMEOUT_MILLIS);
				}
			}
			catch (MqttException ex) {
				LOG.warn("Could not disconnect from {} cleanly: {}", this.properties.url(), ex.toString());
			}
			try {
				client.close(true);
			}
			catch (MqttException ex) {
				LOG.warn("Could not close the MQTT client: {}", ex.toString());
			}
		}
		this.subscribed = false;
		dropDeliveries("the subscriber stopped");
		LOG.info("Disconnected from {}", this.properties.url());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	boolean isConnected() {
		MqttAsyncClient client = this.client;
		return client != null && client.isConnected();
	}

	boolean isSubscribed() {
		return this.subscribed && isConnected();
	}

	MqttProperties properties() {
		return this.properties;
	}

	// Connecting

	private void connect() {
		MqttAsyncClient client = this.client;
		if (!this.running || client == null || client.isConnected()) {
			return;
		}
		try {
			client.connect(options(), null, new IMqttActionListener() {

				@Override
				public void onSuccess(IMqttToken token) {
					synchronized (MqttReadingSubscriber.this.lifecycle) {
						MqttReadingSubscriber.this.failedAttempts = 0;
					}
				}

				@Override
				public void onFailure(IMqttToken token, Throwable failure) {
					retryConnect(failure);
				}

			});
		}
		catch (MqttException | RuntimeException ex) {
			retryConnect(ex);
		}
	}

	/**
	 * The first connection is retried here; after it, Paho's automatic reconnect takes
	 * over.
	 */
	private void retryConnect(Throwable failure) {
		if (failure instanceof MqttException mqtt
				&& mqtt.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED) {
			return;
		}
		synchronized (this.lifecycle) {
			ScheduledExecutorService connector = this.connector;
			if (!this.running || connector == null) {
				return;
			}
			Duration delay = backoff(this.failedAttempts++);
			LOG.warn("Could not connect to {} as {}: {}; retrying in {} s", this.properties.url(),
					this.properties.clientId(), message(failure), delay.toSeconds());
			try {
				connector.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	private Duration backoff(int failures) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures, 20));
		return (delay.compareTo(this.properties.reconnectBackoffMax()) > 0) ? this.properties.reconnectBackoffMax()
				: delay;
	}

	private MqttConnectOptions options() {
		MqttConnectOptions options = new MqttConnectOptions();
		// a persistent session: the broker keeps our subscription and queues QoS 1
		// messages while we are away
		options.setCleanSession(false);
		options.setAutomaticReconnect(true);
		options
			.setMaxReconnectDelay((int) Math.min(Integer.MAX_VALUE, this.properties.reconnectBackoffMax().toMillis()));
		options.setKeepAliveInterval((int) this.properties.keepAlive().toSeconds());
		options.setConnectionTimeout(10);
		options.setMaxInflight(this.properties.maxInflight());
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		if (this.sockets != null) {
			options.setSocketFactory(this.sockets);
		}
		if (this.properties.username() != null && !this.properties.username().isBlank()) {
			options.setUserName(this.properties.username());
		}
		if (this.properties.password() != null && !this.properties.password().isEmpty()) {
			options.setPassword(this.properties.password().toCharArray());
		}
		return options;
	}

	@Override
	public void connectComplete(boolean reconnect, String serverURI) {
		if (this.resuming.getAndSet(false) || reconnect) {
			this.reconnects.increment();
		}
		LOG.info("Connected to {} as {}{}", serverURI, this.properties.clientId(), reconnect ? " again" : "");
		subscribe();
	}

	/**
	 * Subscribes, on every connection: the broker keeps the subscription of a persistent
	 * session, but not if it lost its state. Without a per-subscription listener, since
	 * Paho never calls those for {@code $share/...}.
	 */
	private void subscribe() {
		MqttAsyncClient client = this.client;
		if (!this.running || client == null) {
			return;
		}
		String[] filters = filters();
		int[] qos = new int[filters.length];
		Arrays.fill(qos, 1);
		try {
			client.subscribe(filters, qos, null, new IMqttActionListener() {

				@Override
				public void onSuccess(IMqttToken token) {
					int[] granted = token.getGrantedQos();
					boolean all = true;
					for (int i = 0; i < filters.length; i++) {
						int given = (granted != null && granted.length > i) ? granted[i] : 1;
						if (given == SUBSCRIPTION_REFUSED) {
							LOG.error("The broker refused our subscription to {}; check its ACL", filters[i]);
							all = false;
						}
						else if (given < 1) {
							LOG.warn("Subscribed to {} with QoS {} only: messages may be lost", filters[i], given);
						}
						else {
							LOG.info("Subscribed to {} with QoS {}", filters[i], given);
						}
					}
					MqttReadingSubscriber.this.subscribed = all;
				}

				@Override
				public void onFailure(IMqttToken token, Throwable failure) {
					retrySubscribe(String.join(" and ", filters), failure);
				}

			});
		}
		catch (MqttException | RuntimeException ex) {
			retrySubscribe(String.join(" and ", filters), ex);
		}
	}

	/** The readings' topic filter, and HJ 212's when enabled. */
	private String[] filters() {
		return (this.hj212 != null)
				? new String[] { this.properties.subscription(), this.properties.hj212Subscription() }
				: new String[] { this.properties.subscription() };
	}

	private void retrySubscribe(String filter, Throwable failure) {
		ScheduledExecutorService connector = this.connector;
		if (!this.running || connector == null || !isConnected()) {
			// a new connection subscribes again
			return;
		}
		LOG.warn("Could not subscribe to {}: {}; retrying in {} s", filter, message(failure),
				SUBSCRIBE_RETRY.toSeconds());
		try {
			connector.schedule(this::subscribe, SUBSCRIBE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	@Override
	public void connectionLost(Throwable cause) {
		this.subscribed = false;
		LOG.warn("Lost the connection to {}: {}; reconnecting", this.properties.url(), message(cause));
		// the broker delivers these again once the session resumes; acknowledging them
		// now could hit a new message
		dropDeliveries("the connection was lost");
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
		// HJ 212 replies: nothing to do once the broker has them
	}

	// Receiving

	/**
	 * Paho shuts the client down if this throws, so it never does; it never waits for
	 * storage either.
	 */
	@Override
	public void messageArrived(String topic, MqttMessage message) {
		Delivery delivery = null;
		try {
			delivery = track(message);
			CompletableFuture<Void> durable;
			Hj212OverMqtt hj212 = this.hj212;
			if (hj212 != null && hj212.accepts(topic)) {
				durable = hj212.submit(topic, message.getPayload(), this::publish);
			}
			else {
				IntakeResult result = submit(topic, message.getPayload());
				if (LOG.isDebugEnabled()) {
					LOG.debug("Message {} on {}{}: {} readings accepted, {} rejected", message.getId(), topic,
							message.isDuplicate() ? " (redelivered)" : "", result.accepted(),
							result.rejections().size());
				}
				durable = result.durable();
			}
			if (delivery != null) {
				Delivery settled = delivery;
				durable.whenComplete((ignored, failure) -> settle(settled, topic, failure));
			}
		}
		catch (Throwable ex) {
			// never let anything reach Paho: it would shut the client down (STYLE S-14)
			LOG.error("Could not process message {} on {}; it is not acknowledged", message.getId(), topic, ex);
			if (delivery != null) {
				settle(delivery, topic, ex);
			}
		}
	}

	private IntakeResult submit(String topic, byte[] payload) {
		String prefix = this.readingsTopicPrefix;
		String site = topic.startsWith(prefix) ? topic.substring(prefix.length()) : null;
		if (site == null || !SiteId.isWellFormed(site)) {
			return this.pipeline.reject(Transport.MQTT, topic, payload,
					ItemRejection.ofPayload(RejectionReason.UNKNOWN_SITE,
							"topic '" + topic + "' does not end in a valid site id (expected " + prefix + "<siteId>)"));
		}
		return this.pipeline.submitJson(Transport.MQTT, topic, SiteId.of(site), payload, (any) -> true);
	}

	/**
	 * Publishes with QoS 1, not retained; asynchronous, so safe on any thread, Paho's
	 * included. A reply that cannot be handed to Paho is dropped with a log line.
	 */
	private void publish(String topic, byte[] payload) {
		MqttAsyncClient client = this.client;
		if (client == null || !client.isConnected()) {
			LOG.info("Not connected: the message to {} is not sent", topic);
			return;
		}
		try {
			client.publish(topic, payload, 1, false);
		}
		catch (MqttException ex) {
			LOG.warn("Could not publish to {}: {}", topic, ex.toString());
		}
	}

	private @Nullable Delivery track(MqttMessage message) {
		if (message.getQos() == 0) {
			return null;
		}
		BufferedSocketFactory sockets = this.sockets;
		// the connection that delivered the message, to acknowledge it on that one only
		BufferedSocketFactory.CoalescingOutputStream connection = (sockets != null && message.getQos() == 1)
				? sockets.latestOutput() : null;
		Delivery delivery = new Delivery(message.getId(), message.getQos(), connection);
		synchronized (this.deliveries) {
			this.deliveries.addLast(delivery);
		}
		return delivery;
	}

	/**
	 * Marks a message done and acknowledges every settled message at the head, in arrival
	 * order.
	 */
	private void settle(Delivery delivery, String topic, @Nullable Throwable failure) {
		if (failure != null) {
			LOG.warn(
					"Readings of message {} on {} are not durable, so it is not acknowledged "
							+ "(the broker delivers it again when the session resumes): {}",
					delivery.id, topic, message(failure));
		}
		synchronized (this.deliveries) {
			delivery.state = (failure == null) ? Delivery.State.DURABLE : Delivery.State.FAILED;
			while (!this.deliveries.isEmpty() && this.deliveries.peekFirst().state != Delivery.State.PENDING) {
				Delivery head = this.deliveries.pollFirst();
				if (head.state == Delivery.State.DURABLE) {
					acknowledge(head);
				}
				else {
					this.notAcked.increment();
				}
			}
			if (this.deliveries.isEmpty()) {
				this.deliveries.notifyAll();
			}
		}
		if (failure != null) {
			scheduleResume();
		}
	}

	/**
	 * The broker sends an unacknowledged QoS 1 message again only when the session
	 * resumes (MQTT 3.1.1 §4.4), and stops sending once its in-flight window is full of
	 * them; so after a failure we reconnect, with backoff.
	 */
	private void scheduleResume() {
		synchronized (this.lifecycle) {
			ScheduledExecutorService connector = this.connector;
			if (!this.running || connector == null || this.resumeScheduled) {
				return;
			}
			Duration delay = backoff(this.failedResumes.getAndIncrement());
			LOG.warn("Reconnecting to {} in {} s, so that the broker delivers the unacknowledged messages again",
					this.properties.url(), delay.toSeconds());
			try {
				connector.schedule(this::resumeSession, delay.toMillis(), TimeUnit.MILLISECONDS);
				this.resumeScheduled = true;
			}
			catch (RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	private void resumeSession() {
		synchronized (this.lifecycle) {
			this.resumeScheduled = false;
			if (!this.running) {
				return;
			}
		}
		MqttAsyncClient client = this.client;
		if (client == null || !client.isConnected()) {
			// Paho's automatic reconnect resumes the session anyway
			return;
		}
		try {
			client.disconnect(QUIESCE_MILLIS).waitForCompletion(DISCONNECT_TIMEOUT_MILLIS);
		}
		catch (MqttException ex) {
			LOG.warn("Could not disconnect from {} to resume the session: {}", this.properties.url(), ex.toString());
		}
		if (client.isConnected()) {
			// still connected after a failed disconnect: connect() would keep this
			// connection, whose unacknowledged messages the broker will never resend
			try {
				client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MILLIS);
			}
			catch (MqttException ex) {
				LOG.warn("Could not drop the connection to {}: {}", this.properties.url(), ex.toString());
			}
		}
		this.subscribed = false;
		dropDeliveries("reconnecting");
		this.resuming.set(true);
		connect();
	}

	private void acknowledge(Delivery delivery) {
		if (delivery.connection != null) {
			acknowledgeDirectly(delivery, delivery.connection);
			return;
		}
		MqttAsyncClient client = this.client;
		try {
			if (client == null || !client.isConnected()) {
				this.notAcked.increment();
				return;
			}
			client.messageArrivedComplete(delivery.id, delivery.qos);
			this.acked.increment();
			this.failedResumes.set(0);
		}
		catch (MqttException | RuntimeException ex) {
			this.notAcked.increment();
			LOG.warn("Could not acknowledge message {}: {}", delivery.id, ex.toString());
		}
	}

	/**
	 * Sends a QoS 1 PUBACK on the connection the message came on, without Paho (see
	 * {@link BufferedSocketFactory}): MQTT 3.1.1 §3.4, fixed header 0x40, remaining
	 * length 2, the packet identifier.
	 */
	private void acknowledgeDirectly(Delivery delivery, BufferedSocketFactory.CoalescingOutputStream connection) {
		byte[] pubAck = { PUBACK, 2, (byte) (delivery.id >>> 8), (byte) delivery.id };
		try {
			connection.writePacket(pubAck);
			this.acked.increment();
			this.failedResumes.set(0);
		}
		catch (IOException ex) {
			// the connection is gone: the broker sends the message again on the next one
			this.notAcked.increment();
			LOG.debug("Could not acknowledge message {}: {}", delivery.id, ex.toString());
		}
	}

	private void dropDeliveries(String why) {
		int dropped;
		synchronized (this.deliveries) {
			dropped = this.deliveries.size();
			this.deliveries.clear();
			this.deliveries.notifyAll();
		}
		if (dropped > 0) {
			this.notAcked.increment(dropped);
			LOG.warn("{} messages were not acknowledged before {}; the broker delivers them again", dropped, why);
		}
	}

	private void awaitDeliveries(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.deliveries) {
			while (!this.deliveries.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return;
				}
				try {
					this.deliveries.wait(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static String message(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		return (failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName())
				+ ((cause != failure && cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : "");
	}

	/** A received QoS 1 or 2 message that is not yet acknowledged. */
	private static final class Delivery {

		enum State {

			PENDING, DURABLE, FAILED

		}

		private final int id;

		private final int qos;

		/** Where to acknowledge a QoS 1 message without Paho, or {@code null}. */
		private final BufferedSocketFactory.@Nullable CoalescingOutputStream connection;

		private State state = State.PENDING;

		Delivery(int id, int qos, BufferedSocketFactory.@Nullable CoalescingOutputStream connection) {
			this.id = id;
			this.qos = qos;
			this.connection = connection;
		}

	}

}
