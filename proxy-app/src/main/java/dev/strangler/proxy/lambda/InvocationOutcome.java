package dev.strangler.proxy.lambda;

import java.time.Duration;

/**
 * How one synchronous invocation ended, as the Invoke API reports it. Later steps (fallback,
 * metrics) switch on the type, never on strings.
 */
public sealed interface InvocationOutcome {

  /** How long the invocation took, from the proxy's point of view. */
  Duration latency();

  /** Whether the function certainly did not run, so that replaying elsewhere is always safe. */
  default boolean functionDidNotRun() {
    return false;
  }

  /**
   * The function returned a payload.
   *
   * @param executedVersion the version that ran ({@code X-Amz-Executed-Version}), or null
   */
  record Success(byte[] payload, String executedVersion, Duration latency)
      implements InvocationOutcome {}

  /**
   * The function ran and failed: HTTP 200 with {@code X-Amz-Function-Error}.
   *
   * @param kind {@code Handled} or {@code Unhandled}, as Lambda reports it
   * @param errorType e.g. {@code java.lang.IllegalStateException} or {@code
   *     Function.ResponseSizeTooLarge}, or null when the payload names none
   */
  record FunctionError(
      String kind, String errorType, String errorMessage, String executedVersion, Duration latency)
      implements InvocationOutcome {}

  /** 429 {@code TooManyRequestsException}: concurrency or rate limits; the function did not run. */
  record Throttled(String reason, Duration latency) implements InvocationOutcome {
    @Override
    public boolean functionDidNotRun() {
      return true;
    }
  }

  /** 413 {@code RequestTooLargeException}: the event exceeds the payload limit; not run. */
  record TooLarge(Duration latency) implements InvocationOutcome {
    @Override
    public boolean functionDidNotRun() {
      return true;
    }
  }

  /** 404 {@code ResourceNotFoundException}: no such function or qualifier; a misconfiguration. */
  record NotFound(String message, Duration latency) implements InvocationOutcome {
    @Override
    public boolean functionDidNotRun() {
      return true;
    }
  }

  /** The rule's time budget ran out before the function answered; it may have run. */
  record TimedOut(Duration budget, Duration latency) implements InvocationOutcome {}

  /** The Lambda service answered with another error (5xx, or a 4xx such as access denied). */
  record ServiceError(int status, String errorCode, String message, Duration latency)
      implements InvocationOutcome {}

  /**
   * The Lambda endpoint could not be reached or the call failed on the client side.
   *
   * @param requestSent whether any of the request may have reached the service
   */
  record Unreachable(String reason, boolean requestSent, Duration latency)
      implements InvocationOutcome {
    @Override
    public boolean functionDidNotRun() {
      return !requestSent;
    }
  }
}
