package dev.strangler.demo.monolith.product;

import java.util.List;

/** One page of products plus what a client needs to ask for the next one. */
public record ProductPage(List<Product> items, int page, int size, long total) {}
