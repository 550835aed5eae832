package dev.strangler.demo.monolith.database;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves the embedded H2 database over H2's TCP protocol, so that the Lambda functions that replace
 * the monolith's endpoints share its data, as in a real migration's first phase. Only local
 * connections are accepted (H2's default without {@code -tcpAllowOthers}), unless {@code
 * shop.database.tcp-allow-others} is set: on Kubernetes the local Lambda runtime runs in its own
 * pod, and a NetworkPolicy, not the address, decides who may connect.
 */
@Component
@ConditionalOnProperty("shop.database.tcp-port")
class SharedDatabaseServer implements SmartLifecycle {

  private final int port;
  private final boolean allowOthers;
  private Server server;

  SharedDatabaseServer(
      @Value("${shop.database.tcp-port}") int port,
      @Value("${shop.database.tcp-allow-others:false}") boolean allowOthers) {
    this.port = port;
    this.allowOthers = allowOthers;
  }

  @Override
  public synchronized void start() {
    try {
      List<String> args = new ArrayList<>(List.of("-tcpPort", String.valueOf(port), "-ifExists"));
      if (allowOthers) {
        args.add("-tcpAllowOthers");
      }
      server = Server.createTcpServer(args.toArray(String[]::new)).start();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot serve the database on port "
              + port
              + " (shop.database.tcp-port): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }
}
