package dev.strangler.proxy.lambda;

import dev.strangler.proxy.routing.FallbackReason;

/** What serving a request with Lambda came to. */
public sealed interface LambdaResult {

  /** The response is written (the function's answer, or a problem that must not be replayed). */
  record Answered() implements LambdaResult {}

  /**
   * Serve the request with the monolith instead.
   *
   * @param body the request body as read for the function, or {@code null} when it was not read
   *     (the request's own body is still unread)
   */
  record FallBack(FallbackReason reason, byte[] body) implements LambdaResult {}
}
