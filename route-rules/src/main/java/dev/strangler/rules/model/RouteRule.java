package dev.strangler.rules.model;

import java.util.Objects;

/**
 * One rule: which requests it claims, the function that serves them, and for what share of users.
 *
 * @param id unique in the file; used in logs, metrics and errors
 * @param fallback what happens when the function fails
 * @param position where the rule starts in the file
 */
public record RouteRule(
    String id,
    Match match,
    LambdaTarget lambda,
    Canary canary,
    Fallback fallback,
    SourcePosition position) {

  public RouteRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(lambda, "lambda");
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(position, "position");
  }
}
