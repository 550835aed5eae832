package dev.strangler.functions.shop.order;

import java.math.BigDecimal;

/** One line; the unit price is the one stored with the order, not the catalogue's current one. */
public record OrderLine(
    long productId, String productName, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
