package org.lantian.alerts.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes alert changes to {@code <prefix>/<siteId>} (INTERFACES §3.3) with QoS 1, not
 * retained, as the REST alert resource in JSON. Connects on first use and again after a
 * lost connection; called only from its channel's thread.
 */
final class MqttChannel implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(MqttChannel.class);

	private final MqttClient client;

	private final MqttConnectOptions options;

	private final String topicPrefix;

	MqttChannel(BrokerProperties broker, String clientId, String topicPrefix) throws MqttException {
		this.client = new MqttClient(broker.url(), clientId, new MemoryPersistence());
		this.options = new MqttConnectOptions();
		this.options.setCleanSession(true);
		this.options.setAutomaticReconnect(true);
		this.options.setConnectionTimeout(5);
		this.options.setKeepAliveInterval(30);
		if (broker.username() != null && !broker.username().isBlank()) {
			this.options.setUserName(broker.username());
			if (broker.password() != null) {
				this.options.setPassword(broker.password().toCharArray());
			}
		}
		this.topicPrefix = topicPrefix;
	}

	String topic(String site) {
		return this.topicPrefix + "/" + site;
	}

	/**
	 * The topic of a city's warning notices under {@code prefix}: the city's name as it
	 * is (MQTT topics are UTF-8, so {@code lantian/v1/warnings/包头市}), with the MQTT
	 * separators and wildcards {@code / + #} replaced by {@code _}.
	 */
	static String cityTopic(String prefix, String city) {
		return prefix + "/" + city.replace('/', '_').replace('+', '_').replace('#', '_');
	}

	/** Whether the client is connected now (any thread). */
	boolean isConnected() {
		return this.client.isConnected();
	}

	/** Connects if not connected; a failure is logged, the next publish tries again. */
	void connect() {
		if (this.client.isConnected()) {
			return;
		}
		try {
			this.client.connect(this.options);
			LOG.info("Alert MQTT channel connected to {} as {}", this.client.getServerURI(), this.client.getClientId());
		}
		catch (MqttException ex) {
			LOG.debug("Alert MQTT channel cannot connect to {}: {}", this.client.getServerURI(), ex.getMessage());
		}
	}

	/** Publishes and waits for the broker's PUBACK. */
	void publish(String site, byte[] json) throws MqttException {
		if (!this.client.isConnected()) {
			this.client.connect(this.options);
			LOG.info("Alert MQTT channel connected to {} as {}", this.client.getServerURI(), this.client.getClientId());
		}
		this.client.publish(topic(site), json, 1, false);
	}

	/** Publishes to a whole topic and waits for the broker's PUBACK. */
	void publishTo(String topic, byte[] json) throws MqttException {
		if (!this.client.isConnected()) {
			this.client.connect(this.options);
			LOG.info("Alert MQTT channel connected to {} as {}", this.client.getServerURI(), this.client.getClientId());
		}
		this.client.publish(topic, json, 1, false);
	}

	@Override
	public void close() {
		try {
			if (this.client.isConnected()) {
				this.client.disconnect(2000);
			}
			this.client.close();
		}
		catch (MqttException ex) {
			LOG.debug("Closing the alert MQTT client: {}", ex.getMessage());
		}
	}

}
