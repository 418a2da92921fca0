package org.lantian.simulator.link;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * How a data logger reaches Lantian: a TCP connection of its own, or MQTT topics.
 */
interface Hj212Channel {

	/**
	 * Opens the channel.
	 * @param replies receives each frame Lantian sends back
	 * @param lost is told when the channel breaks
	 */
	void open(Consumer<String> replies, Runnable lost) throws IOException;

	boolean isOpen();

	void send(String frame) throws IOException, InterruptedException;

	void close();

}
