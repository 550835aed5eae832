package dev.strangler.functions.shop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  private final String url = "jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private Connection connection;
  private Connection observer;

  @BeforeEach
  void createTable() throws SQLException {
    connection = DriverManager.getConnection(url, "sa", "");
    observer = DriverManager.getConnection(url, "sa", "");
    update(connection, "CREATE TABLE note (id INT PRIMARY KEY)");
  }

  @AfterEach
  void close() throws SQLException {
    observer.close();
    connection.close();
  }

  private static void update(Connection on, String sql) {
    try (Statement statement = on.createStatement()) {
      statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Rows as another connection sees them: only what was committed. */
  private long committedNotes() throws SQLException {
    try (Statement statement = observer.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM note")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void insertNote(ConnectionProvider transaction, int id) {
    try {
      update(transaction.connection(), "INSERT INTO note VALUES (" + id + ")");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void commitsEverythingTheWorkWroteAndReturnsItsResult() throws SQLException {
    String result =
        Transactions.inTransaction(
            () -> connection,
            transaction -> {
              insertNote(transaction, 1);
              insertNote(transaction, 2);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(committedNotes()).isEqualTo(2);
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test
  void rollsBackEverythingAndRethrowsWhenTheWorkFails() throws SQLException {
    IllegalArgumentException refusal = new IllegalArgumentException("refused");

    assertThatThrownBy(
            () ->
                Transactions.inTransaction(
                    () -> connection,
                    transaction -> {
                      insertNote(transaction, 1);
                      throw refusal;
                    }))
        .isSameAs(refusal);

    assertThat(committedNotes()).isZero();
    assertThat(connection.getAutoCommit()).isTrue();
  }

  @Test
  void keepsTheWorkOnTheConnectionItBeganWith() {
    Connection[] handedOut = {connection, observer};
    int[] calls = {0};
    ConnectionProvider changing = () -> handedOut[Math.min(calls[0]++, 1)];

    Connection used =
        Transactions.inTransaction(
            changing,
            transaction -> {
              try {
                transaction.connection();
                return transaction.connection();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(used).isSameAs(connection);
  }

  @Test
  void reportsAConnectionThatCannotBeginAsADatabaseError() throws SQLException {
    connection.close();

    assertThatThrownBy(() -> Transactions.inTransaction(() -> connection, transaction -> 1))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Could not begin a transaction");
  }
}
