package dev.strangler.functions.shop.db;

import java.sql.SQLException;

/**
 * A query that failed for a reason the request did not cause (database down, lost connection).
 * Unchecked so that it leaves the handler as a function error, which the proxy can answer by
 * falling back to the monolith.
 */
public final class DatabaseException extends RuntimeException {

  public DatabaseException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
