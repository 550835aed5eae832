package dev.strangler.proxy.lambda;

import dev.strangler.proxy.routing.FallbackReason;
import java.util.Set;

/**
 * When a request that Lambda did not serve may be served by the monolith instead. If the function
 * did not run, always; if it may have run, only when running the request twice is harmless.
 */
final class FallbackPolicy {
  private FallbackPolicy() {}

  /** RFC 9110's safe methods. */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  static boolean mayReplay(FallbackReason reason, String method) {
    return reason != null && (!reason.functionMayHaveRun() || SAFE.contains(method));
  }

  /** The reason an invocation counts as failed, or {@code null} for a success. */
  static FallbackReason reasonFor(InvocationOutcome outcome) {
    if (outcome instanceof InvocationOutcome.Success) {
      return null;
    }
    if (outcome instanceof InvocationOutcome.FunctionError) {
      return FallbackReason.FUNCTION_ERROR;
    }
    if (outcome instanceof InvocationOutcome.Throttled) {
      return FallbackReason.THROTTLED;
    }
    if (outcome instanceof InvocationOutcome.TooLarge) {
      return FallbackReason.TOO_LARGE;
    }
    if (outcome instanceof InvocationOutcome.NotFound) {
      return FallbackReason.NOT_FOUND;
    }
    if (outcome instanceof InvocationOutcome.TimedOut) {
      return FallbackReason.TIMEOUT;
    }
    if (outcome instanceof InvocationOutcome.ServiceError) {
      return FallbackReason.SERVICE_ERROR;
    }
    return outcome.functionDidNotRun() ? FallbackReason.CONNECT : FallbackReason.SERVICE_ERROR;
  }
}
