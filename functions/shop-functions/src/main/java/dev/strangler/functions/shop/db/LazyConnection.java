package dev.strangler.functions.shop.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One connection per execution environment: opened by the first invocation, reused by the next
 * ones. Lambda runs one invocation at a time per environment, so a pool would only add cold-start
 * time; the reserved concurrency of each function caps the connections it opens.
 */
public final class LazyConnection implements ConnectionProvider {

  /** Opens a new connection. */
  @FunctionalInterface
  public interface Opener {
    Connection open() throws SQLException;
  }

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  private final Opener opener;
  private Connection current;

  public LazyConnection(Opener opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /** Opens connections with the JDBC driver that the URL names (H2 and PostgreSQL are bundled). */
  public static LazyConnection to(DatabaseSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new LazyConnection(
        () -> DriverManager.getConnection(settings.url(), settings.user(), settings.password()));
  }

  @Override
  public synchronized Connection connection() throws SQLException {
    if (current == null || !isAlive(current)) {
      closeQuietly(current);
      current = null;
      Connection opened = opener.open();
      opened.setAutoCommit(true);
      current = opened;
    }
    return current;
  }

  // An environment can be frozen for minutes between invocations, long enough for the server or a
  // NAT to drop the connection; one ping per invocation is cheaper than a failed request.
  private static boolean isAlive(Connection connection) {
    try {
      return !connection.isClosed() && connection.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // It is being replaced because it is broken; there is nothing to save.
    }
  }

  @Override
  public String toString() {
    return "LazyConnection[open=" + (current != null) + "]";
  }
}
