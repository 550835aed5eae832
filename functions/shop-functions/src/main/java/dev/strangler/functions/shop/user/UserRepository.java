package dev.strangler.functions.shop.user;

import dev.strangler.functions.shop.db.ConnectionProvider;
import dev.strangler.functions.shop.db.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/** The monolith's {@code app_user} table in plain JDBC. */
public final class UserRepository {

  /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final ConnectionProvider database;

  public UserRepository(ConnectionProvider database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  public boolean existsById(long id) {
    String sql = "SELECT COUNT(*) FROM app_user WHERE id = ?";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new DatabaseException("Could not look up user " + id, e);
    }
  }

  public boolean existsByEmail(String email) {
    String sql = "SELECT COUNT(*) FROM app_user WHERE email = ?";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      statement.setString(1, email);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new DatabaseException("Could not look up a user by email", e);
    }
  }

  /** Empty when the email is taken: the unique constraint settles concurrent sign-ups. */
  public Optional<User> insert(String name, String email) {
    String sql = "INSERT INTO app_user (name, email) VALUES (?, ?)";
    try (PreparedStatement statement =
        database.connection().prepareStatement(sql, new String[] {"id"})) {
      statement.setString(1, name);
      statement.setString(2, email);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return Optional.of(new User(keys.getLong(1), name, email));
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw new DatabaseException("Could not insert a user", e);
    }
  }
}
