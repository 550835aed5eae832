package dev.strangler.functions.shop.order;

import dev.strangler.functions.shop.db.ConnectionProvider;
import dev.strangler.functions.shop.db.DatabaseException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The monolith's {@code customer_order} and {@code order_line} tables in plain JDBC, written and
 * read with the monolith's SQL, so that either side can read what the other wrote.
 */
public final class OrderRepository {

  /** A line as it is stored, before it is joined with the product name. */
  public record NewLine(long productId, int quantity, BigDecimal unitPrice) {}

  private final ConnectionProvider database;

  public OrderRepository(ConnectionProvider database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Writes the order row and its lines, numbered from 1 in the given order. Callers run this in one
   * transaction, or a failing line would leave a partial order behind.
   *
   * @return the new order's id
   */
  public long insert(long userId, BigDecimal total, List<NewLine> lines) {
    try {
      Connection connection = database.connection();
      long orderId = insertOrder(connection, userId, total);
      insertLines(connection, orderId, lines);
      return orderId;
    } catch (SQLException e) {
      throw new DatabaseException("Could not insert an order", e);
    }
  }

  private static long insertOrder(Connection connection, long userId, BigDecimal total)
      throws SQLException {
    String sql = "INSERT INTO customer_order (user_id, total) VALUES (?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
      statement.setLong(1, userId);
      statement.setBigDecimal(2, total);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void insertLines(Connection connection, long orderId, List<NewLine> lines)
      throws SQLException {
    String sql =
        "INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price)"
            + " VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int lineNo = 1;
      for (NewLine line : lines) {
        statement.setLong(1, orderId);
        statement.setInt(2, lineNo++);
        statement.setLong(3, line.productId());
        statement.setInt(4, line.quantity());
        statement.setBigDecimal(5, line.unitPrice());
        statement.executeUpdate();
      }
    }
  }

  /** The order as stored: amounts with the columns' scale, lines in line order. */
  public Optional<Order> findById(long id) {
    String sql = "SELECT user_id, total FROM customer_order WHERE id = ?";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        long userId = rows.getLong("user_id");
        BigDecimal total = rows.getBigDecimal("total");
        return Optional.of(new Order(id, userId, lines(id), total));
      }
    } catch (SQLException e) {
      throw new DatabaseException("Could not read order " + id, e);
    }
  }

  private List<OrderLine> lines(long orderId) throws SQLException {
    String sql =
        "SELECT l.product_id, p.name, l.quantity, l.unit_price"
            + " FROM order_line l JOIN product p ON p.id = l.product_id"
            + " WHERE l.order_id = ? ORDER BY l.line_no";
    try (PreparedStatement statement = database.connection().prepareStatement(sql)) {
      statement.setLong(1, orderId);
      try (ResultSet rows = statement.executeQuery()) {
        List<OrderLine> lines = new ArrayList<>();
        while (rows.next()) {
          BigDecimal unitPrice = rows.getBigDecimal("unit_price");
          int quantity = rows.getInt("quantity");
          lines.add(
              new OrderLine(
                  rows.getLong("product_id"),
                  rows.getString("name"),
                  quantity,
                  unitPrice,
                  unitPrice.multiply(BigDecimal.valueOf(quantity))));
        }
        return lines;
      }
    }
  }
}
