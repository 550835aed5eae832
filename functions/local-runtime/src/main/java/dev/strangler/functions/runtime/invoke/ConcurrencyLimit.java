package dev.strangler.functions.runtime.invoke;

import java.util.concurrent.Semaphore;

/**
 * How many invocations of one function may run at once: its reserved concurrency, or the runtime's
 * default for functions without one. Synchronous invocations over the limit are throttled; {@code
 * Event} invocations wait for a slot, as Lambda's queue holds them.
 */
final class ConcurrencyLimit {

  private final int limit;
  private final boolean reserved;
  private final Semaphore slots;

  ConcurrencyLimit(int limit, boolean reserved) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, but was " + limit);
    }
    this.limit = limit;
    this.reserved = reserved;
    this.slots = new Semaphore(limit);
  }

  boolean tryAcquire() {
    return slots.tryAcquire();
  }

  void acquire() throws InterruptedException {
    slots.acquire();
  }

  void release() {
    slots.release();
  }

  int limit() {
    return limit;
  }

  int inUse() {
    return limit - slots.availablePermits();
  }

  /** The {@code Reason} of the 429: which limit Lambda would say was hit. */
  String throttleReason() {
    return reserved
        ? ServiceErrors.RESERVED_CONCURRENCY_EXCEEDED
        : ServiceErrors.CONCURRENCY_EXCEEDED;
  }
}
