package org.lantian.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A lean MQTT 3.1.1 QoS 1 publisher for load runs: PUBLISH packets go through one
 * buffered socket and a reader thread counts the PUBACKs. A device fleet is not on the
 * machine under test; a generator this cheap leaves the two cores to the broker, Lantian
 * and InfluxDB, and serves both the pass-through limit and the end-to-end run, so the two
 * are compared fairly.
 */
final class RawMqttPublisher implements AutoCloseable {

	private static final int IN_FLIGHT = 2_000;

	private final Socket socket;

	private final OutputStream out;

	private final Semaphore window = new Semaphore(IN_FLIGHT);

	private final AtomicLong acknowledged = new AtomicLong();

	private final Thread reader;

	private int nextId = 1;

	private volatile boolean closing;

	private volatile IntConsumer ackListener = (packetId) -> {
	};

	RawMqttPublisher(String url, String clientId) throws IOException {
		URI uri = URI.create(url);
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
		this.out = new BufferedOutputStream(this.socket.getOutputStream(), 64 * 1024);
		DataInputStream in = new DataInputStream(new BufferedInputStream(this.socket.getInputStream(), 64 * 1024));
		byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
		// CONNECT: protocol "MQTT" level 4, clean session, keep-alive 0 (off)
		byte[] variable = { 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 0 };
		this.out.write(0x10);
		writeLength(this.out, variable.length + 2 + id.length);
		this.out.write(variable);
		writeString(this.out, id);
		this.out.flush();
		int type = in.readUnsignedByte();
		in.readUnsignedByte();
		in.readUnsignedByte();
		int code = in.readUnsignedByte();
		if (type != 0x20 || code != 0) {
			throw new IOException("broker refused the connection: CONNACK " + type + "/" + code);
		}
		this.reader = new Thread(() -> readAcks(in), "bench-puback-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Told the packet id of every PUBACK, on the reader thread, as it arrives (for timing
	 * single messages).
	 */
	void onAck(IntConsumer listener) {
		this.ackListener = listener;
	}

	/**
	 * Queues one QoS 1 PUBLISH; blocks only while {@value #IN_FLIGHT} await their PUBACK.
	 * @return the packet id
	 */
	int publish(String topic, String payload) throws IOException, InterruptedException {
		if (!this.window.tryAcquire()) {
			this.out.flush();
			this.window.acquire();
		}
		byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
		byte[] body = payload.getBytes(StandardCharsets.UTF_8);
		int id = this.nextId;
		this.nextId = (id == 65_535) ? 1 : id + 1;
		this.out.write(0x32);
		writeLength(this.out, 2 + topicBytes.length + 2 + body.length);
		writeString(this.out, topicBytes);
		this.out.write(id >> 8);
		this.out.write(id & 0xFF);
		this.out.write(body);
		return id;
	}

	/** Sends what is buffered. */
	void flush() throws IOException {
		this.out.flush();
	}

	/** Sends what is buffered and waits until every message is acknowledged. */
	void drain() throws IOException, InterruptedException {
		this.out.flush();
		this.window.acquire(IN_FLIGHT);
		this.window.release(IN_FLIGHT);
	}

	long acknowledged() {
		return this.acknowledged.get();
	}

	@Override
	public void close() throws IOException {
		this.closing = true;
		this.out.write(0xE0);
		this.out.write(0);
		this.out.flush();
		this.socket.close();
	}

	private void readAcks(DataInputStream in) {
		try {
			while (true) {
				int type = in.readUnsignedByte();
				int length = in.readUnsignedByte();
				if (type == 0x40 && length == 2) {
					int packetId = in.readUnsignedShort();
					this.acknowledged.incrementAndGet();
					this.window.release();
					this.ackListener.accept(packetId);
				}
				else {
					in.skipNBytes(length);
				}
			}
		}
		catch (IOException ex) {
			if (!this.closing) {
				throw new IllegalStateException("lost the broker while publishing", ex);
			}
		}
	}

	private static void writeString(OutputStream out, byte[] bytes) throws IOException {
		out.write(bytes.length >> 8);
		out.write(bytes.length & 0xFF);
		out.write(bytes);
	}

	// MQTT 3.1.1 §2.2.3: remaining length, 7 bits a byte, low first
	private static void writeLength(OutputStream out, int length) throws IOException {
		int rest = length;
		do {
			int digit = rest % 128;
			rest /= 128;
			out.write((rest > 0) ? digit | 0x80 : digit);
		}
		while (rest > 0);
	}

}
