package org.lantian.e2e;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device fleet in one client: publishes QoS 1 messages with many in flight and
 * remembers which ones the broker acknowledged. Those are the readings that must never be
 * lost.
 */
final class StreamPublisher implements AutoCloseable {

	private static final int IN_FLIGHT = 500;

	private final MqttAsyncClient client;

	private final Semaphore window = new Semaphore(IN_FLIGHT);

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	StreamPublisher(String brokerUrl, String clientId) throws MqttException {
		this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setMaxInflight(IN_FLIGHT);
		options.setAutomaticReconnect(false);
		this.client.connect(options).waitForCompletion(10_000);
	}

	/**
	 * Publishes and returns at once; blocks only while {@value #IN_FLIGHT} messages await
	 * their PUBACK.
	 */
	void publish(String topic, String payload) throws InterruptedException, MqttException {
		this.window.acquire();
		this.client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, null, new IMqttActionListener() {

			@Override
			public void onSuccess(IMqttToken token) {
				StreamPublisher.this.acknowledged.incrementAndGet();
				StreamPublisher.this.window.release();
			}

			@Override
			public void onFailure(IMqttToken token, Throwable cause) {
				StreamPublisher.this.failed.incrementAndGet();
				StreamPublisher.this.window.release();
			}

		});
	}

	/** Waits until every published message has been acknowledged or has failed. */
	void drain() throws InterruptedException {
		this.window.acquire(IN_FLIGHT);
		this.window.release(IN_FLIGHT);
	}

	int acknowledged() {
		return this.acknowledged.get();
	}

	int failed() {
		return this.failed.get();
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect().waitForCompletion(10_000);
		}
		this.client.close();
	}

}
