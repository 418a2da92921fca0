package org.lantian.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered. Paho mqttv3 reads a packet's fixed header
 * byte by byte straight from the socket, which costs three or four system calls per
 * message; behind a buffer it is one call per 64 KiB. On a sandboxed 2-core machine this
 * halves the CPU the subscriber spends per reading (docs/benchmarks.md).
 */
final class BufferedSocketFactory extends SocketFactory {

	static final int BUFFER_SIZE = 64 * 1024;

	@Override
	public Socket createSocket() {
		return new BufferedInputSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.bind(new InetSocketAddress(localHost, localPort));
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = new BufferedInputSocket();
		socket.bind(new InetSocketAddress(localAddress, localPort));
		socket.connect(new InetSocketAddress(address, port));
		return socket;
	}

	private static final class BufferedInputSocket extends Socket {

		private InputStream input;

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (this.input == null) {
				this.input = new AvailableFromBuffer(super.getInputStream());
			}
			return this.input;
		}

	}

	/**
	 * Answers {@link #available()} from the buffer when it holds anything: Paho asks
	 * before every packet, and the socket's answer is another system call.
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

}
