package dev.strangler.demo.monolith.order;

import java.math.BigDecimal;

/** One line; the unit price is copied at order time so later price changes do not alter it. */
public record OrderLine(
    long productId, String productName, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
