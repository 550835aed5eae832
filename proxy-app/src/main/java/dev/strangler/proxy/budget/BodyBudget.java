package dev.strangler.proxy.budget;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One process-wide count of the request bytes the proxy holds in memory (a Lambda event, the body
 * kept to replay on the monolith), against one limit. Bytes are reserved before they are read or
 * encoded, so that the heap is never asked for more than the limit allows; a request that does not
 * fit is served some other way instead of killing the process. Lock-free: one compare-and-set per
 * reservation.
 */
public final class BodyBudget {

  /** The share of the maximum heap that buffered bodies may take by default. */
  static final int DEFAULT_HEAP_DIVISOR = 4;

  private final long limit;
  private final AtomicLong inUse = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();
  private final LongAdder refusals = new LongAdder();

  /**
   * @param limit the most bytes held at once, at least 1
   */
  public BodyBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 byte, but was " + limit);
    }
    this.limit = limit;
  }

  /**
   * The default limit: a quarter of the heap the JVM may grow to. The rest is for the proxy itself
   * (its context, rules, meters and connections) and for the collector's headroom, which needs free
   * regions for large arrays.
   */
  public static long defaultLimit(long maxHeap) {
    return Math.max(1, maxHeap / DEFAULT_HEAP_DIVISOR);
  }

  /** Reserves {@code bytes} if they fit in what is left; a refusal is counted. */
  public boolean tryReserve(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, but was " + bytes);
    }
    long now;
    long next;
    do {
      now = inUse.get();
      next = now + bytes;
      if (next > limit) {
        refusals.increment();
        return false;
      }
    } while (!inUse.compareAndSet(now, next));
    peak.accumulateAndGet(next, Math::max);
    return true;
  }

  /** Gives back bytes reserved before. */
  public void release(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, but was " + bytes);
    }
    long after = inUse.addAndGet(-bytes);
    if (after < 0) {
      throw new IllegalStateException("released " + bytes + " bytes more than were reserved");
    }
  }

  /** A request's own reservations, given back together and exactly once by {@link Hold#close}. */
  public Hold hold() {
    return new Hold(this);
  }

  public long limit() {
    return limit;
  }

  public long inUse() {
    return inUse.get();
  }

  /** The most bytes held at once since the start. */
  public long peak() {
    return peak.get();
  }

  /** Reservations refused since the start. */
  public long refusals() {
    return refusals.sum();
  }

  @Override
  public String toString() {
    return "BodyBudget[" + inUse() + " of " + limit + " bytes]";
  }

  /**
   * What one request holds of the budget. It grows and shrinks as the request's buffers come and
   * go; {@link #close} gives back whatever is still held and refuses any growth after, so that a
   * request that ends in any way (answered, fallen back, failed, cancelled) leaves nothing behind,
   * even when a late step races with the end.
   */
  public static final class Hold implements AutoCloseable {

    private static final long CLOSED = -1;

    private final BodyBudget budget;
    private final AtomicLong held = new AtomicLong();

    private Hold(BodyBudget budget) {
      this.budget = budget;
    }

    /** Reserves {@code bytes} more for this request; false if the budget has no room or closed. */
    public boolean tryGrow(long bytes) {
      if (held.get() == CLOSED || !budget.tryReserve(bytes)) {
        return false;
      }
      long now;
      do {
        now = held.get();
        if (now == CLOSED) {
          // Closed while reserving: the bytes are nobody's, so they go straight back.
          budget.release(bytes);
          return false;
        }
      } while (!held.compareAndSet(now, now + bytes));
      return true;
    }

    /** Gives back {@code bytes} of what this request holds (no more than it holds). */
    public void release(long bytes) {
      long now;
      do {
        now = held.get();
        if (now == CLOSED) {
          return;
        }
        if (bytes > now) {
          throw new IllegalStateException("releases " + bytes + " bytes but holds " + now);
        }
      } while (!held.compareAndSet(now, now - bytes));
      budget.release(bytes);
    }

    /** The bytes this request holds now; 0 once closed. */
    public long held() {
      return Math.max(0, held.get());
    }

    public boolean closed() {
      return held.get() == CLOSED;
    }

    /** Gives back everything still held; later calls and growth do nothing. */
    @Override
    public void close() {
      long last = held.getAndSet(CLOSED);
      if (last > 0) {
        budget.release(last);
      }
    }

    @Override
    public String toString() {
      return closed() ? "Hold[closed]" : "Hold[" + held() + " bytes]";
    }
  }
}
