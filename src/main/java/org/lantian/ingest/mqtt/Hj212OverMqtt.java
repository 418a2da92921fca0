package org.lantian.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.lantian.ingest.Transport;
import org.lantian.ingest.tcp.Hj212FrameHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HJ 212 frames over MQTT (INTERFACES §3.2): a frame published on
 * {@code <prefix>/hj212/{MN}} is handled exactly like one received on the TCP listener,
 * by the same {@link Hj212FrameHandler}; the frame's MN must be the topic's. The reply,
 * when the frame asks for one, goes to {@code <prefix>/hj212/{MN}/reply} once the
 * readings are durable. Thread-safe.
 */
final class Hj212OverMqtt {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212OverMqtt.class);

	private static final String REPLY_SUFFIX = "/reply";

	private final Hj212FrameHandler handler;

	private final String topicPrefix;

	Hj212OverMqtt(Hj212FrameHandler handler, MqttProperties properties) {
		this.handler = handler;
		this.topicPrefix = properties.hj212TopicPrefix();
	}

	/**
	 * Whether the topic is {@code <prefix>/hj212/{MN}}; never a reply topic (one level
	 * more), which is also what the {@code +} of our subscription matches.
	 */
	boolean accepts(String topic) {
		return topic.startsWith(this.topicPrefix) && topic.indexOf('/', this.topicPrefix.length()) < 0;
	}

	/**
	 * Hands one frame to the handler; never throws for bad input nor waits for storage.
	 * @param topic a topic this {@link #accepts(String)}
	 * @param payload the frame, UTF-8
	 * @param replies publishes the reply, QoS 1, not retained, without blocking
	 * @return completes once the frame's readings are durable (at once when the frame is
	 * refused), after the reply was handed to {@code replies}
	 */
	CompletableFuture<Void> submit(String topic, byte[] payload, Publisher replies) {
		String mn = topic.substring(this.topicPrefix.length());
		Hj212FrameHandler.Handled handled = this.handler.handle(Transport.HJ212_MQTT, topic, payload, mn);
		String reply = handled.reply();
		if (reply == null) {
			return handled.durable();
		}
		return handled.durable().thenRun(() -> {
			String replyTopic = topic + REPLY_SUFFIX;
			try {
				replies.publish(replyTopic, reply.getBytes(StandardCharsets.UTF_8));
			}
			catch (RuntimeException ex) {
				// the readings are durable: the message is acknowledged all the same
				LOG.warn("Could not publish the HJ 212 reply to {}: {}", replyTopic, ex.toString());
			}
		});
	}

	/** Publishes a message with QoS 1, not retained, without blocking. */
	@FunctionalInterface
	interface Publisher {

		void publish(String topic, byte[] payload);

	}

}
