package dev.strangler.demo.monolith.product;

import java.math.BigDecimal;

/** A catalogue entry; prices are exact decimals with two places. */
public record Product(
    long id, String sku, String name, String category, BigDecimal price, String description) {}
