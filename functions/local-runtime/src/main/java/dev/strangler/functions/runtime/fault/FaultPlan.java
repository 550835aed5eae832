package dev.strangler.functions.runtime.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes wrong, on purpose, with every invocation of one function until the plan is cleared. All
 * but {@code throttle} happen inside the execution environment, so they count towards the
 * invocation's duration and timeout as a misbehaving function would.
 *
 * @param latency added before the handler runs
 * @param throwMessage the handler is replaced by an uncaught {@code RuntimeException} with this
 *     message
 * @param timeout the handler is replaced by one that never returns: the invocation times out
 * @param throttle answered with 429 {@code TooManyRequestsException} before anything runs
 * @param malformed the handler is replaced by one whose answer is not JSON
 * @param throttleNext the next this many invocations are throttled as by {@code throttle}, then the
 *     function runs again: a burst of throttling, which callers may retry through
 */
public record FaultPlan(
    Duration latency,
    Optional<String> throwMessage,
    boolean timeout,
    boolean throttle,
    boolean malformed,
    int throttleNext) {

  public static final FaultPlan NONE =
      new FaultPlan(Duration.ZERO, Optional.empty(), false, false, false, 0);

  /**
   * The answer of a {@code malformed} function: cut off mid-object, as a crashed writer leaves it.
   */
  public static final String MALFORMED_ANSWER = "{\"statusCode\":200,\"body\":\"<html><body>";

  public FaultPlan {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(throwMessage, "throwMessage");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, but was " + latency);
    }
    if (throttleNext < 0) {
      throw new IllegalArgumentException(
          "throttleNext must not be negative, but was " + throttleNext);
    }
  }

  /** Whether the invocation this plan was taken for is throttled. */
  public boolean throttles() {
    return throttle || throttleNext > 0;
  }

  /** The plan for the invocation after this one: one throttled invocation fewer to come. */
  FaultPlan afterOneInvocation() {
    return throttleNext == 0
        ? this
        : new FaultPlan(latency, throwMessage, timeout, throttle, malformed, throttleNext - 1);
  }

  public boolean isNone() {
    return equals(NONE);
  }
}
