package dev.strangler.proxy.edge.shutdown;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import reactor.netty.DisposableServer;

/**
 * The public server's drain on shutdown, run before anything else stops: close the listener, tell
 * every connection to close (after the answer it owes, or now if it owes none), and wait until all
 * of them have closed, at most {@code spring.lifecycle.timeout-per-shutdown-phase}.
 *
 * <p>Its phase is just above Boot's graceful shutdown, which then finds the server disposed and has
 * nothing left to do. Everything the requests in flight need stops in later phases: the management
 * server (its child context, {@code MAX_VALUE - 1536}), the web server's own stop ({@code - 2048}),
 * the shared Reactor Netty event loops and the gateway's connection pool towards the monolith
 * ({@code ReactorResourceFactory}, phase 0), and last the singletons' destroy methods, among them
 * the Lambda client's {@code close}.
 */
final class ListenerDrain implements SmartLifecycle {

  static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

  private static final Logger log = LoggerFactory.getLogger(ListenerDrain.class);
  private static final Duration LISTENER_CLOSE_LIMIT = Duration.ofSeconds(5);

  private final DrainingConnections connections;
  private final Duration timeout;
  private final List<DisposableServer> servers = new CopyOnWriteArrayList<>();
  private volatile boolean running;

  ListenerDrain(DrainingConnections connections, Duration timeout) {
    this.connections = requireNonNull(connections, "connections");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  /** The public server, once bound. */
  void bound(DisposableServer server) {
    servers.add(server);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    long started = System.nanoTime();
    for (DisposableServer server : servers) {
      server.dispose(); // closes the listening socket: new connections are refused from here on
      server.onDispose().block(LISTENER_CLOSE_LIMIT);
    }
    int open = connections.openConnections();
    connections.startDraining();
    log.info(
        "Draining {} open connection(s): the listener is closed, idle connections are closed and"
            + " every response from now on is the last on its connection (up to {})",
        open,
        timeout);
    boolean drained;
    try {
      drained = connections.awaitAllClosed(timeout.minusNanos(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (drained) {
      log.info("Drained in {} ms: every connection answered and closed", took.toMillis());
    } else {
      log.warn(
          "Drain timed out after {} ms; closing {} connection(s) still open",
          took.toMillis(),
          connections.closeAll());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
