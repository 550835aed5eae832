package dev.strangler.proxy.admin;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts of one route and backend over the last few minutes: a ring of fixed-width time slots, each
 * with its request, error and fallback counts and a latency histogram. Lock-free: a request
 * increments a few atomic counters; a slot whose time is over is replaced by a fresh one with one
 * compare-and-set, so an old count is never mixed into a new slot.
 */
final class RollingWindow {

  private static final int REQUESTS = 0;
  private static final int ERRORS = 1;
  private static final int FALLBACKS = 2;
  private static final int FIRST_BIN = 3;

  private final AtomicReferenceArray<Slot> ring;

  /**
   * @param slots how many slots the ring keeps: the longest window read, plus one
   */
  RollingWindow(int slots) {
    this.ring = new AtomicReferenceArray<>(slots);
  }

  /** One slot of time, numbered from the start of the clock. */
  private static final class Slot {
    final long number;
    final AtomicLongArray counts = new AtomicLongArray(FIRST_BIN + LatencyBins.COUNT);

    Slot(long number) {
      this.number = number;
    }
  }

  void record(long slotNumber, boolean failed, boolean fellBack, long latencyNanos) {
    Slot slot = slot(slotNumber);
    if (slot == null) {
      return; // so late that its slot has been reused: dropped rather than counted as new
    }
    AtomicLongArray counts = slot.counts;
    counts.incrementAndGet(REQUESTS);
    if (failed) {
      counts.incrementAndGet(ERRORS);
    }
    if (fellBack) {
      counts.incrementAndGet(FALLBACKS);
    }
    counts.incrementAndGet(FIRST_BIN + LatencyBins.of(latencyNanos));
  }

  private Slot slot(long number) {
    int index = (int) Math.floorMod(number, (long) ring.length());
    while (true) {
      Slot slot = ring.get(index);
      if (slot != null && slot.number == number) {
        return slot;
      }
      if (slot != null && slot.number > number) {
        return null;
      }
      Slot fresh = new Slot(number);
      if (ring.compareAndSet(index, slot, fresh)) {
        return fresh;
      }
    }
  }

  /** The sums over slots {@code from..to}, both included. */
  Totals sum(long from, long to) {
    long requests = 0;
    long errors = 0;
    long fallbacks = 0;
    long[] bins = new long[LatencyBins.COUNT];
    for (int i = 0; i < ring.length(); i++) {
      Slot slot = ring.get(i);
      if (slot == null || slot.number < from || slot.number > to) {
        continue;
      }
      requests += slot.counts.get(REQUESTS);
      errors += slot.counts.get(ERRORS);
      fallbacks += slot.counts.get(FALLBACKS);
      for (int bin = 0; bin < bins.length; bin++) {
        bins[bin] += slot.counts.get(FIRST_BIN + bin);
      }
    }
    return new Totals(requests, errors, fallbacks, bins);
  }

  /** Counts summed over some slots. */
  record Totals(long requests, long errors, long fallbacks, long[] bins) {

    /**
     * The latency at quantile {@code q} (0..1], as the middle of the bin that holds it, or -1 when
     * there were no requests.
     */
    long quantileNanos(double q) {
      long total = 0;
      for (long count : bins) {
        total += count;
      }
      if (total == 0) {
        return -1;
      }
      long rank = Math.max(1, (long) Math.ceil(q * total));
      long seen = 0;
      for (int bin = 0; bin < bins.length; bin++) {
        seen += bins[bin];
        if (seen >= rank) {
          return LatencyBins.estimateNanos(bin);
        }
      }
      return LatencyBins.estimateNanos(bins.length - 1);
    }
  }
}
