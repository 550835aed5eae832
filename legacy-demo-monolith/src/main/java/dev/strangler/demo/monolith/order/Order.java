package dev.strangler.demo.monolith.order;

import java.math.BigDecimal;
import java.util.List;

/** A placed order with its lines in the order the client sent them. */
public record Order(long id, long userId, List<OrderLine> items, BigDecimal total) {}
