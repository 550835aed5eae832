package dev.strangler.proxy.admin;

import java.util.Arrays;

/**
 * A fixed log-scale histogram layout for latencies: bin bounds grow by √2 from 0.5 ms to about 33
 * s, so an estimate read from a bin is within a factor of √2 of any latency in it, with 34
 * counters.
 */
final class LatencyBins {
  private LatencyBins() {}

  private static final long FIRST_BOUND_NANOS = 500_000;

  /** Exclusive upper bounds of bins 0..n-2; the last bin has no upper bound. */
  private static final long[] UPPER = new long[33];

  static {
    for (int k = 0; k < UPPER.length; k++) {
      UPPER[k] = Math.round(FIRST_BOUND_NANOS * Math.pow(2, k / 2.0));
    }
  }

  static final int COUNT = UPPER.length + 1;

  static int of(long nanos) {
    int found = Arrays.binarySearch(UPPER, nanos);
    // An exact bound belongs to the bin above it (bounds are exclusive upper bounds).
    return found >= 0 ? found + 1 : -found - 1;
  }

  static long lowerNanos(int bin) {
    return bin == 0 ? 0 : UPPER[bin - 1];
  }

  /** The exclusive upper bound, or {@link Long#MAX_VALUE} for the last bin. */
  static long upperNanos(int bin) {
    return bin < UPPER.length ? UPPER[bin] : Long.MAX_VALUE;
  }

  /** The value that stands for the latencies in a bin: its geometric middle. */
  static long estimateNanos(int bin) {
    if (bin == 0) {
      return UPPER[0] / 2;
    }
    if (bin == UPPER.length) {
      return UPPER[UPPER.length - 1];
    }
    return Math.round(Math.sqrt((double) lowerNanos(bin) * upperNanos(bin)));
  }
}
