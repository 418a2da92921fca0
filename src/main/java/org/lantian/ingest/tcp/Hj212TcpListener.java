package org.lantian.ingest.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lantian.ingest.RejectionReason;
import org.lantian.ingest.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The HJ 212 TCP listener (INTERFACES §4): accepts data loggers' connections, one thread
 * each, splits each stream into frames with {@link Hj212FrameSplitter} and hands them to
 * {@link Hj212FrameHandler}; writes the replies back on the same connection, whenever
 * they become due. A connection's failure closes only that connection.
 */
class Hj212TcpListener implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(Hj212TcpListener.class);

	private static final int BACKLOG = 100;

	private static final long ACCEPT_FAILURE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final Hj212Properties properties;

	private final Hj212FrameHandler handler;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ServerSocket server;

	private volatile @Nullable ExecutorService executor;

	private volatile boolean running;

	private final Map<CloseReason, Counter> closes = new EnumMap<>(CloseReason.class);

	Hj212TcpListener(Hj212Properties properties, Hj212FrameHandler handler, MeterRegistry meters) {
		this.properties = properties;
		this.handler = handler;
		Gauge.builder("lantian.ingest.hj212.connections", this.connections, Set::size)
			.description("Open HJ 212 TCP connections from data loggers")
			.register(meters);
		for (CloseReason reason : CloseReason.values()) {
			this.closes.put(reason, Counter.builder("lantian.ingest.hj212.connections.closed")
				.description("HJ 212 TCP connections ended, by reason: the logger closed it (peer), idle timeout,"
						+ " too many bad frames in a row, the connection limit, or an I/O error")
				.tag("reason", reason.tag)
				.register(meters));
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		if (!this.properties.enabled()) {
			LOG.info("HJ 212 listener disabled (lantian.hj212.port=0)");
			return;
		}
		ServerSocket socket;
		try {
			socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(
					new InetSocketAddress(InetAddress.getByName(this.properties.bindAddress()), this.properties.port()),
					BACKLOG);
		}
		catch (IOException ex) {
			this.running = false;
			throw new IllegalStateException("HJ 212 listener cannot listen on " + this.properties.bindAddress() + ":"
					+ this.properties.port() + ": " + ex.getMessage(), ex);
		}
		this.server = socket;
		this.executor = Executors.newCachedThreadPool(daemonThreads("hj212-connection-"));
		Thread acceptor = new Thread(() -> acceptLoop(socket), "hj212-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		LOG.info("HJ 212 listener on {}:{} (at most {} connections, idle timeout {})",
				socket.getInetAddress().getHostAddress(), socket.getLocalPort(), this.properties.maxConnections(),
				this.properties.idleTimeout());
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		ServerSocket socket = this.server;
		this.server = null;
		if (socket != null) {
			closeQuietly(socket);
		}
		for (Socket connection : this.connections) {
			closeQuietly(connection);
		}
		ExecutorService threads = this.executor;
		this.executor = null;
		if (threads != null) {
			threads.shutdownNow();
		}
		if (socket != null) {
			LOG.info("HJ 212 listener stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The port listened on, or -1 when not listening. */
	int localPort() {
		ServerSocket socket = this.server;
		return (socket != null) ? socket.getLocalPort() : -1;
	}

	/** The number of open connections. */
	int connectionCount() {
		return this.connections.size();
	}

	private void acceptLoop(ServerSocket socket) {
		while (!socket.isClosed()) {
			Socket connection;
			try {
				connection = socket.accept();
			}
			catch (IOException ex) {
				if (!socket.isClosed()) {
					LOG.warn("HJ 212 listener cannot accept a connection: {}", ex.toString());
					// e.g. out of file descriptors: do not spin
					LockSupport.parkNanos(ACCEPT_FAILURE_PAUSE_NANOS);
				}
				continue;
			}
			try {
				admit(connection);
			}
			catch (RuntimeException ex) {
				LOG.warn("HJ 212 connection from {} dropped: {}", connection.getRemoteSocketAddress(), ex.toString());
				closeQuietly(connection);
			}
		}
	}

	private void admit(Socket connection) {
		ExecutorService threads = this.executor;
		if (threads == null || !this.running) {
			closeQuietly(connection);
			return;
		}
		if (this.connections.size() >= this.properties.maxConnections()) {
			LOG.warn("HJ 212 connection from {} refused: {} connections open already",
					connection.getRemoteSocketAddress(), this.connections.size());
			closeQuietly(connection);
			this.closes.get(CloseReason.LIMIT).increment();
			return;
		}
		this.connections.add(connection);
		try {
			threads.execute(() -> serve(connection));
		}
		catch (RejectedExecutionException ex) {
			this.connections.remove(connection);
			closeQuietly(connection);
		}
	}

	private void serve(Socket connection) {
		String source = "tcp:" + connection.getInetAddress().getHostAddress() + ":" + connection.getPort();
		Thread thread = Thread.currentThread();
		String poolName = thread.getName();
		thread.setName("hj212-" + connection.getInetAddress().getHostAddress() + ":" + connection.getPort());
		LOG.debug("HJ 212 connection from {}", source);
		CloseReason closed = CloseReason.ERROR;
		try (connection) {
			connection.setSoTimeout(Math.toIntExact(Math.max(1, this.properties.idleTimeout().toMillis())));
			InputStream in = connection.getInputStream();
			OutputStream out = connection.getOutputStream();
			Hj212FrameSplitter splitter = new Hj212FrameSplitter(this.properties.maxFrameBytes());
			ConnectionSink sink = new ConnectionSink(source, out);
			byte[] buffer = new byte[4096];
			int read;
			while (!sink.isRefusing() && (read = in.read(buffer)) != -1) {
				splitter.feed(buffer, 0, read, sink);
			}
			if (sink.isRefusing()) {
				closed = CloseReason.BAD_FRAMES;
				LOG.warn(
						"HJ 212 connection from {} closed after {} refused frames in a row"
								+ " (lantian.hj212.max-bad-frames); the last: {}",
						source, sink.badFrames, sink.lastRefusal);
			}
			else {
				splitter.finish(sink);
				closed = CloseReason.PEER;
				LOG.debug("HJ 212 connection from {} closed by the logger", source);
			}
		}
		catch (SocketTimeoutException ex) {
			closed = CloseReason.IDLE;
			LOG.info("HJ 212 connection from {} idle for {}, closed", source, this.properties.idleTimeout());
		}
		catch (IOException ex) {
			if (this.running) {
				LOG.info("HJ 212 connection from {} failed: {}", source, ex.toString());
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("HJ 212 connection from {} closed after an unexpected failure", source, ex);
		}
		finally {
			this.connections.remove(connection);
			this.closes.get(closed).increment();
			this.handler.closed(source);
			thread.setName(poolName);
		}
	}

	/** Why a connection ended; a bounded metric tag. */
	enum CloseReason {

		PEER("peer"), IDLE("idle"), BAD_FRAMES("bad_frames"), LIMIT("limit"), ERROR("error");

		private final String tag;

		CloseReason(String tag) {
			this.tag = tag;
		}

	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Hands one connection's frames to the handler and writes their replies back, from
	 * whichever thread completes them.
	 */
	private final class ConnectionSink implements Hj212FrameSplitter.Sink {

		private final String source;

		private final OutputStream out;

		/** Refused frames in a row; only the connection's thread touches it. */
		private int badFrames;

		private String lastRefusal = "";

		ConnectionSink(String source, OutputStream out) {
			this.source = source;
			this.out = out;
		}

		/** Whether too many frames in a row were refused: the rest is not read. */
		boolean isRefusing() {
			return this.badFrames >= Hj212TcpListener.this.properties.maxBadFrames();
		}

		@Override
		public void frame(byte[] frame) {
			if (isRefusing()) {
				return;
			}
			Hj212FrameHandler.Received received = Hj212TcpListener.this.handler.receive(Transport.HJ212_TCP,
					this.source, frame);
			RejectionReason refusal = received.refusal();
			if (refusal != null) {
				this.badFrames++;
				this.lastRefusal = refusal + " (details in the dead letters)";
			}
			else {
				this.badFrames = 0;
			}
			received.reply().thenAccept(this::reply);
		}

		@Override
		public void malformed(byte[] bytes, RejectionReason reason, String detail) {
			if (isRefusing()) {
				return;
			}
			Hj212TcpListener.this.handler.refuse(Transport.HJ212_TCP, this.source, bytes, reason, detail);
			this.badFrames++;
			this.lastRefusal = reason + " (" + detail + ")";
		}

		private void reply(Optional<String> reply) {
			if (reply.isEmpty()) {
				return;
			}
			byte[] bytes = reply.get().getBytes(StandardCharsets.UTF_8);
			try {
				synchronized (this.out) {
					this.out.write(bytes);
					this.out.flush();
				}
			}
			catch (IOException ex) {
				LOG.info("HJ 212 reply to {} not sent: {}", this.source, ex.toString());
			}
		}

	}

}
