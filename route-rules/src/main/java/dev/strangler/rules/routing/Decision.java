package dev.strangler.rules.routing;

import dev.strangler.rules.model.RouteRule;
import java.util.Map;

/** What the route table decided for one request. */
public sealed interface Decision {

  /** The canonical path to send upstream: exactly the path that was matched. */
  String forwardPath();

  /** Why a request went where it went. */
  enum Reason {
    /** No rule claims the request. */
    NO_MATCH,
    /** A rule claims it and the request's canary bucket chose the backend. */
    CANARY,
    /** A tester forced the backend with the override header. */
    FORCED
  }

  /**
   * Serve the request with the rule's function.
   *
   * @param pattern the path pattern that matched, e.g. {@code /api/products/{id}}
   * @param pathParameters values of the pattern's {@code {variables}}, decoded
   * @param bucket the canary bucket 0..9999, or -1 when forced
   */
  record ToLambda(
      RouteRule rule,
      String pattern,
      Map<String, String> pathParameters,
      String forwardPath,
      int bucket,
      Reason reason)
      implements Decision {
    public ToLambda {
      pathParameters = Map.copyOf(pathParameters);
    }
  }

  /**
   * Serve the request with the monolith.
   *
   * @param rule the rule that matched but chose the monolith, or {@code null} for {@link
   *     Reason#NO_MATCH}
   * @param bucket the canary bucket 0..9999, or -1 when no rule matched or the backend was forced
   */
  record ToMonolith(RouteRule rule, String forwardPath, int bucket, Reason reason)
      implements Decision {}

  /**
   * The path cannot be interpreted unambiguously; answer 400 and send it nowhere.
   *
   * @param detail why, for the problem+json body, e.g. {@code encoded '/' (%2F) in the path}
   */
  record Rejected(String detail) implements Decision {
    @Override
    public String forwardPath() {
      return null;
    }
  }
}
