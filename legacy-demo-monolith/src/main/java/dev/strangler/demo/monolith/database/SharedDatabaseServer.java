package dev.strangler.demo.monolith.database;

import java.sql.SQLException;
import org.h2.tools.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves the embedded H2 database over H2's TCP protocol, so that the Lambda functions that replace
 * the monolith's endpoints share its data, as in a real migration's first phase. Only local
 * connections are accepted (H2's default without {@code -tcpAllowOthers}).
 */
@Component
@ConditionalOnProperty("shop.database.tcp-port")
class SharedDatabaseServer implements SmartLifecycle {

  private final int port;
  private Server server;

  SharedDatabaseServer(@Value("${shop.database.tcp-port}") int port) {
    this.port = port;
  }

  @Override
  public synchronized void start() {
    try {
      server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifExists").start();
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
