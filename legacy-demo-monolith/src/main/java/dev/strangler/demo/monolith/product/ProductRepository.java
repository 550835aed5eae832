package dev.strangler.demo.monolith.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL that runs on H2 and PostgreSQL alike (LIMIT/OFFSET, no vendor functions). */
@Repository
public class ProductRepository {

  private static final String COLUMNS = "id, sku, name, category, price, description";

  private static final RowMapper<Product> MAPPER =
      (rs, row) ->
          new Product(
              rs.getLong("id"),
              rs.getString("sku"),
              rs.getString("name"),
              rs.getString("category"),
              rs.getBigDecimal("price"),
              rs.getString("description"));

  private final JdbcClient jdbc;

  public ProductRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Ordered by id so that pages are stable. A null category means all categories. */
  public List<Product> findPage(String category, int limit, long offset) {
    if (category == null) {
      return jdbc.sql("SELECT " + COLUMNS + " FROM product ORDER BY id LIMIT :limit OFFSET :offset")
          .param("limit", limit)
          .param("offset", offset)
          .query(MAPPER)
          .list();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM product WHERE category = :category ORDER BY id LIMIT :limit OFFSET :offset")
        .param("category", category)
        .param("limit", limit)
        .param("offset", offset)
        .query(MAPPER)
        .list();
  }

  public long count(String category) {
    if (category == null) {
      return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }
    return jdbc.sql("SELECT COUNT(*) FROM product WHERE category = :category")
        .param("category", category)
        .query(Long.class)
        .single();
  }

  public Optional<Product> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id = :id")
        .param("id", id)
        .query(MAPPER)
        .optional();
  }

  public List<Product> findAllById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE id IN (:ids) ORDER BY id")
        .param("ids", ids)
        .query(MAPPER)
        .list();
  }
}
