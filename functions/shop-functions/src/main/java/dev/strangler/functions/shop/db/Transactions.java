package dev.strangler.functions.shop.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Runs work in one database transaction, as the monolith's {@code @Transactional} does: everything
 * commits together, and any exception (an {@code ApiProblem} included) rolls everything back.
 */
public final class Transactions {

  /** What runs inside the transaction, on the connection it is pinned to. */
  @FunctionalInterface
  public interface Work<T> {
    T run(ConnectionProvider transaction);
  }

  private Transactions() {}

  /**
   * @return what {@code work} returned, once committed
   * @throws DatabaseException when the transaction cannot begin or commit
   */
  public static <T> T inTransaction(ConnectionProvider database, Work<T> work) {
    Objects.requireNonNull(work, "work");
    Connection connection = begin(Objects.requireNonNull(database, "database"));
    try {
      // Pinned: the provider could otherwise hand out a fresh auto-commit connection mid-way.
      T result = work.run(() -> connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(connection, e);
      throw new DatabaseException("Could not commit a transaction", e);
    } catch (RuntimeException | Error e) {
      rollback(connection, e);
      throw e;
    } finally {
      restoreAutoCommit(connection);
    }
  }

  private static Connection begin(ConnectionProvider database) {
    try {
      Connection connection = database.connection();
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      throw new DatabaseException("Could not begin a transaction", e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  // The provider hands this connection to the next invocation, which expects auto-commit. If it
  // cannot be restored the connection is broken: closing it makes the provider open a new one.
  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Already unusable; the provider replaces a closed connection either way.
      }
    }
  }
}
