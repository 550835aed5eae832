package dev.strangler.rules.model;

import java.util.Objects;

/**
 * The share of users a rule sends to Lambda.
 *
 * @param basisPoints the percentage times 100 (0 to 10,000), so two decimals are exact
 * @param stickyBy what identifies a user
 */
public record Canary(int basisPoints, StickyKey stickyBy) {

  public static final int ALL = 10_000;

  public Canary {
    if (basisPoints < 0 || basisPoints > ALL) {
      throw new IllegalArgumentException("basisPoints must be 0..10000, but was " + basisPoints);
    }
    Objects.requireNonNull(stickyBy, "stickyBy");
  }

  /** {@code 25}, {@code 12.5}, {@code 0.01} */
  public String percentText() {
    return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
  }
}
