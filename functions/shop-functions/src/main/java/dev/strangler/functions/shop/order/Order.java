package dev.strangler.functions.shop.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * A placed order with its lines in the order the client sent them, in the monolith's JSON shape.
 */
public record Order(long id, long userId, List<OrderLine> items, BigDecimal total) {

  public Order {
    items = List.copyOf(items);
  }
}
