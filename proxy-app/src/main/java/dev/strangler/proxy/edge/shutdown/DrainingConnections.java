package dev.strangler.proxy.edge.shutdown;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every connection the public server has open, so that shutdown waits for all of them.
 *
 * <p>Reactor Netty's own drain ({@code DisposableServer.disposeNow}, which Boot's graceful shutdown
 * calls) takes one snapshot of its connections as the listener closes and waits only for those. A
 * connection accepted a moment earlier but registered after the snapshot is neither closed nor
 * waited for: it goes on serving keep-alive requests until the event loops and the client pool are
 * disposed under it, which truncates the response it is writing and fails the request it has
 * forwarded. Here a connection counts from its pipeline's set-up to its close.
 */
public final class DrainingConnections {

  private final Set<Channel> open = ConcurrentHashMap.newKeySet();
  private volatile boolean draining;

  /** A new connection: counted until it closes, and closed once idle if draining already. */
  void register(Channel channel, ConnectionDrainHandler handler) {
    open.add(channel);
    channel.closeFuture().addListener(closed -> open.remove(channel));
    if (draining) {
      channel.eventLoop().execute(handler::closeIfIdle);
    }
  }

  /**
   * From now on every response says {@code Connection: close} and is its connection's last, and
   * connections idle between requests are closed: a FIN, sent from the connection's own event loop,
   * so that a request it has already read is answered first.
   */
  public void startDraining() {
    draining = true;
    for (Channel channel : open) {
      ConnectionDrainHandler handler = channel.pipeline().get(ConnectionDrainHandler.class);
      if (handler != null) {
        channel.eventLoop().execute(handler::closeIfIdle);
      }
    }
  }

  public boolean draining() {
    return draining;
  }

  public int openConnections() {
    return open.size();
  }

  /** Waits until every connection has closed; false if some are still open at the timeout. */
  public boolean awaitAllClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Iterator<Channel> remaining = open.iterator();
      if (!remaining.hasNext()) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || !remaining.next().closeFuture().await(left, TimeUnit.NANOSECONDS)) {
        return open.isEmpty();
      }
    }
  }

  /** Closes what is still open when the drain's time is up; returns how many there were. */
  public int closeAll() {
    int count = 0;
    for (Channel channel : open) {
      channel.close();
      count++;
    }
    return count;
  }
}
