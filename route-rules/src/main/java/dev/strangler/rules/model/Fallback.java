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
 */
public record Fallback(
    boolean idempotent,
    String idempotencyKeyHeader,
    Set<Integer> onStatus,
    int maxConcurrent,
    CircuitBreaker circuitBreaker) {

  public static final Fallback DEFAULT =
      new Fallback(false, null, Set.of(), 100, CircuitBreaker.DEFAULT);

  public Fallback {
    onStatus = Set.copyOf(onStatus);
    Objects.requireNonNull(circuitBreaker, "circuitBreaker");
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
}
