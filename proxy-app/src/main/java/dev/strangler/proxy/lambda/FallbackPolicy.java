package dev.strangler.proxy.lambda;

import dev.strangler.proxy.routing.FallbackReason;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.RouteRule;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * When a request that Lambda did not serve may be served by the monolith instead. If the function
 * did not run, always; if it may have run, only when running the request twice is harmless.
 */
final class FallbackPolicy {
  private FallbackPolicy() {}

  /** RFC 9110's safe methods. */
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  /**
   * If the function did not run, always; if it may have, only for a safe method, a rule marked
   * idempotent, or a request that carries the rule's idempotency key header.
   */
  static boolean mayReplay(FallbackReason reason, ServerHttpRequest request, RouteRule rule) {
    if (reason == null) {
      return false;
    }
    if (!reason.functionMayHaveRun()) {
      return true;
    }
    Fallback fallback = rule.fallback();
    String keyHeader = fallback.idempotencyKeyHeader();
    return SAFE.contains(request.getMethod().name())
        || fallback.idempotent()
        || (keyHeader != null && request.getHeaders().getFirst(keyHeader) != null);
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
