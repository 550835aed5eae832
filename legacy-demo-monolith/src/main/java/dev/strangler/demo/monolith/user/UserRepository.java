package dev.strangler.demo.monolith.user;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

  private static final RowMapper<User> MAPPER =
      (rs, row) -> new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"));

  private final JdbcClient jdbc;

  public UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Throws DuplicateKeyException when the email is taken (unique constraint). */
  public User insert(String name, String email) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO app_user (name, email) VALUES (:name, :email)")
        .param("name", name)
        .param("email", email)
        .update(keys, "id");
    return new User(keys.getKeyAs(Long.class), name, email);
  }

  public Optional<User> findById(long id) {
    return jdbc.sql("SELECT id, name, email FROM app_user WHERE id = :id")
        .param("id", id)
        .query(MAPPER)
        .optional();
  }

  public boolean existsByEmail(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = :email")
            .param("email", email)
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean existsById(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }
}
