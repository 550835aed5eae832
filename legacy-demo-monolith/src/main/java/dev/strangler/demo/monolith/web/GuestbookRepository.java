package dev.strangler.demo.monolith.web;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GuestbookRepository {

  private final JdbcClient jdbc;

  GuestbookRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String name, String message) {
    jdbc.sql("INSERT INTO guestbook_entry (name, message) VALUES (:name, :message)")
        .param("name", name)
        .param("message", message)
        .update();
  }

  /** Newest first. */
  List<GuestbookEntry> latest(int limit) {
    return jdbc.sql("SELECT id, name, message FROM guestbook_entry ORDER BY id DESC LIMIT :limit")
        .param("limit", limit)
        .query(
            (rs, row) ->
                new GuestbookEntry(rs.getLong("id"), rs.getString("name"), rs.getString("message")))
        .list();
  }
}
