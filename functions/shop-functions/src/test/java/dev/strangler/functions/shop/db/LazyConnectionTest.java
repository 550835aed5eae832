package dev.strangler.functions.shop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LazyConnectionTest {

  private final String url = "jdbc:h2:mem:lazy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final List<Connection> opened = new ArrayList<>();

  private final LazyConnection lazy =
      new LazyConnection(
          () -> {
            Connection connection = DriverManager.getConnection(url, "sa", "");
            opened.add(connection);
            return connection;
          });

  @AfterEach
  void closeAll() throws SQLException {
    for (Connection connection : opened) {
      connection.close();
    }
  }

  @Test
  void opensNothingUntilTheFirstInvocationAsks() throws SQLException {
    assertThat(opened).isEmpty();

    lazy.connection();

    assertThat(opened).hasSize(1);
  }

  @Test
  void reusesTheConnectionAcrossInvocations() throws SQLException {
    Connection first = lazy.connection();
    Connection second = lazy.connection();

    assertThat(second).isSameAs(first);
    assertThat(opened).hasSize(1);
  }

  @Test
  void replacesAConnectionThatWasClosedBetweenInvocations() throws SQLException {
    Connection first = lazy.connection();
    first.close();

    Connection second = lazy.connection();

    assertThat(second).isNotSameAs(first);
    assertThat(second.isValid(1)).isTrue();
  }

  @Test
  void alwaysHandsOutAutoCommitConnections() throws SQLException {
    lazy.connection().setAutoCommit(false);
    lazy.connection().close();

    assertThat(lazy.connection().getAutoCommit()).isTrue();
  }

  @Test
  void connectsWithTheJdbcDriverTheUrlNames() throws SQLException {
    LazyConnection fromSettings = LazyConnection.to(new DatabaseSettings(url, "sa", ""));

    try (Connection connection = fromSettings.connection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
  }
}
