package org.lantian.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Plain TCP sockets that spare Paho mqttv3 a system call per packet in each direction.
 * <ul>
 * <li>Input is buffered: Paho reads a packet's fixed header byte by byte and asks
 * {@code available()} before every packet, four or five calls per message on a raw socket
 * stream; behind a 64 KiB buffer it is about one.</li>
 * <li>Output is coalesced: Paho flushes after every packet, so each PUBACK (4 bytes) was
 * one write here and one wake-up and read in the broker. A flush now only arms a flusher
 * that sends what has gathered {@value #COALESCE_MICROS} µs later, so under load many
 * acknowledgements leave in one segment; alone, a packet waits at most that long.</li>
 * </ul>
 * Measured with {@code bench/ingest-load} (docs/benchmarks.md).
 */
final class BufferedSocketFactory extends SocketFactory {

	static final int BUFFER_SIZE = 64 * 1024;

	static final long COALESCE_MICROS = 500;

	@Override
	public Socket createSocket() {
		return new BufferedSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private static Socket connected(InetSocketAddress remote, @Nullable InetSocketAddress local) throws IOException {
		Socket socket = new BufferedSocket();
		if (local != null) {
			socket.bind(local);
		}
		socket.connect(remote);
		return socket;
	}

	private static final class BufferedSocket extends Socket {

		private InputStream input;

		private CoalescingOutputStream output;

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (this.input == null) {
				this.input = new AvailableFromBuffer(super.getInputStream());
			}
			return this.input;
		}

		@Override
		public synchronized OutputStream getOutputStream() throws IOException {
			if (this.output == null) {
				setTcpNoDelay(true);
				this.output = new CoalescingOutputStream(super.getOutputStream());
			}
			return this.output;
		}

		@Override
		public synchronized void close() throws IOException {
			try {
				if (this.output != null) {
					this.output.close();
				}
			}
			finally {
				super.close();
			}
		}

	}

	/**
	 * Answers {@link #available()} from the buffer when it holds anything, without asking
	 * the socket.
	 */
	private static final class AvailableFromBuffer extends BufferedInputStream {

		AvailableFromBuffer(InputStream in) {
			super(in, BUFFER_SIZE);
		}

		@Override
		public synchronized int available() throws IOException {
			int buffered = this.count - this.pos;
			return (buffered > 0) ? buffered : super.available();
		}

	}

	/**
	 * Buffers writes; {@link #flush()} asks a flusher thread to send them shortly, so
	 * that packets flushed close together share one write. Errors of a delayed write
	 * surface on the next write or flush, as a broken connection would.
	 */
	static final class CoalescingOutputStream extends OutputStream {

		private final OutputStream socket;

		private final byte[] buffer = new byte[BUFFER_SIZE];

		private final Thread flusher;

		private int count;

		private boolean armed;

		private boolean closed;

		private IOException failure;

		CoalescingOutputStream(OutputStream socket) {
			this.socket = socket;
			this.flusher = new Thread(this::flushWhenArmed, "lantian-mqtt-flusher");
			this.flusher.setDaemon(true);
			this.flusher.start();
		}

		@Override
		public synchronized void write(int b) throws IOException {
			ensureRoom(1);
			this.buffer[this.count++] = (byte) b;
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
			if (length > this.buffer.length) {
				send();
				this.socket.write(bytes, offset, length);
				return;
			}
			ensureRoom(length);
			System.arraycopy(bytes, offset, this.buffer, this.count, length);
			this.count += length;
		}

		@Override
		public synchronized void flush() throws IOException {
			check();
			if (this.count > 0 && !this.armed) {
				this.armed = true;
				notifyAll();
			}
		}

		@Override
		public void close() throws IOException {
			synchronized (this) {
				if (this.closed) {
					return;
				}
				this.closed = true;
				notifyAll();
				try {
					send();
				}
				catch (IOException ex) {
					// the connection is going anyway
				}
			}
			this.flusher.interrupt();
		}

		private void ensureRoom(int length) throws IOException {
			check();
			if (this.count + length > this.buffer.length) {
				send();
			}
		}

		private void check() throws IOException {
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.closed) {
				throw new IOException("socket output closed");
			}
		}

		private void send() throws IOException {
			if (this.count > 0) {
				int length = this.count;
				this.count = 0;
				this.socket.write(this.buffer, 0, length);
				this.socket.flush();
			}
		}

		private void flushWhenArmed() {
			while (true) {
				synchronized (this) {
					while (!this.armed && !this.closed) {
						try {
							wait();
						}
						catch (InterruptedException ex) {
							if (this.closed) {
								return;
							}
						}
					}
					if (this.closed) {
						return;
					}
				}
				// let the acknowledgements of a batch gather before they go out
				LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(COALESCE_MICROS));
				synchronized (this) {
					this.armed = false;
					try {
						send();
					}
					catch (IOException ex) {
						this.failure = ex;
					}
				}
			}
		}

	}

}
