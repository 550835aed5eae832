package dev.strangler.proxy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback port that was free a moment ago, for processes that must be told their port. Never the
 * same port twice in one test JVM: the OS may hand a just-closed port out again at once, and a
 * process told to use one port for two servers would not start.
 */
public final class FreePort {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePort() {}

  public static int next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = any();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no fresh free loopback port after 100 attempts");
  }

  private static int any() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
