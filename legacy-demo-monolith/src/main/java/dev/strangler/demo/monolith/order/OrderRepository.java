package dev.strangler.demo.monolith.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

  /** A line as it is stored, before it is joined with the product name. */
  record NewLine(long productId, int quantity, BigDecimal unitPrice) {}

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the order row and its lines; callers run this inside one transaction. */
  long insert(long userId, BigDecimal total, List<NewLine> lines) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO customer_order (user_id, total) VALUES (:userId, :total)")
        .param("userId", userId)
        .param("total", total)
        .update(keys, "id");
    long orderId = keys.getKeyAs(Long.class);
    int lineNo = 1;
    for (NewLine line : lines) {
      jdbc.sql(
              "INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price)"
                  + " VALUES (:orderId, :lineNo, :productId, :quantity, :unitPrice)")
          .param("orderId", orderId)
          .param("lineNo", lineNo++)
          .param("productId", line.productId())
          .param("quantity", line.quantity())
          .param("unitPrice", line.unitPrice())
          .update();
    }
    return orderId;
  }

  Optional<Order> findById(long id) {
    record Header(long userId, BigDecimal total) {}
    Optional<Header> header =
        jdbc.sql("SELECT user_id, total FROM customer_order WHERE id = :id")
            .param("id", id)
            .query((rs, row) -> new Header(rs.getLong("user_id"), rs.getBigDecimal("total")))
            .optional();
    return header.map(h -> new Order(id, h.userId(), lines(id), h.total()));
  }

  private List<OrderLine> lines(long orderId) {
    return jdbc.sql(
            "SELECT l.product_id, p.name, l.quantity, l.unit_price"
                + " FROM order_line l JOIN product p ON p.id = l.product_id"
                + " WHERE l.order_id = :orderId ORDER BY l.line_no")
        .param("orderId", orderId)
        .query(
            (rs, row) -> {
              BigDecimal unitPrice = rs.getBigDecimal("unit_price");
              int quantity = rs.getInt("quantity");
              return new OrderLine(
                  rs.getLong("product_id"),
                  rs.getString("name"),
                  quantity,
                  unitPrice,
                  unitPrice.multiply(BigDecimal.valueOf(quantity)));
            })
        .list();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single();
  }
}
