package dev.strangler.demo.monolith.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.demo.monolith.HttpTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order row and its lines are one transaction: a failing line leaves no order behind. */
class OrderTransactionTests extends HttpTestSupport {

  @Autowired OrderService service;
  @Autowired JdbcClient jdbc;

  private long rows(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  @Test
  void rollsBackTheOrderRowWhenALineCannotBeWritten() {
    long orders = rows("customer_order");
    long lines = rows("order_line");
    // Bean validation lives in the web layer; calling the service directly lets the second line
    // reach the database, where the quantity CHECK constraint rejects it after the order row and
    // the first line were written.
    CreateOrderRequest request =
        new CreateOrderRequest(
            1L, List.of(new CreateOrderRequest.Item(1L, 1), new CreateOrderRequest.Item(2L, -1)));

    assertThatThrownBy(() -> service.place(request))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(rows("customer_order")).isEqualTo(orders);
    assertThat(rows("order_line")).isEqualTo(lines);
  }
}
