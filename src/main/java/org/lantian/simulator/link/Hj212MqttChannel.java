package org.lantian.simulator.link;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * HJ 212 frames over MQTT (INTERFACES §3.2): published on {@code <prefix>/hj212/<MN>},
 * replies from {@code <prefix>/hj212/<MN>/reply}, through the simulator's one connection.
 */
final class Hj212MqttChannel implements Hj212Channel {

	private final MqttConnection connection;

	private final String mn;

	Hj212MqttChannel(MqttConnection connection, String mn) {
		this.connection = connection;
		this.mn = mn;
	}

	@Override
	public void open(Consumer<String> replies, Runnable lost) throws IOException {
		this.connection.onReplies(this.mn, replies);
		if (!this.connection.isConnected()) {
			throw new IOException("the MQTT broker is not connected");
		}
	}

	@Override
	public boolean isOpen() {
		return this.connection.isConnected();
	}

	@Override
	public void send(String frame) throws InterruptedException {
		this.connection.publish(this.connection.hj212Topic(this.mn), frame);
	}

	@Override
	public void close() {
		// the connection is shared; the runner closes it
	}

	@Override
	public String toString() {
		return this.connection.hj212Topic(this.mn);
	}

}
