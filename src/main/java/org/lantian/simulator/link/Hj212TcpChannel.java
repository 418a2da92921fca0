package org.lantian.simulator.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A logger's own TCP connection to the HJ 212 listener (INTERFACES §4). Replies are read
 * by a thread of their own, frame by frame up to CR LF (表2).
 */
final class Hj212TcpChannel implements Hj212Channel {

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	/** A reply longer than a frame (表2: 1036 bytes) is garbage. */
	private static final int MAX_REPLY = 1036;

	private final String host;

	private final int port;

	private final String name;

	private volatile @Nullable Socket socket;

	Hj212TcpChannel(String host, int port, String name) {
		this.host = host;
		this.port = port;
		this.name = name;
	}

	@Override
	public void open(Consumer<String> replies, Runnable lost) throws IOException {
		Socket connection = new Socket();
		try {
			connection.setTcpNoDelay(true);
			connection.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MILLIS);
		}
		catch (IOException ex) {
			connection.close();
			throw ex;
		}
		this.socket = connection;
		Thread reader = new Thread(() -> read(connection, replies, lost), "hj212-replies-" + this.name);
		reader.setDaemon(true);
		reader.start();
	}

	private void read(Socket connection, Consumer<String> replies, Runnable lost) {
		StringBuilder frame = new StringBuilder(128);
		try (InputStream in = connection.getInputStream()) {
			int b;
			while ((b = in.read()) >= 0) {
				frame.append((char) b);
				int length = frame.length();
				if (length >= 2 && frame.charAt(length - 2) == '\r' && frame.charAt(length - 1) == '\n') {
					replies.accept(frame.toString());
					frame.setLength(0);
				}
				else if (length > MAX_REPLY) {
					frame.setLength(0);
				}
			}
		}
		catch (IOException ex) {
			// a broken connection, reported below
		}
		if (this.socket == connection) {
			lost.run();
		}
	}

	@Override
	public boolean isOpen() {
		Socket connection = this.socket;
		return connection != null && !connection.isClosed();
	}

	@Override
	public void send(String frame) throws IOException {
		Socket connection = this.socket;
		if (connection == null || connection.isClosed()) {
			throw new IOException("not connected");
		}
		OutputStream out = connection.getOutputStream();
		out.write(frame.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() {
		Socket connection = this.socket;
		this.socket = null;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	@Override
	public String toString() {
		return "tcp://" + this.host + ":" + this.port;
	}

}
