package org.lantian.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
 * <li>Acknowledgements can skip Paho: {@link CoalescingOutputStream#writePacket} puts a
 * complete packet on the connection between Paho's packets. Paho's manual acknowledgement
 * built a token per PUBACK (with a logger looked up through a resource bundle each time)
 * and woke its sender thread; a QoS 1 PUBACK is four bytes that Paho does not track.</li>
 * </ul>
 * Measured with {@code bench/ingest-load} (docs/benchmarks.md).
 */
final class BufferedSocketFactory extends SocketFactory {

	static final int BUFFER_SIZE = 64 * 1024;

	static final long COALESCE_MICROS = 500;

	private volatile @Nullable CoalescingOutputStream latestOutput;

	@Override
	public Socket createSocket() {
		return new BufferedSocket(this);
	}

	/**
	 * The output of the connection opened last (Paho keeps one at a time), or
	 * {@code null} before the first.
	 */
	@Nullable CoalescingOutputStream latestOutput() {
		return this.latestOutput;
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

	private Socket connected(InetSocketAddress remote, @Nullable InetSocketAddress local) throws IOException {
		Socket socket = new BufferedSocket(this);
		if (local != null) {
			socket.bind(local);
		}
		socket.connect(remote);
		return socket;
	}

	private static final class BufferedSocket extends Socket {

		private final BufferedSocketFactory factory;

		private InputStream input;

		private CoalescingOutputStream output;

		BufferedSocket(BufferedSocketFactory factory) {
			this.factory = factory;
		}

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
				this.factory.latestOutput = this.output;
			}
			return this.output;
		}

		@Override
		public void close() throws IOException {
			CoalescingOutputStream pending;
			synchronized (this) {
				pending = this.output;
			}
			try {
				if (pending != null) {
					// a last send, but never wait for it: a write blocked on a full TCP
					// window would hold the stream's lock, and closing must not hang
					pending.closeWithoutWaiting();
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
	 * <p>
	 * Paho writes a packet in one or more {@code write}s and then flushes, so a flush
	 * marks the end of a packet; {@link #writePacket} puts its packet there, never inside
	 * one of Paho's.
	 */
	static final class CoalescingOutputStream extends OutputStream {

		private final OutputStream socket;

		private final byte[] buffer = new byte[BUFFER_SIZE];

		private final ReentrantLock lock = new ReentrantLock();

		private final Condition armedOrClosed = this.lock.newCondition();

		private final Thread flusher;

		private int count;

		/** Paho has written part of a packet and not yet flushed it. */
		private boolean partial;

		/** Packets given to {@link #writePacket} while Paho's packet was partial. */
		private byte[] held = new byte[64];

		private int heldCount;

		private boolean armed;

		private boolean closed;

		private @Nullable IOException failure;

		CoalescingOutputStream(OutputStream socket) {
			this.socket = socket;
			this.flusher = new Thread(this::flushWhenArmed, "lantian-mqtt-flusher");
			this.flusher.setDaemon(true);
			this.flusher.start();
		}

		@Override
		public void write(int b) throws IOException {
			this.lock.lock();
			try {
				ensureRoom(1);
				this.buffer[this.count++] = (byte) b;
				this.partial = true;
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (length == 0) {
				return;
			}
			this.lock.lock();
			try {
				check();
				this.partial = true;
				append(bytes, offset, length);
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public void flush() throws IOException {
			this.lock.lock();
			try {
				check();
				this.partial = false;
				if (this.heldCount > 0) {
					int length = this.heldCount;
					this.heldCount = 0;
					append(this.held, 0, length);
				}
				arm();
			}
			finally {
				this.lock.unlock();
			}
		}

		/**
		 * Sends a complete packet shortly, between Paho's packets.
		 * @throws IOException when the connection is closed or broken
		 */
		void writePacket(byte[] packet) throws IOException {
			this.lock.lock();
			try {
				check();
				if (!this.partial) {
					append(packet, 0, packet.length);
					arm();
					return;
				}
				if (this.heldCount + packet.length > this.held.length) {
					this.held = Arrays.copyOf(this.held,
							Math.max(this.held.length * 2, this.heldCount + packet.length));
				}
				System.arraycopy(packet, 0, this.held, this.heldCount, packet.length);
				this.heldCount += packet.length;
			}
			finally {
				this.lock.unlock();
			}
		}

		private void append(byte[] bytes, int offset, int length) throws IOException {
			if (length > this.buffer.length) {
				send();
				this.socket.write(bytes, offset, length);
				return;
			}
			ensureRoom(length);
			System.arraycopy(bytes, offset, this.buffer, this.count, length);
			this.count += length;
		}

		private void arm() {
			if (this.count > 0 && !this.armed) {
				this.armed = true;
				this.armedOrClosed.signal();
			}
		}

		@Override
		public void close() {
			closeWithoutWaiting();
		}

		/**
		 * Sends what is buffered and closes, unless a write is under way: a write blocked
		 * on a full TCP window holds the lock, and closing must not wait for it (closing
		 * the socket ends that write).
		 */
		void closeWithoutWaiting() {
			if (this.lock.tryLock()) {
				try {
					if (!this.closed) {
						this.closed = true;
						this.armedOrClosed.signal();
						send();
					}
				}
				catch (IOException ex) {
					// the connection is going anyway
				}
				finally {
					this.lock.unlock();
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
				this.lock.lock();
				try {
					while (!this.armed && !this.closed) {
						this.armedOrClosed.await();
					}
					if (this.closed) {
						return;
					}
				}
				catch (InterruptedException ex) {
					return;
				}
				finally {
					this.lock.unlock();
				}
				// let the acknowledgements of a batch gather before they go out
				LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(COALESCE_MICROS));
				this.lock.lock();
				try {
					this.armed = false;
					if (!this.closed) {
						send();
					}
				}
				catch (IOException ex) {
					this.failure = ex;
				}
				finally {
					this.lock.unlock();
				}
			}
		}

	}

}
