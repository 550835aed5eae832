package dev.strangler.functions.shop.product;

import dev.strangler.functions.shop.db.ConnectionProvider;
import dev.strangler.functions.shop.db.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The monolith's product queries in plain JDBC on its own tables: the same SQL (portable between H2
 * and PostgreSQL), hence the same rows in the same order.
 */
public final class ProductRepository {

  private static final String COLUMNS = "id, sku, name, category, price, description";

  private final ConnectionProvider database;

  public ProductRepository(ConnectionProvider database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Ordered by id so that pages are stable. No category means all categories. */
  public List<Product> findPage(Optional<String> category, int limit, long offset) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM product"
            + (category.isPresent() ? " WHERE category = ?" : "")
            + " ORDER BY id LIMIT ? OFFSET ?";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      int index = 1;
      if (category.isPresent()) {
        statement.setString(index++, category.get());
      }
      statement.setInt(index++, limit);
      statement.setLong(index, offset);
      return products(statement);
    } catch (SQLException e) {
      throw new DatabaseException("Could not read a page of products", e);
    }
  }

  public long count(Optional<String> category) {
    String sql =
        "SELECT COUNT(*) FROM product" + (category.isPresent() ? " WHERE category = ?" : "");
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      if (category.isPresent()) {
        statement.setString(1, category.get());
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new DatabaseException("Could not count products", e);
    }
  }

  public Optional<Product> findById(long id) {
    String sql = "SELECT " + COLUMNS + " FROM product WHERE id = ?";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(toProduct(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DatabaseException("Could not read product " + id, e);
    }
  }

  /** The products among {@code ids} that exist, ordered by id; unknown ids are left out. */
  public List<Product> findAllById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
    String sql =
        "SELECT " + COLUMNS + " FROM product WHERE id IN (" + placeholders + ") ORDER BY id";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      int index = 1;
      for (long id : ids) {
        statement.setLong(index++, id);
      }
      return products(statement);
    } catch (SQLException e) {
      throw new DatabaseException("Could not read products " + ids, e);
    }
  }

  private static List<Product> products(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      List<Product> products = new ArrayList<>();
      while (rows.next()) {
        products.add(toProduct(rows));
      }
      return products;
    }
  }

  private static Product toProduct(ResultSet row) throws SQLException {
    return new Product(
        row.getLong("id"),
        row.getString("sku"),
        row.getString("name"),
        row.getString("category"),
        row.getBigDecimal("price"),
        row.getString("description"));
  }
}
