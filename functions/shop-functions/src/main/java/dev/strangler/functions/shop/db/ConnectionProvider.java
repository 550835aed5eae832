package dev.strangler.functions.shop.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where an invocation gets its database connection. The provider owns the connection: callers use
 * it for the invocation and do not close it, so that the next invocation can reuse it.
 */
@FunctionalInterface
public interface ConnectionProvider {

  /** An open connection in auto-commit mode. */
  Connection connection() throws SQLException;
}
