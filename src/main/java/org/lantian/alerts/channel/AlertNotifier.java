package org.lantian.alerts.channel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import org.lantian.alerts.AlertChanged;
import org.lantian.alerts.AlertView;
import org.lantian.alerts.ChannelStatus;
import org.lantian.alerts.NotificationChannels;
import org.lantian.warnings.WarningLevelChanged;
import org.lantian.warnings.WarningView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Hands every alert change and heavy-pollution warning notice to the channels: MQTT
 * always (when enabled), webhooks and e-mail to the recipients of the matching routes.
 * Only queues; each channel delivers on its own thread.
 */
final class AlertNotifier implements NotificationChannels, AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);

	private final ObjectMapper json;

	private final ZoneId zone;

	private final Routing routing;

	private final @Nullable MqttChannel mqtt;

	private final WebhookChannel webhook;

	private final @Nullable EmailChannel email;

	private final ChannelWorker mqttWorker;

	private final ChannelWorker webhookWorker;

	private final ChannelWorker emailWorker;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final String warningTopicPrefix;

	AlertNotifier(ObjectMapper json, ZoneId zone, Routing routing, @Nullable MqttChannel mqtt, WebhookChannel webhook,
			@Nullable EmailChannel email, ChannelWorker mqttWorker, ChannelWorker webhookWorker,
			ChannelWorker emailWorker, String warningTopicPrefix) {
		this.json = json;
		this.warningTopicPrefix = warningTopicPrefix;
		this.zone = zone;
		this.routing = routing;
		this.mqtt = mqtt;
		this.webhook = webhook;
		this.email = email;
		this.mqttWorker = mqttWorker;
		this.webhookWorker = webhookWorker;
		this.emailWorker = emailWorker;
	}

	@EventListener
	void on(AlertChanged changed) {
		AlertView view = AlertView.from(changed.alert(), this.zone);
		byte[] body;
		try {
			body = this.json.writeValueAsBytes(view);
		}
		catch (JsonProcessingException ex) {
			LOG.error("Cannot write alert {} as JSON", view.id(), ex);
			return;
		}
		String what = view.change() + " " + view.id();
		MqttChannel mqtt = this.mqtt;
		if (mqtt != null) {
			this.mqttWorker.submit(what + " to " + mqtt.topic(view.site()), () -> mqtt.publish(view.site(), body));
		}
		Routing.Recipients recipients = this.routing.recipients(changed.alert(), changed.change().type());
		for (String url : recipients.webhooks()) {
			this.webhookWorker.submit(what + " to " + url, () -> this.webhook.post(url, view.change(), body));
		}
		EmailChannel email = this.email;
		if (email != null) {
			for (String address : recipients.emails()) {
				this.emailWorker.submit(what + " to " + address, () -> email.send(address, view));
			}
		}
	}

	/**
	 * A heavy-pollution warning raised, changed or released: a notice on
	 * {@code lantian/v1/warnings/<city>} (INTERFACES §3.3, QoS 1, not retained), the
	 * warning resource of §5.3 as JSON; the same JSON with {@code "type": "warning"} to
	 * the webhooks, and an e-mail, of the routes that take the city's warnings.
	 */
	@EventListener
	void on(WarningLevelChanged changed) {
		WarningView view = WarningView.from(changed, this.zone);
		byte[] body;
		byte[] notice;
		try {
			body = this.json.writeValueAsBytes(view);
			notice = this.json.writeValueAsBytes(webhookBody(this.json, view));
		}
		catch (JsonProcessingException ex) {
			LOG.error("Cannot write warning {} as JSON", changed.warningId(), ex);
			return;
		}
		String what = "warning " + view.change() + " " + changed.warningId();
		MqttChannel mqtt = this.mqtt;
		if (mqtt != null) {
			String topic = MqttChannel.cityTopic(this.warningTopicPrefix, changed.city());
			this.mqttWorker.submitWarning(what + " to " + topic, () -> mqtt.publishTo(topic, body));
		}
		Routing.Recipients recipients = this.routing.warningRecipients(changed.city());
		String change = (view.change() != null) ? view.change() : "changed";
		for (String url : recipients.webhooks()) {
			this.webhookWorker.submitWarning(what + " to " + url, () -> this.webhook.postWarning(url, change, notice));
		}
		EmailChannel email = this.email;
		if (email != null) {
			for (String address : recipients.emails()) {
				this.emailWorker.submitWarning(what + " to " + address, () -> email.sendWarning(address, view));
			}
		}
	}

	/**
	 * A warning notice for webhooks: {@code "type": "warning"} first, then the warning
	 * resource; alert bodies are the alert resource as it is (it has no {@code type}).
	 */
	static ObjectNode webhookBody(ObjectMapper json, WarningView view) {
		ObjectNode body = json.createObjectNode();
		body.put("type", "warning");
		body.setAll((ObjectNode) json.valueToTree(view));
		return body;
	}

	@Override
	public List<ChannelStatus> statuses() {
		List<ChannelStatus> statuses = new ArrayList<>();
		MqttChannel mqtt = this.mqtt;
		statuses.add(this.mqttWorker.status((mqtt != null) ? mqtt.isConnected() : null));
		statuses.add(this.webhookWorker.status());
		statuses.add(this.emailWorker.status());
		return statuses;
	}

	/**
	 * Connects the MQTT channel on its own thread if it is not connected (at start, and
	 * when asked about its health after a connection failed), so that its health says
	 * whether the broker can be reached before the first alert.
	 */
	void connectMqtt() {
		MqttChannel mqtt = this.mqtt;
		if (mqtt != null && !mqtt.isConnected() && this.connecting.compareAndSet(false, true)) {
			if (!this.mqttWorker.execute(() -> {
				try {
					mqtt.connect();
				}
				finally {
					this.connecting.set(false);
				}
			})) {
				this.connecting.set(false);
			}
		}
	}

	@Override
	public void close() {
		this.mqttWorker.close();
		this.webhookWorker.close();
		this.emailWorker.close();
		if (this.mqtt != null) {
			this.mqtt.close();
		}
	}

}
