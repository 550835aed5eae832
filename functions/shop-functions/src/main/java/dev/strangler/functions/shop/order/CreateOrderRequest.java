package dev.strangler.functions.shop.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/orders}, with exactly the monolith's constraints and messages, and its
 * boxed types: a missing number is a "must not be null" violation, not a zero.
 */
public record CreateOrderRequest(
    @NotNull(message = "must not be null") @Positive(message = "must be a positive id") Long userId,
    @NotEmpty(message = "must contain at least one item")
        @Size(max = 50, message = "must contain at most 50 items")
        List<@Valid @NotNull(message = "must not be null") Item> items) {

  /** One line as the client asks for it; the price comes from the catalogue. */
  public record Item(
      @NotNull(message = "must not be null") @Positive(message = "must be a positive id")
          Long productId,
      @NotNull(message = "must not be null")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 1000, message = "must be at most 1000")
          Integer quantity) {}
}
