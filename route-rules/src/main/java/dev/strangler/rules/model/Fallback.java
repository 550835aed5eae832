package dev.strangler.rules.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the proxy does when a rule's function fails: when the monolith may serve the request
 * instead, and when to stop calling the function for a while.
 *
 * @param idempotent whether the rule's requests may run twice (e.g. PUT/DELETE by design): then a
 *     request is replayed on the monolith even when the function ran and failed
 * @param idempotencyKeyHeader a request header whose presence makes that one request replayable
 *     likewise (e.g. {@code Idempotency-Key}), or {@code null}
 * @param onStatus function answers with these HTTP statuses count as failures too, e.g. 503
 * @param maxConcurrent most invocations of the rule in flight at once (keep it under the function's
 *     reserved concurrency); beyond it requests go to the monolith
 * @param circuitBreaker when to stop calling the function for a while
 * @param throttleRetry how often a throttled invocation is tried again before the monolith serves
 */
public record Fallback(
    boolean idempotent,
    String idempotencyKeyHeader,
    Set<Integer> onStatus,
    int maxConcurrent,
    CircuitBreaker circuitBreaker,
    ThrottleRetry throttleRetry) {

  public static final Fallback DEFAULT =
      new Fallback(false, null, Set.of(), 100, CircuitBreaker.DEFAULT, ThrottleRetry.DEFAULT);

  public Fallback {
    onStatus = Set.copyOf(onStatus);
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    Objects.requireNonNull(throttleRetry, "throttleRetry");
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException(
          "maxConcurrent must be at least 1, but was " + maxConcurrent);
    }
  }

  /**
   * A circuit breaker over the rule's calls: open when too many of the last {@code window} calls
   * failed or were slow; while open the rule's traffic goes straight to the monolith; after {@code
   * openFor}, {@code halfOpenCalls} probes decide whether it closes again.
   *
   * @param failureRatePercent failed calls (1–100) that open the breaker
   * @param slowCallRatePercent slow calls (1–100) that open the breaker
   * @param slowCallDuration a call slower than this counts as slow
   * @param window the number of recent calls judged
   * @param minimumCalls calls needed before the rates are judged at all
   * @param openFor how long the breaker stays open before probing
   * @param halfOpenCalls probe calls let through to decide
   */
  public record CircuitBreaker(
      int failureRatePercent,
      int slowCallRatePercent,
      Duration slowCallDuration,
      int window,
      int minimumCalls,
      Duration openFor,
      int halfOpenCalls) {

    public static final CircuitBreaker DEFAULT =
        new CircuitBreaker(50, 100, Duration.ofSeconds(2), 20, 10, Duration.ofSeconds(10), 3);

    public CircuitBreaker {
      Objects.requireNonNull(slowCallDuration, "slowCallDuration");
      Objects.requireNonNull(openFor, "openFor");
    }
  }

  /**
   * Tries a throttled invocation again, since throttling means the function did not run and a burst
   * often passes within milliseconds. Only throttling is retried: any other failure goes to the
   * monolith (or to the client) at once. A retry is made only if its wait ends before the rule's
   * timeout, which bounds the whole call, retries included.
   *
   * @param attempts invocations in all, the first included: {@code 1} never retries
   * @param backoff the longest wait before the first retry; it doubles for each retry after
   * @param maxBackoff the longest wait before any retry
   */
  public record ThrottleRetry(int attempts, Duration backoff, Duration maxBackoff) {

    public static final ThrottleRetry DEFAULT =
        new ThrottleRetry(3, Duration.ofMillis(20), Duration.ofMillis(200));

    public ThrottleRetry {
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, but was " + attempts);
      }
      if (backoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException(
            "backoff " + backoff + " must not exceed maxBackoff " + maxBackoff);
      }
    }

    /**
     * The wait before retry {@code retry} (1 for the first): its ceiling is {@code backoff} doubled
     * per earlier retry, capped at {@code maxBackoff}; half the ceiling is always waited and the
     * other half is spread by {@code random}, so that callers throttled together do not come back
     * together, and none comes back at once.
     *
     * @param random a number from 0 (inclusive) to 1 (exclusive)
     */
    public Duration waitBefore(int retry, double random) {
      if (retry < 1) {
        throw new IllegalArgumentException("retry must be at least 1, but was " + retry);
      }
      if (!(random >= 0 && random < 1)) {
        throw new IllegalArgumentException("random must be in [0, 1), but was " + random);
      }
      long ceiling = maxBackoff.toNanos();
      long doubled = backoff.toNanos();
      for (int i = 1; i < retry && doubled < ceiling; i++) {
        doubled *= 2;
      }
      long cap = Math.min(doubled, ceiling);
      long half = cap / 2;
      return Duration.ofNanos(half + (long) ((cap - half) * random));
    }
  }
}
