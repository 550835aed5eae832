package dev.strangler.rules.routing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Draws from the {@link ThreadLocalRandom} of whichever thread asks, at the time it asks: a {@code
 * ThreadLocalRandom.current()} kept from another thread must not be used.
 */
final class CallingThreadRandom implements RandomGenerator {

  static final CallingThreadRandom INSTANCE = new CallingThreadRandom();

  private CallingThreadRandom() {}

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public int nextInt(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }

  @Override
  public String toString() {
    return "ThreadLocalRandom.current() of the calling thread";
  }
}
