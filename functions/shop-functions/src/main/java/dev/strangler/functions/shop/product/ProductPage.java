package dev.strangler.functions.shop.product;

import java.util.List;

/** One page of products and what a client needs to ask for the next one, as the monolith sends. */
public record ProductPage(List<Product> items, int page, int size, long total) {

  public ProductPage {
    items = List.copyOf(items);
  }
}
