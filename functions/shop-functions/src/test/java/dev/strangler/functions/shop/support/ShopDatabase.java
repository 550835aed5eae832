package dev.strangler.functions.shop.support;

import dev.strangler.functions.shop.db.ConnectionProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A fresh in-memory H2 database with the monolith's schema and seed data, migrated by Flyway from
 * the monolith's own scripts ({@code db/migration} in its jar), as the monolith migrates its own.
 */
public final class ShopDatabase implements ConnectionProvider, AutoCloseable {

  private final String name;
  private final String url;
  private final Connection connection;

  private ShopDatabase(String name, String url, Connection connection) {
    this.name = name;
    this.url = url;
    this.connection = connection;
  }

  public static ShopDatabase migrated() {
    String name = "shop-" + UUID.randomUUID();
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try {
      return new ShopDatabase(name, url, DriverManager.getConnection(url, "sa", ""));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + url, e);
    }
  }

  /** The URL under which an H2 TCP server of this JVM on {@code port} serves this database. */
  public String tcpUrl(int port) {
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  /** Runs a statement, for tests that change the data behind the handlers' backs. */
  public void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } finally {
      connection.close();
    }
  }
}
