package org.lantian.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on the loopback interface, for child processes and test servers.
 */
public final class FreePort {

	private FreePort() {
	}

	/**
	 * Returns a loopback port that was free a moment ago. Another process may take it
	 * before the caller binds it, so callers retry once with a new port.
	 * @return a port number
	 */
	public static int find() {
		return find(1).get(0);
	}

	/**
	 * Returns {@code count} distinct loopback ports that were free a moment ago.
	 * @param count how many ports
	 * @return distinct port numbers
	 */
	public static List<Integer> find(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			// Holding every socket open until all are bound keeps the ports distinct.
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free loopback port", ex);
		}
		finally {
			sockets.forEach(FreePort::close);
		}
	}

	private static void close(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing listens on it yet; the port is released with the socket either way
		}
	}

}
