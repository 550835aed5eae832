package dev.strangler.proxy.routing;

import dev.strangler.proxy.forwarding.ForwardedHeaders.Forwarding;
import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.rules.routing.Decision;
import java.util.Objects;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the proxy decided about one request, computed once when it arrives and read by every later
 * filter, log line and metric: who the client is, which rule set was in force, the decision, and
 * the request's id ({@code X-Request-Id} when the client sent a sane one).
 */
public record RoutedRequest(
    Forwarding forwarding, LoadedRules rules, Decision decision, String requestId) {

  private static final String ATTRIBUTE = RoutedRequest.class.getName();

  public RoutedRequest {
    Objects.requireNonNull(forwarding, "forwarding");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(requestId, "requestId");
  }

  void attachTo(ServerWebExchange exchange) {
    exchange.getAttributes().put(ATTRIBUTE, this);
  }

  /** The request's routing, or {@code null} on exchanges the proxy did not route. */
  public static RoutedRequest of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }
}
