package io.cxhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses free ports for the ports configured as 0. Every service must know its peers'
 * addresses before it starts, so that all contexts can start at once; a server that
 * picked its own port would only tell it afterwards. The probe sockets are held until
 * every port is chosen (so the ports differ) and released just before the servers bind.
 * Another process could take one in that short window; the start then fails with a bind
 * error naming the port, and a new start picks other ports.
 */
final class FreePorts implements AutoCloseable {

  private final List<ServerSocket> held = new ArrayList<>();

  /** {@code port} itself when not 0, else a port that is free on the loopback interface now. */
  int resolve(int port) {
    if (port != 0) {
      return port;
    }
    try {
      var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      held.add(socket);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  /** Releases the probed ports so that the servers can bind them. */
  @Override
  public void close() {
    for (var socket : held) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // a probe socket that cannot close leaves its port taken: the bind error names it
      }
    }
    held.clear();
  }
}
