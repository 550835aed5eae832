package dev.strangler.functions.shop.product;

import java.math.BigDecimal;

/** A catalogue entry, with the monolith's JSON shape: components in this order, two-place price. */
public record Product(
    long id, String sku, String name, String category, BigDecimal price, String description) {}
