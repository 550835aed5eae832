package dev.strangler.proxy.routing;

import java.util.Locale;
import org.springframework.web.server.ServerWebExchange;

/** Why a request that a rule sent to Lambda was served by the monolith instead. */
public enum FallbackReason {
  /** 429: the function is at its concurrency or rate limit; it did not run. */
  THROTTLED(false),
  /** The request does not fit Lambda's payload limit; nothing was sent. */
  TOO_LARGE(false),
  /** The function or qualifier does not exist; it did not run. */
  NOT_FOUND(false),
  /** The Lambda endpoint could not be reached; nothing was sent. */
  CONNECT(false),
  /** The rule's circuit breaker is open: the function is not called for a while. */
  CIRCUIT_OPEN(false),
  /** The rule already has its most invocations in flight ({@code fallback.maxConcurrent}). */
  CONCURRENCY_LIMIT(false),
  /**
   * The proxy's memory budget for buffered bodies had no room for this one; the function did not
   * run (docs/memory-budget.md).
   */
  BUFFER_FULL(false),
  /** The function answered a status the rule lists in {@code fallback.onStatus}. */
  STATUS(true),
  /** The function ran and failed. */
  FUNCTION_ERROR(true),
  /** The function did not answer within the rule's time budget; it may have run. */
  TIMEOUT(true),
  /** The function answered something that is not an API Gateway response. */
  MALFORMED(true),
  /** The Lambda service failed the call; the function may have run. */
  SERVICE_ERROR(true);

  private static final String ATTRIBUTE = FallbackReason.class.getName();

  private final boolean functionMayHaveRun;

  FallbackReason(boolean functionMayHaveRun) {
    this.functionMayHaveRun = functionMayHaveRun;
  }

  /**
   * Whether the function may have run: then only a request that is safe to run twice may be
   * replayed on the monolith.
   */
  public boolean functionMayHaveRun() {
    return functionMayHaveRun;
  }

  /**
   * Whether the proxy tried the function at all: not when the rule's own guards (breaker,
   * concurrency limit) or the request's size kept the call from being made.
   */
  public boolean functionWasCalled() {
    return this != CIRCUIT_OPEN
        && this != CONCURRENCY_LIMIT
        && this != TOO_LARGE
        && this != BUFFER_FULL;
  }

  /** As written in logs, headers and metric tags: {@code throttled}, {@code function_error}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public void attachTo(ServerWebExchange exchange) {
    exchange.getAttributes().put(ATTRIBUTE, this);
  }

  /** The reason a request fell back, or {@code null} when it did not. */
  public static FallbackReason of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }
}
